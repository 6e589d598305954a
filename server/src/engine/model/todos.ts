import type { Span } from '../types';
import { forEachProseMatch } from './prose';

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
const TODO_MARKER = /(\*\*|__)?\bTODO\b(?:[ \t]+[Ff][Oo][Rr][ \t]+([^*_:\n]+?))?[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)?)/g;

export function findTodos(text: string, nonProse: readonly Span[]): Todo[] {
  const todos: Todo[] = [];
  forEachProseMatch(text, TODO_MARKER, nonProse, (match, span) => {
    let lineEnd = text.indexOf('\n', span.end);
    if (lineEnd === -1) lineEnd = text.length;
    const rest = text.slice(span.end, lineEnd);
    const todo: Todo = {
      span,
      lineSpan: { start: span.start, end: span.end + rest.trimEnd().length },
      text: rest.trim(),
    };
    if (match[2]) todo.owner = match[2].trim();
    todos.push(todo);
  });
  return todos;
}

/** Owners are grouped case-insensitively ("Dragonfly Team" and "Dragonfly team" are one owner). */
export function ownerKey(owner: string | undefined): string {
  return (owner ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}
