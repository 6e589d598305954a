import type { Span } from '../types';
import { overlapsAny } from './prose';
import { forEachMatchAtLineStart } from '../text/lineIndex';

export interface MalformedCheckbox {
  /** From the list marker to the end of the bracket pair. */
  span: Span;
  written: string;
  /** What GitHub renders as a task: `- [ ]` or `- [x]`. */
  replacement: string;
}

// A list marker followed by a bracket pair that GitHub does not turn into a checkbox: `- []`,
// `- [ x]`, `- [x ]`, `-[ ]`, `- [  ]`, `- [ ]text`.
// Tried at each line start alone (forEachMatchAtLineStart): unanchored, it was tried at every offset.
const CANDIDATE = /([ \t]*(?:>[ \t]?)*)([-*+]|\d{1,9}[.)])([ \t]*)\[([^\]\r\n]{0,3})\]([^\r\n]?)/y;

export function findMalformedCheckboxes(text: string, nonProse: readonly Span[]): MalformedCheckbox[] {
  const found: MalformedCheckbox[] = [];
  if (!text.includes('[')) return found;
  forEachMatchAtLineStart(text, CANDIDATE, (match) => {
    const [whole, prefix, marker, gap, inside, after] = match;
    const inner = inside.trim();
    if (inner !== '' && inner !== 'x' && inner !== 'X') return;
    if (after === '(') return; // `- [x](url)`: a link
    const wellFormed = gap.length >= 1 && (inside === ' ' || inside === 'x' || inside === 'X') && (after === '' || /[ \t]/.test(after));
    if (wellFormed) return;
    if (after === ':' || after === '[') return; // `[x]: url` definitions and `[a][b]` references
    const start = match.index + prefix.length;
    const end = match.index + whole.length - after.length;
    const span = { start, end };
    if (overlapsAny(span, nonProse)) return;
    const box = inner === '' ? '[ ]' : '[x]';
    found.push({
      span,
      written: text.slice(start, end),
      replacement: `${marker} ${box}${after !== '' && !/[ \t]/.test(after) ? ' ' : ''}`,
    });
  });
  return found;
}
