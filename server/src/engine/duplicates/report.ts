import type { WorkspaceDuplicates } from '../rules/rule';
import { processEntry } from './lexicon';
import { encodeUri } from '../text/uriText';

/**
 * "Show Duplicates": every topic defined more than once, with its places, as a Markdown checklist
 * a maintainer can walk while consolidating (the canonical copy first, marked).
 */
export function duplicatesReport(duplicates: WorkspaceDuplicates, pathOf: (uri: string) => string): string {
  const lines = ['# Duplicated definitions', ''];
  if (duplicates.groups.length === 0) return [...lines, 'No definition is written twice in this workspace.', ''].join('\n');
  lines.push(`${duplicates.groups.length} ${duplicates.groups.length === 1 ? 'topic is' : 'topics are'} defined in more than one place. Keep the first place of each and link to it from the others.`, '');
  for (const group of duplicates.groups) {
    const title = group.topic
      ? `${processEntry(duplicates.lexicon, group.topic.process)?.title ?? group.topic.process}${group.topic.roles.length ? ` — ${group.topic.roles.join(', ')}` : ''}`
      : group.reason === 'same-heading'
        ? `Same heading, ${Math.round((group.similarity ?? 1) * 100)}% alike`
        : `Copied text, ${Math.round((group.similarity ?? 1) * 100)}% alike`;
    lines.push(`## ${title}`, '');
    const order = [group.canonical, ...group.members.map((_, i) => i).filter((i) => i !== group.canonical)];
    for (const index of order) {
      const member = group.members[index];
      const line = duplicates.rangeOf(member.uri, member.definition.labelSpan).start.line + 1;
      const path = pathOf(member.uri);
      const mark = index === group.canonical ? ' (keep)' : '';
      lines.push(`- [ ] [${member.definition.label}](${encodeUri(path)}#L${line}) — ${path}:${line}${mark}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
