import type { Span } from '../types';
import { forEachProseMatch, overlapsAny } from './prose';
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

// `**TODO for X:**`, `**TODO for X**:`, `TODO for X:`, `**TODO**:`, `TODO:`. "TODO" itself must be
// upper case (prose says "todo list"), "for" may be "For".
const TODO_MARKER = /(\*\*|__)?\bTODO\b(?:[ \t]+[Ff][Oo][Rr][ \t]+([^*_:\r\n]+?))?[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)?)/g;

/**
 * `TODO` with no colon is a marker only where it is all a line says — a bare `TODO` paragraph, or
 * after the link a list item names (`- <https://github.com/o/r/issues/4025> TODO` in a meeting
 * note's issue list); in a sentence ("the TODO list") it is a word.
 */
const BARE_TODO = /(?<![^\r\n])[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:(?:<[^>\r\n]*>|\[[^\]\r\n]*\]\([^)\r\n]*\)|https?:\/\/\S+)[ \t]+)?(\*\*|__)?(TODO)\1[ \t]*[.!]?[ \t]*(?![^\r\n])/g;

export function findTodos(text: string, nonProse: readonly Span[]): Todo[] {
  const todos: Todo[] = [];
  BARE_TODO.lastIndex = 0;
  for (let match; (match = BARE_TODO.exec(text)); ) {
    const start = match.index + match[0].lastIndexOf('TODO') - (match[1]?.length ?? 0);
    const span = { start, end: start + 4 + 2 * (match[1]?.length ?? 0) };
    if (!overlapsAny(span, nonProse)) todos.push({ span, lineSpan: span, text: '' });
  }
  forEachProseMatch(text, TODO_MARKER, nonProse, (match, span) => {
    const rest = text.slice(span.end, nextLineBreak(text, span.end));
    const todo: Todo = {
      span,
      lineSpan: { start: span.start, end: span.end + rest.trimEnd().length },
      text: rest.trim(),
    };
    if (match[2]) todo.owner = match[2].trim();
    todos.push(todo);
  });
  return todos.sort((a, b) => a.span.start - b.span.start);
}

/** Owners are grouped case-insensitively ("Dragonfly Team" and "Dragonfly team" are one owner). */
export function ownerKey(owner: string | undefined): string {
  return (owner ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}
