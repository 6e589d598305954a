import type { Rule } from './rule';
import type { Span } from '../types';
import { parseDestination } from '../links/destination';
import { decodeUriComponent } from '../text/uriText';
import { fix } from './edits';

/** Extensions of the files governance documents link to; `d7y.io` as link text names a site, not a file. */
const FILE_EXTENSIONS = 'md|markdown|mdx|txt|ya?ml|json|toml|adoc|rst|go|rs|py|js|ts|sh|proto|pdf|png|svg|csv|html?';
const NAMES_A_FILE = new RegExp(`^((?:[\\w.-]+/)*)([\\w.-]+\\.(?:${FILE_EXTENSIONS}))(?:#([^\\s#]+))?$`, 'i');
const FILE_SEGMENT = new RegExp(`^[^/?#]+\\.(?:${FILE_EXTENSIONS})$`, 'i');

/**
 * The first segment of the URL (between `/`, `?` and `#`) that ends the path or the query and names
 * a file. Segment by segment, each tried once: an unanchored expression for it tried every start
 * in a segment again (a 262 KB destination took 46 s; npm run fuzz).
 */
export function fileSegmentOf(url: string): string | undefined {
  const segment = /[^/?#]+/g;
  for (let match; (match = segment.exec(url)); ) {
    const after = url[match.index + match[0].length];
    if (after !== '/' && FILE_SEGMENT.test(match[0])) return match[0];
  }
  return undefined;
}

export const linkTextMismatch: Rule = {
  code: 'link-text-mismatch',
  description: 'The link text names a file (`COMMUNITY_MEBMERSHIP.md#x`) other than the one the link goes to.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const definitions = new Map(doc.parsed.definitions.map((d) => [d.identifier, d.url]));
    for (const link of doc.parsed.links) {
      if (link.kind === 'autolink' || link.kind === 'image' || !link.textSpan) continue;
      const url = link.kind === 'reference' ? definitions.get(link.identifier ?? '') : link.url;
      const named = NAMES_A_FILE.exec(link.text.trim());
      if (!url || !named) continue;
      const target = targetName(url);
      if (!target) continue;
      const [, , textName, textFragment] = named;
      const nameDiffers = !namesSameFile(textName, target.name);
      const fragmentDiffers = textFragment !== undefined && target.fragment !== undefined && decodeUriComponent(textFragment).toLowerCase() !== decodeUriComponent(target.fragment).toLowerCase();
      if (!nameDiffers && !fragmentDiffers) continue;
      const wanted = `${target.name}${textFragment !== undefined && target.fragment !== undefined ? `#${target.fragment}` : ''}`;
      const written = `${textName}${textFragment !== undefined ? `#${textFragment}` : ''}`;
      report({
        span: link.span,
        message: `The link text names ${written} but the link goes to ${wanted}`,
        fixes: textEdit(doc.text, link.textSpan, link.text, written, wanted),
      });
    }
  },
};

/**
 * `ADOPTERS.md` for `KUBERHEALTHY_ADOPTERS.md`: the text names the kind of file, the project's
 * prefix left out — no typo to fix.
 */
function namesSameFile(textName: string, targetName: string): boolean {
  const text = textName.toLowerCase();
  const target = targetName.toLowerCase();
  return text === target || (target.endsWith(text) && /[-_.]/.test(target[target.length - text.length - 1] ?? ''));
}

/** The file name (and fragment) a URL ends in, when it ends in a file name. */
function targetName(url: string): { name: string; fragment?: string } | undefined {
  const destination = parseDestination(url);
  if (destination.type === 'malformed' || destination.type === 'fragment') return undefined;
  const name = fileSegmentOf(url);
  if (name === undefined) return undefined;
  const hash = url.indexOf('#');
  return { name: decodeUriComponent(name), ...(hash === -1 ? {} : { fragment: url.slice(hash + 1) }) };
}

/** Rewrites the file name in the text, when the text is written plainly (no markup inside). */
function textEdit(text: string, textSpan: Span, rendered: string, written: string, wanted: string) {
  const source = text.slice(textSpan.start, textSpan.end);
  if (source !== rendered) return [];
  const at = source.lastIndexOf(written);
  if (at === -1) return [];
  const start = textSpan.start + at;
  return [fix(`Change the link text to ${wanted}`, [{ span: { start, end: start + written.length }, newText: wanted }], { isPreferred: true })];
}
