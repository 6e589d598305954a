import type { Span } from '../types';
import type { GovDocument } from '../govDocument';
import type { RuleFix, SpanEdit } from './rule';

export function replaceSpan(span: Span, newText: string): SpanEdit {
  return { span, newText };
}

export function setCheckbox(checkbox: Span, checked: boolean): SpanEdit {
  return { span: checkbox, newText: checked ? '[x]' : '[ ]' };
}

/** Deletes the lines a span covers, line breaks included. */
export function deleteLines(doc: GovDocument, span: Span): SpanEdit {
  const lines = doc.parsed.lines;
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(Math.max(span.start, span.end - 1)).line;
  return { span: { start: lines.lineStarts[first], end: lines.fullLineSpan(last).end }, newText: '' };
}

export function fix(title: string, edits: SpanEdit[], options: Pick<RuleFix, 'automatic' | 'isPreferred'> = {}): RuleFix {
  return { title, edits, ...options };
}

/** Two white space characters in a row, or one that is not a space: what `shorten` makes one space. */
const NOT_ONE_LINE = /\s\s|[^\S ]/;

export function shorten(text: string, max = 80): string {
  // Most texts are one line of single spaces already, and are not copied (a DD's messages, at every keystroke).
  const oneLine = (NOT_ONE_LINE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
