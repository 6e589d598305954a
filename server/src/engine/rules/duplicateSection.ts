import { uriBasename } from '../text/uriText';
import type { Rule } from './rule';
import type { DuplicateGroup } from '../duplicates/findDuplicates';
import { processEntry } from '../duplicates/lexicon';
import { linkReplacement } from '../duplicates/replacement';
import { fix } from './edits';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  description: 'One governance topic (a process for a role) is defined in two workspace files.',
  defaultSeverity: 'warning',
  // DDs and meeting notes evaluate and record processes; governance files define them.
  appliesTo: ['governance'],
  check({ doc, workspace }, report) {
    const duplicates = workspace.duplicates;
    if (!duplicates) return;
    for (const group of duplicates.groupsOf(doc.uri)) {
      for (const index of membersIn(group, doc.uri)) {
        const member = group.members[index];
        const others = member.duplicates.map((i) => group.members[i]);
        const canonical = group.members[group.canonical];
        const fixes = [];
        if (index !== group.canonical && canonical.uri !== doc.uri) {
          const replacement = linkReplacement(doc.text, member, canonical);
          fixes.push(fix(replacement.title, [{ span: replacement.span, newText: replacement.newText }], { isPreferred: true }));
        }
        report({
          span: member.definition.labelSpan,
          message: `${describe(group, member.definition.topic?.roles, duplicates.lexicon)} also defined in ${[...new Set(others.map((o) => fileName(o.uri)))].join(', ')}: keep one source of truth`,
          related: others.map((other) => ({
            uri: other.uri,
            range: duplicates.rangeOf(other.uri, other.definition.labelSpan),
            message: `Also defined here: "${other.definition.label}"`,
          })),
          fixes,
        });
      }
    }
  },
};

/**
 * A group's members by file, read once per group: each governance file looks up its own, and a
 * group as large as the workspace is not read through again for every file in it.
 */
const membersByUri = new WeakMap<DuplicateGroup, Map<string, number[]>>();

function membersIn(group: DuplicateGroup, uri: string): readonly number[] {
  let byUri = membersByUri.get(group);
  if (!byUri) {
    byUri = new Map();
    for (const [index, member] of group.members.entries()) {
      const list = byUri.get(member.uri);
      if (list) list.push(index);
      else byUri.set(member.uri, [index]);
    }
    membersByUri.set(group, byUri);
  }
  return byUri.get(uri) ?? [];
}

/** Processes named by a noun read "The responsibilities of …"; the others "How to … as …". */
const NOUN_PROCESSES = new Set(['responsibilities', 'qualifications', 'privileges', 'define']);

/** `ownRoles`: the roles this member defines the process for, which may be fewer than the group's. */
function describe(group: DuplicateGroup, ownRoles: readonly string[] | undefined, lexicon: Parameters<typeof processEntry>[0]): string {
  if (group.reason === 'topic' && group.topic) {
    const title = processEntry(lexicon, group.topic.process)?.title ?? group.topic.process;
    const roles = (ownRoles?.length ? ownRoles : group.topic.roles).map((role) => role.replace(/-/g, ' ')).join(', ');
    if (NOUN_PROCESSES.has(group.topic.process)) return `The ${title}${roles ? ` of ${roles}` : ''} ${group.topic.process === 'define' ? 'is' : 'are'}`;
    return `How to ${title}${roles ? ` as ${roles}` : ''} is`;
  }
  const similarity = group.similarity !== undefined ? `, ${Math.round(group.similarity * 100)}% alike,` : '';
  return `This section${similarity} is`;
}

function fileName(uri: string): string {
  return uriBasename(uri);
}
