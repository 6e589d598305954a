import type { Rule } from './rule';
import { parseDestination } from '../links/destination';
import { editInUrl, linkOccurrences } from '../links/occurrences';
import { fix, shorten } from './edits';

export const brokenLink: Rule = {
  code: 'broken-link',
  description: 'A relative link, root link or GitHub URL into a workspace repository names a file or folder that does not exist.',
  defaultSeverity: 'error',
  appliesTo: ['dd', 'meeting', 'governance'],
  check({ doc, workspace }, report) {
    if (!workspace.links) return;
    for (const occurrence of linkOccurrences(doc.parsed)) {
      const destination = parseDestination(occurrence.url);
      if (destination.type !== 'path' && destination.type !== 'github') continue;
      // `sandbox.cncf.io` is a web address without its scheme: malformed-url says so.
      if (destination.type === 'path' && destination.bareDomain) continue;
      const target = workspace.links.get(occurrence.url);
      if (!target || target.kind) continue;
      const suggestion = target.suggestion;
      const edit = suggestion ? editInUrl(occurrence, target.pathSpan, encodePath(suggestion)) : undefined;
      report({
        span: occurrence.span,
        message: `No file or folder ${shorten(target.display)}${target.repository ? ` (${target.repository} in this workspace)` : ''}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        fixes: edit ? [fix(`Link to ${suggestion}`, [edit], { isPreferred: true })] : [],
      });
    }
  },
};

function encodePath(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment).replace(/%40/g, '@')).join('/');
}
