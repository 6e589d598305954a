import { testRule, md } from '../../helpers/ruleTester';
import { subcriteriaMismatch } from '../../../server/src/engine/rules/subcriteriaMismatch';

testRule(subcriteriaMismatch, {
  valid: [
    md('## A', '- [ ] **Release process:**', '  - [ ] Expectations', '  - [x] Tagging'),
    md('## A', '- [x] **Release process:**', '  - [x] Expectations', '  - [X] Tagging'),
    { name: 'plain bullets under a criterion are not sub-criteria', text: md('## A', '- [ ] **Release process:**', '  - Expectations') },
  ],
  invalid: [
    {
      name: 'met parent with an open sub-criterion',
      text: md('## Security', '- [x] **Third Party Security Review.**', '  - [ ] Findings are tracked for resolution.'),
      findings: ['2:3 warning Marked met, but 1 of 1 sub-criteria are open: Third Party Security Review.'],
      output: md('## Security', '- [ ] **Third Party Security Review.**', '  - [ ] Findings are tracked for resolution.'),
    },
    {
      name: 'open parent whose sub-criteria are all met: the sync is automatic',
      text: md('## A', '- [ ] **Release process:**', '  - [x] Expectations', '  - [x] Tagging'),
      findings: ['2:3 warning All 2 sub-criteria are met, but the criterion is not: Release process:'],
      output: md('## A', '- [x] **Release process:**', '  - [x] Expectations', '  - [x] Tagging'),
    },
  ],
});
