import type { Span } from '../types';

/**
 * Runs a global regular expression over `text` and calls back for each match that does not
 * touch a non-prose span (code, HTML, URLs). `nonProse` must be sorted by start.
 */
export function forEachProseMatch(
  text: string,
  pattern: RegExp,
  nonProse: readonly Span[],
  onMatch: (match: RegExpExecArray, span: Span) => void,
): void {
  pattern.lastIndex = 0;
  for (let match; (match = pattern.exec(text)); ) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const span = { start: match.index, end: match.index + match[0].length };
    if (!overlapsAny(span, nonProse)) onMatch(match, span);
  }
}

export function overlapsAny(span: Span, sorted: readonly Span[]): boolean {
  let low = 0;
  let high = sorted.length;
  // first span that ends after our start
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].end <= span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < sorted.length && sorted[i].start < span.end; i++) {
    if (sorted[i].end > span.start) return true;
  }
  return false;
}
