import type { Position, Range, Span } from '../types';
import { lastAtOrBefore } from './spans';

/*
 * The one line model of the engine: a line ends at `\r\n`, a lone `\r` or `\n` — as LSP counts
 * lines, and as CommonMark (so remark) reads them. `\u2028` and `\u2029` end no line, although a
 * JavaScript regular expression's `^`, `$` and `.` treat them as if they did: line-based patterns
 * in the engine name `[\r\n]` explicitly instead of relying on the `m` flag.
 */

/** Offset of the first `\r` or `\n` at or after `from`; the text's length when there is none. */
export function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/**
 * Offset of the start of the line holding `offset`: read back to the line break before it. Unlike
 * `Math.max(text.lastIndexOf('\n', offset), text.lastIndexOf('\r', offset)) + 1`, it never reads
 * past that break: in a text of lone-`\r` lines, `lastIndexOf('\n')` read back to the start of the
 * text from every line (npm run fuzz: 23,907 definitions after 44,595 `\r`, 1.9 s).
 */
export function lineStartAt(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length - 1); i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}

/** Length of the line break at `offset`: 2 for `\r\n`, 1 for `\r` or `\n`, 0 for anything else. */
export function lineBreakLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code === 10) return 1;
  if (code === 13) return text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  return 0;
}

/**
 * How many line breaks a text holds (`\r\n` one, a lone `\r` one), counted by the native search
 * rather than a loop of ours over every character.
 */
export function lineBreakCount(text: string): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  // A \r\n was counted at its \n.
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) breaks++;
  return breaks;
}

/** The line break a text is written with (its first one), for text inserted into it; `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const at = nextLineBreak(text, 0);
  return at === text.length ? '\n' : text.slice(at, at + lineBreakLength(text, at));
}

/**
 * Calls `found` with each match of a sticky (`y`) expression tried at each line start of the text
 * (its start, and after each `\r` or `\n`), in order. For an expression whose matches hold no line
 * break, that is what the same expression behind `(?<![^\r\n])`, global, finds — which tries
 * every offset of the text, and costs as much on lines that could never match.
 */
export function forEachMatchAtLineStart(text: string, sticky: RegExp, found: (match: RegExpExecArray) => void): void {
  for (let lineStart = 0; ; ) {
    sticky.lastIndex = lineStart;
    const match = sticky.exec(text);
    if (match) found(match);
    const lineBreak = nextLineBreak(text, lineStart);
    if (lineBreak === text.length) return;
    lineStart = lineBreak + 1;
  }
}

/** The lines of a text, each with its offset, without their line breaks. */
export function splitLines(text: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (;;) {
    const end = nextLineBreak(text, start);
    lines.push({ start, text: text.slice(start, end) });
    if (end === text.length) return lines;
    start = end + lineBreakLength(text, end);
  }
}

/**
 * The line starts of a text from the last of `starts` on, added to them (and past `until`, only
 * the first). The next `\n` and the next `\r` are each searched for again only once passed: two
 * native searches instead of a loop of ours over every character of every document.
 */
function lineStartsFrom(text: string, starts: number[], until = Infinity): number[] {
  const from = starts[starts.length - 1];
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lf !== -1 || cr !== -1) {
    const lineBreak = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    const start = lineBreak + lineBreakLength(text, lineBreak);
    starts.push(start);
    if (start > until) break;
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
  return starts;
}

/**
 * A line start depends only on the two characters around it (a break ends before it; `\r\n` is one
 * break): those before the edit whose both characters it shares stand, and once one is found past
 * the edit's end, the earlier version's from there on stand too, moved by the edit's length.
 */
function startsAfterEdit(text: string, earlier: LineIndex, prefix: number, suffix: number): number[] {
  const before = earlier.lineStarts;
  const kept = Math.max(1, lastAtOrBefore(before, prefix - 1) + 1);
  const editEnd = text.length - suffix;
  const starts = lineStartsFrom(text, before.slice(0, kept), editEnd);
  const last = starts[starts.length - 1];
  if (last <= editEnd) return starts;
  const delta = text.length - earlier.text.length;
  const at = lastAtOrBefore(before, last - delta);
  // Past the edit, the earlier version had the same start: everything after it moves as it is.
  if (before[at] !== last - delta) return lineStartsFrom(text, starts);
  for (let i = at + 1; i < before.length; i++) starts.push(before[i] + delta);
  return starts;
}

/** Converts between offsets and line/character positions of one text. */
export class LineIndex {
  readonly lineStarts: number[];
  /** The break new lines in this text are written with. */
  readonly lineBreak: string;

  /**
   * `earlier`: the index of a version of the text that differs from this one only between the
   * start and the end they share (`prefix`, `suffix` characters long). Its lines are looked for only
   * from the edited line on, up to the first line start past the edit; the later ones are moved.
   */
  constructor(readonly text: string, earlier?: { lines: LineIndex; prefix: number; suffix: number }) {
    this.lineStarts = earlier ? startsAfterEdit(text, earlier.lines, earlier.prefix, earlier.suffix) : lineStartsFrom(text, [0]);
    this.lineBreak = lineBreakOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the `\r` and the `\n` of one line break is no place on any line: LSP clients say the line's end.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const line = Math.max(0, lastAtOrBefore(this.lineStarts, clamped));
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)];
    return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    return next >= 2 && this.text[next - 2] === '\r' && this.text[next - 1] === '\n' ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The span of a whole line including its line break, for edits that delete the line. */
  fullLineSpan(line: number): Span {
    const start = this.lineStarts[line];
    const next = this.lineStarts[line + 1];
    return { start, end: next ?? this.text.length };
  }
}
