import { testRule, md } from '../../helpers/ruleTester';
import { duplicateCriterion } from '../../../server/src/engine/rules/duplicateCriterion';

testRule(duplicateCriterion, {
  valid: [
    md('## A', '### Suggested', '- [ ] **Roadmap change process is documented.**', '## B', '### Required', '- [ ] **History of regular, quality releases.**'),
  ],
  invalid: [
    {
      name: 'same criterion in two areas, case and punctuation aside',
      text: md('## Governance', '- [ ] **Clear and discoverable project governance documentation.**', '## Community', '- [x] **Clear and discoverable project governance documentation**'),
      findings: ['4:7 warning This criterion is already listed in "Governance", line 2: Clear and discoverable project governance documentation'],
    },
  ],
});
