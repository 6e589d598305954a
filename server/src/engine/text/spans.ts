import type { Span } from '../types';

/**
 * Offsets and spans of a text found by binary search, so that a document with many links, comments or
 * code spans is read in one pass, never once per span (npm run fuzz; issue 11).
 */

/** The text with every span's characters replaced by `fill`, built once whatever the number of spans (overlaps allowed). */
export function blankOut(text: string, spans: readonly Span[], fill: string): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(at, span.start);
    if (span.end <= start) continue;
    pieces.push(text.slice(at, start), fill.repeat(span.end - start));
    at = span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** Whether an offset lies inside any of some spans (`start <= offset < end`); the spans may overlap or nest. */
export class SpanCover {
  private readonly starts: number[];
  /** The furthest end among the spans up to each one, in order of start. */
  private readonly reach: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    let furthest = -Infinity;
    this.reach = sorted.map((span) => (furthest = Math.max(furthest, span.end)));
  }

  covers(offset: number): boolean {
    const last = lastAtOrBefore(this.starts, offset);
    return last >= 0 && this.reach[last] > offset;
  }
}

/** Whether any of the offsets lies strictly inside one of the spans (`start < offset < end`). */
export function anyStartsInside(offsets: readonly number[], spans: readonly Span[]): boolean {
  if (offsets.length === 0 || spans.length === 0) return false;
  const cover = new SpanCover(spans.map((span) => ({ start: span.start + 1, end: span.end })));
  return offsets.some((offset) => cover.covers(offset));
}

/** Index of the first of ascending numbers at or after `value` (their count when there is none). */
export function firstAtOrAfter(ascending: readonly number[], value: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ascending[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the last of ascending numbers at or before `value` (-1 when there is none). */
export function lastAtOrBefore(ascending: readonly number[], value: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ascending[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
