import { testRule, md } from '../../helpers/ruleTester';
import { metWithoutEvidence } from '../../../server/src/engine/rules/metWithoutEvidence';

const MARKER = '<!-- (TOC Evaluation goes here) -->';
const ACCESS = 'Enforcing Access Control Rules to secure the code base against attacks (Example: two factor authentication enforcement, and/or use of ACL tools.)';
const met = (title: string, ...evaluation: string[]) => md('# Foo Graduation Due Diligence', '## Security', '### Required', `- [x] **${title}**`, '', `  ${MARKER}`, ...evaluation.map((line) => `  ${line}`));

testRule(metWithoutEvidence, {
  valid: [
    { name: 'an inline link', text: met(ACCESS, 'Required for org members, see [GOVERNANCE.md](https://github.com/foo/community/blob/main/GOVERNANCE.md#roles).') },
    { name: 'an autolink (seed, line 374)', text: met('Clearly defined and discoverable process to report security issues.', 'Documented at <https://github.com/dragonflyoss/community/blob/master/SECURITY.md>.') },
    { name: 'a bare URL', text: met('Achieve the Open Source Security Foundation (OpenSSF) Best Practices passing badge.', 'Passing: https://www.bestpractices.dev/en/projects/10432') },
    { name: 'a reference link', text: met(ACCESS, 'Enforced, see the [org settings][2fa].', '', '[2fa]: https://github.com/foo/.github/blob/main/2FA.md') },
    { name: 'a badge image', text: met('Achieve the Open Source Security Foundation (OpenSSF) Best Practices passing badge.', '![OpenSSF](https://www.bestpractices.dev/projects/1/badge)') },
    { name: 'a file name (seed, line 121)', text: met('Clear and discoverable project governance documentation.', 'The contributor ladder (COMMUNITY_LADDER.md) is cross-linked.') },
    { name: 'a file without an extension, in code', text: met('Code and Doc ownership in Github and elsewhere matches documented governance roles.', 'Each repository has an `OWNERS` file.') },
    { name: 'an issue or PR reference', text: met(ACCESS, 'Enabled in dragonflyoss/community#25.') },
    { name: 'a pointer to another criterion (kubescape-incubation-proposal.md:184)', text: met('List and document all project communication channels, including subprojects (mail list/slack/etc.).  List any non-public communications channels and what their special purpose is.', 'See the previous criteria evaluation for more information.') },
    { name: 'a met sub-criterion with a link', text: md('## Security', '### Required', '- [x] **Third Party Security Review.**', '  - [x] Findings are tracked in https://github.com/foo/foo/issues?q=audit', '', `  ${MARKER}`, '  All findings resolved.') },
    { name: 'N/A: nothing applies, nothing to cite (fluid-incubation-proposal.md:191)', text: met('All subprojects, if any, are listed.', 'N/A') },
    { name: 'the DD itself is the evidence', text: md('## Ecosystem', '### Required', '- [x] **TOC verification of adopters.**', '', `  ${MARKER}`, '  Interviews done, see below.') },
    { name: 'a TOC event: the application date is what the template asks for (seed, line 72)', text: md('## Application Process Principles', '### Required', '- [x] **Review and acknowledgement of expectations for [Sandbox](sandbox.cncf.io) projects and requirements for moving forward through the CNCF Maturity levels.**', "  - [x] Met during Project's application on 27-06-2024 as a kick-off meeting.") },
    { name: 'the older TAG criterion: the TAG\'s word to the TOC (otel-graduation-dd.md:59)', text: met('TAG provides insight/recommendation of the project in the context of the landscape', '> We recommend OTEL favorably.') },
    { name: 'not met: nothing to prove yet', text: md('## Security', '### Required', `- [ ] **${ACCESS}**`, '', `  ${MARKER}`, '  Not enforced yet.') },
    { name: 'met without any evaluation is missing-evaluation\'s', text: met(ACCESS) },
    { name: 'a DD without checkboxes has no "met"', text: md('## Security', `- **${ACCESS}**`, '', '  Enforced.') },
  ],
  invalid: [
    {
      name: 'an assertion without a citation (the seed, line 378)',
      text: met(ACCESS, 'The dragonflyoss organization has enabled the GitHub setting for "Require two-factor authentication for everyone in the dragonflyoss organization."'),
      findings: ['4:7 information Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): Enforcing Access Control Rules to secure the code base agai…'],
    },
    {
      name: 'links in the criterion\'s own title and in the template\'s marker do not count',
      text: md('## Application Process Principles', '### Required', '- [x] **All project metadata and resources are [vendor-neutral](https://contribute.cncf.io/maintainers/community/vendor-neutrality/).**', '', '<!-- (TOC Evaluation goes here, see https://example.org) -->', 'No issues were found during due diligence.'),
      findings: ['3:7 information Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): All project metadata and resources are vendor-neutral.'],
    },
    {
      name: 'a TODO asking for the evidence is not evidence',
      text: met('Code and Doc ownership in Github and elsewhere matches documented governance roles.', 'Ownership matches the roles.', '', '**TODO for Foo Team:** provide links to the `CODEOWNERS` files, see #12.'),
      findings: ['4:7 information Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): Code and Doc ownership in Github and elsewhere matches docu…'],
    },
    {
      name: 'a prompt still holding its blanks is not evidence',
      text: md('## Application Process Principles', '### Suggested', '- [X] **Engage with domain-specific TAG(s) to present the technical architecture of the project.**', '  - This occurred on DD-MMM-YYYY and can be discovered at $LINK.', '', 'Presented to TAG Runtime.'),
      findings: ['3:7 information Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): Engage with domain-specific TAG(s) to present the technical…'],
    },
    {
      name: 'the project\'s repository in the workspace has the file: the message says where',
      text: md('# Foo Graduation Due Diligence', '', '- Link to [Graduation application issue](https://github.com/foo/community/issues/1)', '', '## Security', '### Required', '- [x] **Clearly defined and discoverable process to report security issues.**', '', '  The project has a security policy.'),
      files: { 'community/SECURITY.md': '# Security\n', 'community/docs/security-faq.md': '# FAQ\n', 'other/SECURITY.md': '# Not the project\'s\n' },
      settings: { repositories: { 'foo/community': 'community', 'bar/other': 'other' } },
      findings: ['7:7 information Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): Clearly defined and discoverable process to report security… (foo/community has SECURITY.md)'],
    },
  ],
});
