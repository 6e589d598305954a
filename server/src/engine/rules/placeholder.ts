import type { Rule } from './rule';
import { deleteLines, fix } from './edits';

export const placeholder: Rule = {
  code: 'placeholder',
  description: 'A blank from the CNCF templates ($PROJECT, NOTABLE1, DD-MMM-YYYY, TBD …) is still in the text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'governance'],
  check({ doc }, report) {
    for (const blank of doc.parsed.placeholders) {
      report({
        span: blank.span,
        message: `Template placeholder left in the text: ${blank.text}`,
        fixes: blank.wholeListItem ? [fix(`Remove the "${blank.text}" line`, [deleteLines(doc, blank.wholeListItem)], { automatic: true, isPreferred: true })] : [],
      });
    }
  },
};
