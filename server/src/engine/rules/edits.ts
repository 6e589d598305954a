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

export function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
