import { testRule, md } from '../../helpers/ruleTester';
import { duplicateHeading } from '../../../server/src/engine/rules/duplicateHeading';

testRule(duplicateHeading, {
  valid: [
    // cncf/toc projects/custodian/security-assessment/joint-review.md:595-615 (4acc1dc).
    { name: 'repeats markdownlint was told are deliberate', text: md('## STRIDE Evaluation', '<!-- markdownlint-disable MD024 -->', '### Control Recommendation (SEVERITY: Medium)', 'One.', '### Control Recommendation (SEVERITY: Medium)', 'Two.', '<!-- markdownlint-enable MD024 -->') },
    { name: 'DD structure: Suggested / Required under each area', text: md('# DD', '## Governance', '### Suggested', '### Required', '## Security', '### Suggested', '### Required') },
    { name: 'the same heading under different parents', text: md('## Stabilization Phase', '#### Bug Fixes', '## Maintenance Phase', '#### Bug Fixes') },
    { name: 'different depths', text: md('## Notes', '### Notes') },
  ],
  invalid: [
    {
      name: 'two sibling headings',
      text: md('# Meeting', '', '## Topics', '', 'a', '', '## Topics', ''),
      findings: ['7:4 warning "Topics" repeats the heading on line 3: #topics leads there, this one is #topics-1'],
    },
    {
      name: 'headings that slug the same are ambiguous too',
      text: md('## Code of Conduct', '## Code of conduct!'),
      findings: ['2:4 warning "Code of conduct!" repeats the heading on line 1: #code-of-conduct leads there, this one is #code-of-conduct-1'],
    },
  ],
});
