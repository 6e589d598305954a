import type { Rule } from './rule';
import { fix, setCheckbox, shorten } from './edits';

export const uncheckedCriterion: Rule = {
  code: 'unchecked-criterion',
  description: 'A criterion of a Due Diligence document is not met yet.',
  defaultSeverity: 'warning',
  appliesTo: ['dd'],
  check({ doc }, report) {
    for (const criterion of doc.dd.criteria) {
      if (criterion.checked !== false || !criterion.checkbox) continue;
      // A Suggested criterion is optional: evaluated and left unmet with nothing still to do is a
      // decision the reviewer wrote down (cert-manager's and Kubescape's DDs: "not yet pursued").
      if (criterion.kind === 'suggested' && criterion.hasEvaluation && criterion.todos.length === 0 && criterion.tbds.length === 0) continue;
      const where = criterion.area ? ` in "${criterion.area.title}"` : '';
      report({
        span: criterion.checkbox,
        severity: criterion.kind === 'suggested' ? 'information' : 'warning',
        message: `${KIND_LABEL[criterion.kind]} not met${where}: ${shorten(criterion.title)}`,
        fixes: [fix('Mark criterion met', [setCheckbox(criterion.checkbox, true)], { isPreferred: true })],
      });
    }
  },
};

const KIND_LABEL = { required: 'Required criterion', suggested: 'Suggested criterion', unknown: 'Criterion' } as const;
