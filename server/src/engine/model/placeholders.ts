import type { Span } from '../types';
import type { ListItemFact, LinkFact } from '../parse/facts';
import { forEachProseMatch, overlapsAny } from './prose';
import type { UserPattern } from '../text/userPattern';

export interface Placeholder {
  span: Span;
  text: string;
  /** Set when the placeholder is all a list item says (`- NOTABLE1`): the lines the fix removes. */
  itemLines?: Span;
}

/**
 * The `$NAME` blanks of the CNCF's own templates (cncf/toc `operations/toc-templates/`,
 * `.github/ISSUE_TEMPLATE/`, `toc_subprojects/`, at 4acc1dc of 2026-06-30). Outside a DD, a `$NAME`
 * is a blank only when it is one of these: `cosign download sbom $IMAGE` in a how-to is a variable.
 */
const CNCF_TEMPLATE_TOKENS = new Set([
  'ADOPTERORG', 'APPLICATIONLEVEL', 'BLOCKERS', 'COMPANY', 'CONDITIONS', 'DATETWOWEEKSOUT', 'FROMLEVEL',
  'GITHUBHANDLE', 'GROUP', 'INDUSTRY', 'INTERVIEWSUMMARY', 'LEVEL', 'LINK', 'NEW_LEVEL', 'NOTABLES', 'PROJECT',
  'RECOMMENDATIONS', 'SCHEDULINGLINK', 'SIGNATUREBLOCK', 'TOCMEMBER', 'TOCSPONSOR', 'TOCSPONSORS', 'TOLEVEL', 'TOPIC',
]);

/** Whether a `$NAME` blank (`$TOCMember`, `$PROJECT/$LEVEL`) is made only of the CNCF templates' own names. */
export function isCncfTemplateToken(text: string): boolean {
  return text.split('/').every((token) => CNCF_TEMPLATE_TOKENS.has(token.replace(/^\$/, '').toUpperCase()));
}

/** `TBD` / `<TBD>`: a blank in a DD's evaluation, an author's own word elsewhere. */
export function isTbd(placeholder: Placeholder): boolean {
  return /^<?TBD>?$/.test(placeholder.text);
}

/** Blanks the CNCF templates leave for the author to fill in. */
const BUILT_IN_PATTERNS: RegExp[] = [
  // Upper case first, any case after: the templates write `$TOCMEMBER` and also `$TOCMember`, `$Project`.
  /(?<![A-Za-z0-9$])\$[A-Z][A-Za-z0-9_]+(?:\/\$[A-Z][A-Za-z0-9_]+)*\b/g,
  /\bDD-MMM-YYYY\b/g,
  /\bMONTH YEAR\b/g,
  /\[in use\/too early\]/g,
  /\[has\/has not\]/g,
  /\bName \/ Industry\b/g,
  /<TBD>|\bTBD\b/g,
];

/** Text that every match of a built-in pattern holds: a chunk without any is not searched seven times. */
const BUILT_IN_CLUE = /\$[A-Z]|DD-MMM-YYYY|MONTH YEAR|\[in use\/too early\]|\[has\/has not\]|Name \/ Industry|TBD/;

/** `NOTABLE1`, `BLOCKER2`, `RECOMMENDATION3` mean something only alone on a list item. */
const LIST_ITEM_BLANK = /^(?:NOTABLE|BLOCKER|RECOMMENDATION)S?\d*$/;

/** Whether a text may hold a blank that counts only alone on a list item (found from list items alone). */
export function mayHoldListItemBlank(text: string): boolean {
  return /NOTABLE|BLOCKER|RECOMMENDATION/.test(text);
}

export function findPlaceholders(
  text: string,
  nonProse: readonly Span[],
  listItems: readonly ListItemFact[],
  links: readonly LinkFact[],
  extraPatterns: readonly UserPattern[] = [],
): Placeholder[] {
  const found: Placeholder[] = [];
  for (const pattern of BUILT_IN_CLUE.test(text) ? BUILT_IN_PATTERNS : []) {
    forEachProseMatch(text, pattern, nonProse, (match, span) => {
      if (match[0].startsWith('$') && isPartOfPathConvention(text, span)) return;
      found.push({ span, text: match[0] });
    });
  }
  for (const pattern of extraPatterns) {
    for (const match of pattern.matches(text)) {
      const span = { start: match.start, end: match.end };
      if (!overlapsAny(span, nonProse)) found.push({ span, text: match.text });
    }
  }
  for (const item of listItems) {
    if (item.firstParagraph && item.checked === null && LIST_ITEM_BLANK.test(item.text) && item.span.end - item.span.start < 40) {
      // Of an item that holds more than its blank (a nested item), only the blank's own lines go:
      // removing the whole item removed the nested one with it (npm run fuzz, seed 3021).
      const holdsOnlyTheBlank = text.slice(item.firstParagraph.end, item.span.end).trim() === '';
      found.push({ span: item.firstParagraph, text: item.text, itemLines: holdsOnlyTheBlank ? item.span : { start: item.span.start, end: item.firstParagraph.end } });
    }
  }
  for (const link of links) {
    if (link.kind === 'inline' && link.url === '' && /\]\(\s*\)$/.test(text.slice(link.span.start, link.span.end))) {
      found.push({ span: link.span, text: text.slice(link.span.start, link.span.end) });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return dropOverlaps(found);
}

/**
 * `projects/$PROJECT/tech-review/YYYY-MM-DD.md` in prose that explains naming is a convention,
 * not a blank: the word around the token has path segments that are not placeholders themselves.
 */
function isPartOfPathConvention(text: string, span: Span): boolean {
  let start = span.start;
  let end = span.end;
  while (start > 0 && !/[\s(<[`'"]/.test(text[start - 1])) start--;
  while (end < text.length && !/[\s)>\]`'",;]/.test(text[end])) end++;
  const word = text.slice(start, end).replace(/[.:]$/, '');
  if (!word.includes('/')) return false;
  return word.split('/').some((segment) => segment !== '' && !/^\$[A-Z][A-Za-z0-9_]*$/.test(segment));
}

function dropOverlaps(sorted: Placeholder[]): Placeholder[] {
  const kept: Placeholder[] = [];
  for (const placeholder of sorted) {
    const last = kept[kept.length - 1];
    if (last && placeholder.span.start < last.span.end) continue;
    kept.push(placeholder);
  }
  return kept;
}
