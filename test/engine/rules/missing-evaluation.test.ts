import { testRule, md } from '../../helpers/ruleTester';
import { missingEvaluation } from '../../../server/src/engine/rules/missingEvaluation';

testRule(missingEvaluation, {
  valid: [
    { name: 'text after the marker', text: md('## A', '- [ ] **One.**', '', '<!-- (TOC Evaluation goes here) -->', 'Documented at SECURITY.md.') },
    { name: 'a met sub-criterion records evidence', text: md('## A', '- [x] **One.**', '  - [x] Met during the kick-off on 27-06-2024.', '', '<!-- (TOC Evaluation goes here) -->') },
    { name: 'a TODO is text a reviewer wrote', text: md('## A', '- [ ] **One.**', '  <!-- (TOC Evaluation goes here) -->', '  **TODO for TOC Reviewer:** update after interviews') },
  ],
  invalid: [
    {
      name: 'only the marker: a stub TODO is offered',
      text: md('## Security', '### Suggested', '- [ ] **Achieving OpenSSF Best Practices silver or gold badge.**', '', '<!-- (TOC Evaluation goes here) --> ', '', '### Required'),
      findings: ['3:7 information No evaluation for this criterion yet: Achieving OpenSSF Best Practices silver or gold badge.'],
      output: md('## Security', '### Suggested', '- [ ] **Achieving OpenSSF Best Practices silver or gold badge.**', '', '<!-- (TOC Evaluation goes here) --> ', '**TODO for TOC Reviewer:** write the evaluation.', '', '### Required'),
    },
    {
      name: 'evidence prompts still holding blanks are not an evaluation',
      text: md('## A', '- [ ] **Engage with the TAG.**', '  - This occurred on DD-MMM-YYYY and can be discovered at $LINK.', '', '  <!-- (Project assertion goes here) -->'),
      findings: ['2:7 information No evaluation for this criterion yet: Engage with the TAG.'],
      output: md('## A', '- [ ] **Engage with the TAG.**', '  - This occurred on DD-MMM-YYYY and can be discovered at $LINK.', '', '  <!-- (Project assertion goes here) -->', '  **TODO for project:** write the evaluation.'),
    },
    {
      name: 'open sub-criteria are prompts, not evidence; no marker, no stub',
      text: md('## A', '- [ ] **Release process:**', '  - [ ] Release expectations', '  - [ ] Tagging'),
      findings: ['2:7 information No evaluation for this criterion yet: Release process:'],
    },
  ],
});
