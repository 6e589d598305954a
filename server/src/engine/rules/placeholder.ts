import type { Rule } from './rule';
import type { GovDocument } from '../govDocument';
import type { Placeholder } from '../model/placeholders';
import { isCncfTemplateToken, isTbd } from '../model/placeholders';
import { deleteLines, fix } from './edits';

export const placeholder: Rule = {
  code: 'placeholder',
  description: 'A blank from the CNCF templates ($PROJECT, NOTABLE1, DD-MMM-YYYY, TBD …) is still in the text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'governance'],
  check({ doc }, report) {
    // `### TBD` is a status group of a meeting note (like TODO / WIP / Done), not a blank.
    const statusHeadings = new Set(doc.parsed.headings.filter((h) => /^<?TBD>?$/.test(h.text)).map((h) => h.contentSpan.start));
    const blanks = doc.parsed.placeholders;
    // Read only when there is a blank to place: the paragraphs are the full parse's (govDocument.ts usesStructure).
    const examples = doc.kind === 'dd' || blanks.length === 0 ? [] : exampleSections(doc);
    for (const blank of blanks) {
      if (statusHeadings.has(blank.span.start)) continue;
      if (doc.kind !== 'dd' && (!isLeftFromATemplate(doc, blank) || examples.some((span) => blank.span.start >= span.start && blank.span.start < span.end))) continue;
      report({
        span: blank.span,
        message: `Template placeholder left in the text: ${blank.text}`,
        fixes: blank.itemLines ? [fix(`Remove the "${blank.text}" line`, [deleteLines(doc, blank.itemLines)], { automatic: true, isPreferred: true })] : [],
      });
    }
  },
};

/**
 * Outside a DD most blank-like text is deliberate: `TBD` in a plan is the author's own word, a
 * block quote that shows the template (`> $TOCMEMBER conducted the Due Diligence of $PROJECT…`
 * under "An example structure is provided below") is an example, and `$IMAGE` in a how-to is a
 * variable. What remains are the CNCF templates' own blanks in the document's own text.
 */
function isLeftFromATemplate(doc: GovDocument, blank: Placeholder): boolean {
  if (isTbd(blank)) return false;
  const lines = doc.parsed.lines;
  if (/^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)*>/.test(lines.lineText(lines.positionAt(blank.span.start).line))) return false;
  return !blank.text.startsWith('$') || isCncfTemplateToken(blank.text);
}

/**
 * What a guide shows after announcing an example — "the following example may be used:" (cncf/toc
 * tech-papers.md, sample metadata with `$GITHUBHANDLE`), "An example structure is provided below:" —
 * up to the next heading: the reader's blanks, not the author's.
 */
function exampleSections(doc: GovDocument): { start: number; end: number }[] {
  const sections: { start: number; end: number }[] = [];
  const headings = doc.parsed.headings;
  let next = 0;
  for (const paragraph of doc.parsed.paragraphs) {
    if (!/:\s*$/.test(paragraph.text) || !/\b(examples?|samples?|templates?|for instance|as follows|like this)\b/i.test(paragraph.text)) continue;
    while (next < headings.length && headings[next].span.start <= paragraph.span.end) next++;
    sections.push({ start: paragraph.span.end, end: headings[next]?.span.start ?? doc.text.length });
  }
  return sections;
}
