import type { Rule } from './rule';
import { deleteLines, fix } from './edits';

export const placeholder: Rule = {
  code: 'placeholder',
  description: 'A blank from the CNCF templates ($PROJECT, NOTABLE1, DD-MMM-YYYY, TBD …) is still in the text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'governance'],
  check({ doc }, report) {
    // `### TBD` is a status group of a meeting note (like TODO / WIP / Done), not a blank.
    const statusHeadings = new Set(doc.parsed.headings.filter((h) => /^<?TBD>?$/.test(h.text)).map((h) => h.contentSpan.start));
    for (const blank of doc.parsed.placeholders) {
      if (statusHeadings.has(blank.span.start)) continue;
      report({
        span: blank.span,
        message: `Template placeholder left in the text: ${blank.text}`,
        fixes: blank.wholeListItem ? [fix(`Remove the "${blank.text}" line`, [deleteLines(doc, blank.wholeListItem)], { automatic: true, isPreferred: true })] : [],
      });
    }
  },
};
