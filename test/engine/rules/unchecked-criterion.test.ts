import { testRule, md } from '../../helpers/ruleTester';
import { uncheckedCriterion } from '../../../server/src/engine/rules/uncheckedCriterion';

testRule(uncheckedCriterion, {
  valid: [
    md('# X Due Diligence', '## Security', '### Required', '- [x] **Document Security Self-Assessment.**'),
    { name: 'upper-case X and two spaces after the box', text: md('## Security', '### Required', '- [X]  **Third Party Security Review.**') },
    { name: 'a DD written without checkboxes has criteria without status', text: md('## Security', '### Required', '- **Third Party Security Review.**') },
    { name: 'a task item that does not start with bold text is not a criterion', text: md('## Security', '### Required', '- [ ] review the audit') },
    { name: 'bold inside a block quote is not a criterion', text: md('## Security', '> - [ ] **Simple**: quoted') },
    // cncf/toc projects/cert-manager/cert-manager-graduation.md:391 (4acc1dc): optional, evaluated, decided.
    {
      name: 'a Suggested criterion evaluated and left unmet, nothing left to do',
      text: md('## Security', '', '### Suggested', '', '- [ ] **Achieving OpenSSF Best Practices silver or gold badge.**', '', '<!-- (TOC Evaluation goes here) -->', 'N/A'),
    },
  ],
  invalid: [
    {
      name: 'Required is a warning, Suggested information, both name the area',
      text: md('## Governance and Maintainers', '', '### Suggested', '', '- [ ]  **Governance has continuously been iterated upon.**', '', '### Required', '', '- [ ] **Clear and discoverable project governance documentation.**'),
      findings: [
        '5:3 information Suggested criterion not met in "Governance and Maintainers": Governance has continuously been iterated upon.',
        '9:3 warning Required criterion not met in "Governance and Maintainers": Clear and discoverable project governance documentation.',
      ],
      output: md('## Governance and Maintainers', '', '### Suggested', '', '- [x]  **Governance has continuously been iterated upon.**', '', '### Required', '', '- [x] **Clear and discoverable project governance documentation.**'),
    },
    {
      name: 'evaluated but open: a Required criterion, or a Suggested one with a TODO left',
      text: md('## Security', '### Suggested', '- [ ] **Achieving OpenSSF Best Practices silver or gold badge.**', 'Passing badge only.', '**TODO for project:** apply for silver', '### Required', '- [ ] **Third Party Security Review.**', 'The audit is scheduled for June.'),
      findings: [
        '3:3 information Suggested criterion not met in "Security": Achieving OpenSSF Best Practices silver or gold badge.',
        '7:3 warning Required criterion not met in "Security": Third Party Security Review.',
      ],
    },
    {
      name: 'no kind heading in the area: severity of Required',
      text: md('## Ecosystem', '- [ ] **TOC verification of adopters.**'),
      findings: ['2:3 warning Criterion not met in "Ecosystem": TOC verification of adopters.'],
    },
    {
      name: 'trailing spaces after the kind heading; a #### heading keeps the kind',
      text: md('## Engineering Principles', '### Required   ', '#### Releases', '- [ ] **Document the release process.**'),
      findings: ['4:3 warning Required criterion not met in "Engineering Principles": Document the release process.'],
    },
    {
      name: 'severity override applies to every criterion',
      settings: { severity: { 'unchecked-criterion': 'error' } },
      text: md('## A', '### Suggested', '- [ ] **One.**'),
      findings: ['3:3 error Suggested criterion not met in "A": One.'],
    },
    {
      name: 'govmd-disable-next-line',
      text: md('## A', '### Required', '<!-- govmd-disable-next-line unchecked-criterion -->', '- [ ] **One.**', '- [ ] **Two.**'),
      findings: ['5:3 warning Required criterion not met in "A": Two.'],
    },
  ],
});
