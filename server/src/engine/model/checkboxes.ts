import type { Span } from '../types';
import { overlapsAny } from './prose';

export interface MalformedCheckbox {
  /** From the list marker to the end of the bracket pair. */
  span: Span;
  written: string;
  /** What GitHub renders as a task: `- [ ]` or `- [x]`. */
  replacement: string;
}

// A list marker followed by a bracket pair that GitHub does not turn into a checkbox: `- []`,
// `- [ x]`, `- [x ]`, `-[ ]`, `- [  ]`, `- [ ]text`.
// `(?<![^\r\n])` is a line start in the engine's line model (text/lineIndex.ts), which the `m` flag is not.
const CANDIDATE = /(?<![^\r\n])([ \t]*(?:>[ \t]?)*)([-*+]|\d{1,9}[.)])([ \t]*)\[([^\]\r\n]{0,3})\]([^\r\n]?)/g;

export function findMalformedCheckboxes(text: string, nonProse: readonly Span[]): MalformedCheckbox[] {
  const found: MalformedCheckbox[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match; (match = CANDIDATE.exec(text)); ) {
    const [whole, prefix, marker, gap, inside, after] = match;
    const inner = inside.trim();
    if (inner !== '' && inner !== 'x' && inner !== 'X') continue;
    if (after === '(') continue; // `- [x](url)`: a link
    const wellFormed = gap.length >= 1 && (inside === ' ' || inside === 'x' || inside === 'X') && (after === '' || /[ \t]/.test(after));
    if (wellFormed) continue;
    if (after === ':' || after === '[') continue; // `[x]: url` definitions and `[a][b]` references
    const start = match.index + prefix.length;
    const end = match.index + whole.length - after.length;
    const span = { start, end };
    if (overlapsAny(span, nonProse)) continue;
    const box = inner === '' ? '[ ]' : '[x]';
    found.push({
      span,
      written: text.slice(start, end),
      replacement: `${marker} ${box}${after !== '' && !/[ \t]/.test(after) ? ' ' : ''}`,
    });
  }
  return found;
}
