import type { ParsedDocument } from './parse/document';

interface Suppression {
  fromLine: number;
  toLine: number;
  /** Empty: every code. */
  codes: Set<string>;
}

const DIRECTIVE = /^govmd-(disable-next-line|disable-line|disable|enable)\b\s*([\s\S]*)$/;

/**
 * The inline switches: `<!-- govmd-disable-next-line code -->`, `<!-- govmd-disable-line code -->`,
 * `<!-- govmd-disable code -->` … `<!-- govmd-enable code -->`. Without codes they cover every code.
 */
export class Suppressions {
  private readonly ranges: Suppression[] = [];

  constructor(doc: ParsedDocument) {
    const open = new Map<string, number>();
    for (const comment of doc.htmlComments) {
      const match = DIRECTIVE.exec(comment.body);
      if (!match) continue;
      const codes = match[2].split(/[\s,]+/).filter(Boolean);
      const startLine = doc.lines.positionAt(comment.span.start).line;
      const endLine = doc.lines.positionAt(comment.span.end).line;
      switch (match[1]) {
        case 'disable-next-line':
          this.ranges.push({ fromLine: endLine + 1, toLine: endLine + 1, codes: new Set(codes) });
          break;
        case 'disable-line':
          this.ranges.push({ fromLine: startLine, toLine: endLine, codes: new Set(codes) });
          break;
        case 'disable':
          for (const code of codes.length ? codes : ['*']) if (!open.has(code)) open.set(code, startLine);
          break;
        case 'enable':
          for (const code of codes.length ? codes : [...open.keys()]) {
            const from = open.get(code);
            if (from === undefined) continue;
            this.ranges.push({ fromLine: from, toLine: endLine, codes: new Set(code === '*' ? [] : [code]) });
            open.delete(code);
          }
          break;
      }
    }
    for (const [code, from] of open) {
      this.ranges.push({ fromLine: from, toLine: Number.MAX_SAFE_INTEGER, codes: new Set(code === '*' ? [] : [code]) });
    }
  }

  isSuppressed(code: string, line: number): boolean {
    return this.ranges.some((r) => line >= r.fromLine && line <= r.toLine && (r.codes.size === 0 || r.codes.has(code)));
  }
}
