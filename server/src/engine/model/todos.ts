import type { Span } from '../types';
import { overlapsAny } from './prose';
import { nextLineBreak } from '../text/lineIndex';

export interface Todo {
  /** The marker: `**TODO for X:**`, `TODO:` … */
  span: Span;
  /** From the marker to the end of its line. */
  lineSpan: Span;
  /** The owner as written (`Dragonfly Team`), or undefined. Never corrected. */
  owner?: string;
  text: string;
}

// Both kinds of marker are read by hand, each character at most a few times: as regular expressions
// (kept in test/engine/model/todos.test.ts, which holds these readers equal to them) a run of blanks
// inside a marker made them backtrack over every pair of its characters. `**TODO for Drag` + 375,626
// spaces + `onfly Team:**` never finished (npm run fuzz, seed 3003).

export function findTodos(text: string, nonProse: readonly Span[]): Todo[] {
  const todos: Todo[] = [];
  // Both kinds are the word itself, in capitals: most chunks have none, and are read no further.
  if (!text.includes('TODO')) return todos;
  for (const span of bareTodos(text)) {
    if (!overlapsAny(span, nonProse)) todos.push({ span, lineSpan: span, text: '' });
  }
  for (const { span, owner } of todoMarkers(text)) {
    if (overlapsAny(span, nonProse)) continue;
    const rest = text.slice(span.end, nextLineBreak(text, span.end));
    const todo: Todo = {
      span,
      lineSpan: { start: span.start, end: span.end + rest.trimEnd().length },
      text: rest.trim(),
    };
    if (owner !== undefined) todo.owner = owner.trim();
    todos.push(todo);
  }
  return todos.sort((a, b) => a.span.start - b.span.start);
}

/** Owners are grouped case-insensitively ("Dragonfly Team" and "Dragonfly team" are one owner). */
export function ownerKey(owner: string | undefined): string {
  return (owner ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

const SPACE = 0x20;
const TAB = 0x09;

function isBlank(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === SPACE || code === TAB;
}

function skipBlanks(text: string, at: number): number {
  while (isBlank(text, at)) at++;
  return at;
}

/** `\w` of a regular expression without the `u` flag. */
function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function boldAt(text: string, at: number): string {
  return text.startsWith('**', at) ? '**' : text.startsWith('__', at) ? '__' : '';
}

interface TodoMarker {
  span: Span;
  owner?: string;
}

/**
 * `**TODO for X:**`, `**TODO for X**:`, `TODO for X:`, `**TODO**:`, `TODO:`. "TODO" itself must be
 * upper case and a word (prose says "todo list"); "for" may be "For"; the owner runs to the first
 * `*`, `_` or `:` of the line.
 */
export function todoMarkers(text: string): TodoMarker[] {
  const markers: TodoMarker[] = [];
  let searchFrom = 0;
  for (let at = text.indexOf('TODO'); at >= 0; at = text.indexOf('TODO', at + 1)) {
    if ((at > 0 && isWordCharacter(text, at - 1)) || isWordCharacter(text, at + 4)) continue;
    const marker = markerAfterTodo(text, at + 4);
    if (!marker) continue;
    const start = at - 2 >= searchFrom && boldAt(text, at - 2) ? at - 2 : at;
    markers.push({ span: { start, end: marker.end }, ...(marker.owner !== undefined && { owner: marker.owner }) });
    searchFrom = marker.end;
    at = marker.end - 1;
  }
  return markers;
}

/** What follows `TODO` at `at`: ` for <owner>` (optional) and the colon, bold on either side of it. */
function markerAfterTodo(text: string, at: number): { end: number; owner?: string } | undefined {
  const owned = ownerAndColon(text, at);
  if (owned) return owned;
  const end = colonAt(text, skipBlanks(text, at));
  return end === undefined ? undefined : { end };
}

function ownerAndColon(text: string, at: number): { end: number; owner: string } | undefined {
  if (!isBlank(text, at)) return undefined;
  const word = skipBlanks(text, at);
  if (!/^[Ff][Oo][Rr]$/.test(text.slice(word, word + 3))) return undefined;
  if (!isBlank(text, word + 3)) return undefined;
  const afterBlanks = skipBlanks(text, word + 3);
  const ownerEnd = endOfOwner(text, afterBlanks);
  const end = colonAt(text, ownerEnd);
  if (end === undefined) return undefined;
  // The owner is at least one character: when only blanks follow "for", it is the last of them.
  const ownerStart = afterBlanks < ownerEnd ? afterBlanks : afterBlanks - 1;
  if (ownerStart === word + 3) return undefined;
  return { end, owner: text.slice(ownerStart, trimBlanksBefore(text, ownerEnd, ownerStart + 1)) };
}

/** The first `*`, `_`, `:` or line break from `at`, or the end of the text. */
function endOfOwner(text: string, at: number): number {
  for (; at < text.length; at++) {
    const char = text[at];
    if (char === '*' || char === '_' || char === ':' || char === '\n' || char === '\r') break;
  }
  return at;
}

function trimBlanksBefore(text: string, end: number, floor: number): number {
  while (end > floor && isBlank(text, end - 1)) end--;
  return end;
}

/** Where a marker ending with a colon at `at` ends: `**:` (blanks allowed before the colon) or `:` then blanks and `**`. */
function colonAt(text: string, at: number): number | undefined {
  const bold = boldAt(text, at);
  if (bold) {
    const colon = skipBlanks(text, at + 2);
    return text[colon] === ':' ? colon + 1 : undefined;
  }
  if (text[at] !== ':') return undefined;
  const afterBlanks = skipBlanks(text, at + 1);
  return afterBlanks + boldAt(text, afterBlanks).length;
}

/**
 * `TODO` with no colon is a marker only where it is all a line says — a bare `TODO` paragraph, or
 * after the link a list item names (`- <https://github.com/o/r/issues/4025> TODO` in a meeting
 * note's issue list); in a sentence ("the TODO list") it is a word.
 */
const LINE_BEFORE_BARE_TODO = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:(?:<[^>\r\n]*>|\[[^\]\r\n]*\]\([^)\r\n]*\)|https?:\/\/\S+)[ \t]+)?$/;

/** Each line that ends with a bare `TODO` (`**TODO**`, `TODO.`), read from its end. */
export function bareTodos(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = nextLineBreak(text, lineStart);
    const span = bareTodoEnding(text, lineStart, lineEnd);
    if (span) spans.push(span);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function bareTodoEnding(text: string, lineStart: number, lineEnd: number): Span | undefined {
  let end = trimBlanksBefore(text, lineEnd, lineStart);
  if (text[end - 1] === '.' || text[end - 1] === '!') end = trimBlanksBefore(text, end - 1, lineStart);
  const bold = end - 2 >= lineStart ? boldAt(text, end - 2) : '';
  const todoEnd = end - bold.length;
  const start = todoEnd - 4 - bold.length;
  if (start < lineStart || text.slice(todoEnd - 4, todoEnd) !== 'TODO' || text.slice(start, start + bold.length) !== bold) return undefined;
  return LINE_BEFORE_BARE_TODO.test(text.slice(lineStart, start)) ? { start, end } : undefined;
}
