import type { Rule } from './rule';

/**
 * Input the engine cannot check in bounded work — a document over the size limit, nesting or a
 * paragraph no real document comes near (parse/limits.ts) — is left out rather than allowed to
 * hang an editor. This rule says so, so that silence is never read as "nothing wrong".
 */
export const notChecked: Rule = {
  code: 'not-checked',
  description: 'Part of the document was not checked: it is larger or more deeply nested than the checker takes in bounded time.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const lines = doc.parsed.lines;
    for (const part of doc.parsed.skipped) {
      if (part.wholeDocument) {
        report({ span: { start: 0, end: 0 }, message: `Not checked: ${part.reason}` });
        continue;
      }
      let end = part.span.end;
      while (end > part.span.start + 1 && /\s/.test(doc.text[end - 1])) end--;
      const from = lines.positionAt(part.span.start).line;
      const to = lines.positionAt(end - 1).line;
      const where = from === to ? `Line ${from + 1}` : `Lines ${from + 1}–${to + 1}`;
      report({ span: { start: part.span.start, end: lines.lineEnd(from) }, message: `${where} not checked: ${part.reason}` });
    }
  },
};
