import type { ParsedDocument } from './parse/document';

interface Suppression {
  fromLine: number;
  toLine: number;
  /** Empty: every code. */
  codes: Set<string>;
}

const DIRECTIVE = /^(govmd|markdownlint)-(disable-next-line|disable-line|disable|enable)\b\s*([\s\S]*)$/;

/**
 * markdownlint's rules that are ours too, by its ids and aliases: a document that switches one off
 * (`<!-- markdownlint-disable MD024 -->` around deliberately repeated headings) means ours as well.
 */
const MARKDOWNLINT_EQUIVALENTS = new Map<string, string>([
  ['md011', 'malformed-link'], ['no-reversed-links', 'malformed-link'],
  ['md024', 'duplicate-heading'], ['no-duplicate-heading', 'duplicate-heading'], ['no-duplicate-header', 'duplicate-heading'],
  ['md051', 'broken-fragment'], ['link-fragments', 'broken-fragment'],
  ['md052', 'undefined-reference'], ['reference-links-images', 'undefined-reference'],
]);
const MARKDOWNLINT_CODES = [...new Set(MARKDOWNLINT_EQUIVALENTS.values())];

/** The codes a directive names: ours as written, markdownlint's translated (all of them when none is named). */
function codesOf(tool: string, names: string[]): string[] {
  if (tool === 'govmd') return names;
  if (names.length === 0) return MARKDOWNLINT_CODES;
  return names.flatMap((name) => MARKDOWNLINT_EQUIVALENTS.get(name.toLowerCase()) ?? []);
}

/**
 * The inline switches: `<!-- govmd-disable-next-line code -->`, `<!-- govmd-disable-line code -->`,
 * `<!-- govmd-disable code -->` … `<!-- govmd-enable code -->`. Without codes they cover every code.
 * markdownlint's own switches count for the rules both tools have (MD024 is duplicate-heading …).
 */
export class Suppressions {
  private readonly ranges: Suppression[] = [];

  constructor(doc: ParsedDocument) {
    const open = new Map<string, number>();
    for (const comment of doc.htmlComments) {
      const match = DIRECTIVE.exec(comment.body);
      if (!match) continue;
      const names = match[3].split(/[\s,]+/).filter(Boolean);
      const codes = codesOf(match[1], names);
      // A markdownlint directive for rules we do not have switches nothing of ours.
      if (match[1] === 'markdownlint' && codes.length === 0) continue;
      const startLine = doc.lines.positionAt(comment.span.start).line;
      const endLine = doc.lines.positionAt(comment.span.end).line;
      switch (match[2]) {
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
