import type { Rule } from './rule';
import { fix, setCheckbox, shorten } from './edits';

export const subcriteriaMismatch: Rule = {
  code: 'subcriteria-mismatch',
  description: 'A criterion is met while a sub-criterion is open, or open while all its sub-criteria are met.',
  defaultSeverity: 'warning',
  appliesTo: ['dd'],
  check({ doc }, report) {
    for (const criterion of doc.dd.criteria) {
      const subs = criterion.subCriteria;
      if (!criterion.checkbox || subs.length === 0) continue;
      const open = subs.filter((sub) => !sub.checked);
      if (criterion.checked === true && open.length > 0) {
        report({
          span: criterion.checkbox,
          message: `Marked met, but ${open.length} of ${subs.length} sub-criteria are open: ${shorten(criterion.title, 60)}`,
          related: open.map((sub) => ({ span: sub.item.checkbox ?? sub.item.span, message: `Open: ${shorten(sub.text, 60)}` })),
          fixes: [
            fix('Mark criterion not met', [setCheckbox(criterion.checkbox, false)]),
            fix('Mark all sub-criteria met', open.filter((sub) => sub.item.checkbox).map((sub) => setCheckbox(sub.item.checkbox!, true))),
          ],
        });
      } else if (criterion.checked === false && open.length === 0) {
        report({
          span: criterion.checkbox,
          message: `All ${subs.length} sub-criteria are met, but the criterion is not: ${shorten(criterion.title, 60)}`,
          fixes: [fix('Mark criterion met, as its sub-criteria are', [setCheckbox(criterion.checkbox, true)], { automatic: true, isPreferred: true })],
        });
      }
    }
  },
};
