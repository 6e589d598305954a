import type { Rule } from './rule';
import type { Span } from '../types';
import { parseDestination } from '../links/destination';
import { editInUrl, linkOccurrences } from '../links/occurrences';
import { INVISIBLE } from '../links/targets';
import { fix, shorten } from './edits';
import { decodeUriComponent, encodeUriComponent } from '../text/uriText';

export const brokenLink: Rule = {
  code: 'broken-link',
  description: 'A relative link, root link or GitHub URL into a workspace repository names a file or folder that does not exist.',
  defaultSeverity: 'error',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
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
        message: destination.type === 'path' ? pathMessage(occurrence.url, target.pathSpan, target.display, suggestion) : githubMessage(target.display, target.repository, suggestion),
        fixes: edit ? [fix(`Link to ${suggestion}`, [edit], { isPreferred: true })] : [],
      });
    }
  },
};

/**
 * The link as written, where it leads when it climbs out of its folder (`../toc-decision-process.md`
 * from operations/ is cncf/toc/toc-decision-process.md), and the link the fix writes.
 */
function pathMessage(url: string, pathSpan: Span, display: string, suggestion: string | undefined): string {
  const written = decodeUriComponent(url.slice(pathSpan.start, pathSpan.end));
  const climbs = written.startsWith('/') || written.split('/').includes('..');
  const where = climbs && written !== display ? ` (${visible(shorten(display))})` : '';
  const replacement = suggestion ? `${url.slice(0, pathSpan.start)}${suggestion}${url.slice(pathSpan.end)}` : undefined;
  return `No file or folder ${visible(shorten(written))}${where}${replacement ? `; did you mean ${shorten(replacement)}?` : ''}`;
}

function githubMessage(display: string, repository: string | undefined, suggestion: string | undefined): string {
  return `No file or folder ${visible(shorten(display))}${repository ? ` (${repository} in this workspace)` : ''}${suggestion ? `; did you mean ${suggestion}?` : ''}`;
}

/** `2026-02-02.md‎` with an invisible left-to-right mark reads as the existing file: show the mark. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (mark) => `<U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

function encodePath(path: string): string {
  return path.split('/').map((segment) => encodeUriComponent(segment).replace(/%40/g, '@')).join('/');
}
