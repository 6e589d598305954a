import type { Rule } from './rule';
import { closest } from '../links/didYouMean';
import { fix } from './edits';

export const undefinedReference: Rule = {
  code: 'undefined-reference',
  description: 'A reference link `[text][label]` uses a label no `[label]: url` defines, so GitHub shows the brackets as text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const labels = doc.parsed.definitions.map((definition) => definition.label);
    const standsAlone = new Map<string, boolean>();
    for (const reference of doc.parsed.unresolvedReferences) {
      if (isNotALink(doc.text, reference.span, reference.label, standsAlone)) continue;
      const suggestion = closest(reference.label, labels);
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
function isNotALink(text: string, span: { start: number; end: number }, label: string, standsAlone: Map<string, boolean>): boolean {
  if (/[\w)\]]/.test(text[span.start - 1] ?? '') || !/[\p{L}\p{N}]/u.test(label)) return true;
  const first = /^!?\[((?:[^[\]\\\n]|\\.)*)\]/.exec(text.slice(span.start, span.end));
  if (!first || first[1].trim() === '' || first[0].length === span.end - span.start) return false;
  const tag = `[${first[1]}]`;
  // Once per tag, not once per reference: a document of many `[a][b]` stays linear.
  let alone = standsAlone.get(tag);
  if (alone === undefined) {
    alone = false;
    for (let at = text.indexOf(tag); at !== -1 && !alone; at = text.indexOf(tag, at + 1)) {
      const after = text[at + tag.length] ?? '';
      alone = after !== '[' && after !== '(' && after !== ':' && text[at - 1] !== ']';
    }
    standsAlone.set(tag, alone);
  }
  return alone;
}
