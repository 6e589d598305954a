import type { Rule } from './rule';
import { closest, ProposalBudget } from '../links/didYouMean';
import { fix } from './edits';

export const undefinedReference: Rule = {
  code: 'undefined-reference',
  description: 'A reference link `[text][label]` uses a label no `[label]: url` defines, so GitHub shows the brackets as text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const labels = doc.parsed.definitions.map((definition) => definition.label);
    let standing: Set<string> | undefined;
    const budget = new ProposalBudget();
    for (const reference of doc.parsed.unresolvedReferences) {
      if (isNotALink(doc.text, reference.span, reference.label, () => (standing ??= tagsStandingAlone(doc.text)))) continue;
      const suggestion = budget.spent ? undefined : closest(reference.label, labels, budget);
      report({
        span: reference.span,
        message: `No definition for [${reference.label}]${suggestion ? `; did you mean [${suggestion}]?` : ''}`,
        fixes: suggestion ? [fix(`Use [${suggestion}]`, [{ span: reference.labelSpan, newText: suggestion }], { isPreferred: true })] : [],
      });
    }
  },
};

/**
 * Brackets that were never meant as a link:
 * - a subscript glued to a name (`data.management_chain[employee_id][_]`, Rego written as prose in
 *   cncf/toc's OPA proposal) or a label with no letter or digit;
 * - tags written side by side (`[GB-appointed][TOC Chair]` in cncf/toc's README) when the first one
 *   also stands alone elsewhere in the document (`[GB-appointed]`): it is the author's notation.
 */
function isNotALink(text: string, span: { start: number; end: number }, label: string, standing: () => ReadonlySet<string>): boolean {
  if (/[\w)\]]/.test(text[span.start - 1] ?? '') || !/[\p{L}\p{N}]/u.test(label)) return true;
  const first = /^!?\[((?:[^[\]\\\n]|\\.)*)\]/.exec(text.slice(span.start, span.end));
  if (!first || first[1].trim() === '' || first[0].length === span.end - span.start) return false;
  return standing().has(`[${first[1]}]`);
}

/**
 * Every `[tag]` that stands alone somewhere in the text (not followed by `[`, `(` or `:`, not
 * preceded by `]`), found in one pass: looking each tag up in the whole text took time in the
 * number of tags times the text's length (16,000 tags: 4 s). A tag's text after its `[` is read
 * one way only (a backslash takes the next character, `]` ends it, `[` or a line break rules it
 * out), so each `[` opens at most one tag, and an escaped `[` inside a tag ends where that tag does.
 */
function tagsStandingAlone(text: string): Set<string> {
  const alone = new Set<string>();
  const endOfEscaped = new Map<number, number>();
  for (let open = text.indexOf('['); open !== -1; open = text.indexOf('[', open + 1)) {
    let close = endOfEscaped.get(open);
    if (close === undefined) {
      close = -1;
      const escaped: number[] = [];
      for (let i = open + 1; i < text.length; i++) {
        const char = text[i];
        if (char === ']') {
          close = i;
          break;
        }
        if (char === '[' || char === '\n') break;
        if (char === '\\') {
          const next = text[i + 1];
          if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') break;
          if (next === '[') escaped.push(i + 1);
          i++;
        }
      }
      for (const at of escaped) endOfEscaped.set(at, close);
    }
    if (close === -1) continue;
    const after = text[close + 1] ?? '';
    if (after !== '[' && after !== '(' && after !== ':' && text[open - 1] !== ']') alone.add(text.slice(open, close + 1));
  }
  return alone;
}
