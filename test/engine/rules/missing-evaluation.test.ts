import { testRule, md } from '../../helpers/ruleTester';
import { missingEvaluation } from '../../../server/src/engine/rules/missingEvaluation';

testRule(missingEvaluation, {
  valid: [
    { name: 'text after the marker', text: md('## A', '- [ ] **One.**', '', '<!-- (TOC Evaluation goes here) -->', 'Documented at SECURITY.md.') },
    { name: 'a met sub-criterion records evidence', text: md('## A', '- [x] **One.**', '  - [x] Met during the kick-off on 27-06-2024.', '', '<!-- (TOC Evaluation goes here) -->') },
    { name: 'a TODO is text a reviewer wrote', text: md('## A', '- [ ] **One.**', '  <!-- (TOC Evaluation goes here) -->', '  **TODO for TOC Reviewer:** update after interviews') },
    // cncf/toc projects/open-telemetry/otel-graduation-dd.md:99 (4acc1dc): the reviewer evaluated the
    // area in a summary above its criteria and removed the template's markers.
    // cncf/toc projects/opencost/opencost-incubation.md:160 and :286 (4acc1dc): a DD written without
    // checkboxes lists the project's integrations and links in bold; those are not criteria.
    {
      name: 'bold list items of a DD without checkboxes that name no CNCF criterion',
      text: md('# OpenCost Due Diligence for Incubation', '', '## Integrations', '', '* **Kubernetes**:', '* **Helm**', '', '## Links', '', '* **Source control repositories:** [https://github.com/opencost](https://github.com/opencost)', '* **Contributing guide:**'),
    },
    // cncf/toc projects/kyverno/kyverno-graduation-due-diligence.md:98 (4acc1dc).
    {
      name: 'a met sub-criterion the reviewer answered, its date still blank',
      text: md('## Application Process Principles', '### Required', '- [x] **Review and acknowledgement of expectations for Sandbox projects.**', '   - [x] N/A - Met during Project\'s application on DD-MMM-YYYY.'),
    },
    {
      name: 'a met criterion cleared of the template marker',
      text: md('## Governance and Maintainers', '', '> They have exceptional contributor documentation.', '', '### Required', '', '- [X] **Clear and discoverable project governance documentation.**', '', '- [X] **Governance is up to date with actual project activities.**'),
    },
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
      name: 'a met criterion whose marker is still there',
      text: md('## A', '- [x] **Clear and discoverable project governance documentation.**', '', '<!-- (TOC Evaluation goes here) -->'),
      findings: ['2:7 information No evaluation for this criterion yet: Clear and discoverable project governance documentation.'],
    },
    {
      name: 'a DD without checkboxes: a bold item that words a CNCF criterion loosely is one',
      text: md('# Foo Due Diligence', '', '## Security', '', '* **Clearly-defined, discoverable process to report security issues**', '', '## Integrations', '', '* **Kubernetes**'),
      findings: ['5:3 information No evaluation for this criterion yet: Clearly-defined, discoverable process to report security is…'],
    },
    {
      name: 'open sub-criteria are prompts, not evidence; no marker, no stub',
      text: md('## A', '- [ ] **Release process:**', '  - [ ] Release expectations', '  - [ ] Tagging'),
      findings: ['2:7 information No evaluation for this criterion yet: Release process:'],
    },
  ],
});
