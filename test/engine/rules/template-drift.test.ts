import { testRule } from '../../helpers/ruleTester';
import { templateDrift } from '../../../server/src/engine/rules/templateDrift';
import { ddSkeleton } from '../../../server/src/engine/generate';

// Every case is a DD made from the current template (the built-in catalog of 2026-06-29) and then
// changed the way an older copy differs: the fix must give back the template's text exactly.
const GRADUATION = ddSkeleton('graduation');
const INCUBATION = ddSkeleton('incubation');
const PATH = 'foo-graduation-dd.md';

const MARKER = '<!-- (TOC Evaluation goes here) -->';
const JOINT = `- [ ] **Complete a joint security assessment with TAG Security and Compliance**\n\n${MARKER}\n\n`;
const LADDER = `- [ ] **Contributor ladder with multiple roles for contributors.**\n\n${MARKER}\n\n`;
const GTR_START = '- [ ] **Complete a [General Technical Review (GTR)]';
const TAG = '- [ ] **Engage with domain-specific TAG(s) to present the technical architecture of the project.**\n  - This occurred on DD-MMM-YYYY and can be discovered at $LINK.\n\n<!-- (Project assertion goes here) -->\n\n';

/** `line:column` (1-based) of the first occurrence of `needle`. */
function at(text: string, needle: string, column = 1): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not in the text: ${needle}`);
  return `${text.slice(0, index).split('\n').length}:${column}`;
}

function insertAfter(text: string, from: string, needle: string, part: string): string {
  const index = text.indexOf(needle, text.indexOf(from)) + needle.length;
  return text.slice(0, index) + part + text.slice(index);
}

function without(text: string, part: string): string {
  if (!text.includes(part)) throw new Error(`not in the text: ${part.slice(0, 60)}`);
  return text.replace(part, '');
}

/** The GTR criterion's whole block, up to the next criterion. */
function gtrBlock(text: string): string {
  const start = text.indexOf(GTR_START);
  return text.slice(start, text.indexOf('- [ ] **Complete a [Governance Review]', start));
}

const noJoint = without(GRADUATION, JOINT);
const noGtr = without(GRADUATION, gtrBlock(GRADUATION));
const noTag = without(GRADUATION, TAG);
const tagAsNa = GRADUATION.replace(TAG, 'N/A\n\n');
const ladderRequired = insertAfter(without(GRADUATION, LADDER), '## Contributors and Community', '### Required\n\n', LADDER);
const ladderNa = ladderRequired.replace('### Suggested\n\n### Required\n\n- [ ] **Contributor', '### Suggested\n\nN/A\n\n### Required\n\n- [ ] **Contributor');
const noSuggestedHeading = without(GRADUATION, `### Suggested\n\n${LADDER}`);
const oldWording = GRADUATION.replace('Engage with domain-specific TAG(s) to present the technical architecture of the project.', 'Engage with the domain specific TAG(s) to increase awareness through a presentation or completing a General Technical Review.');

testRule(templateDrift, {
  valid: [
    { name: 'a DD made from the current graduation template', path: PATH, text: GRADUATION },
    { name: 'a DD made from the current incubation template', path: 'foo-incubation-dd.md', text: INCUBATION },
    { name: 'a criterion in an older wording is the same criterion', path: PATH, text: oldWording },
    { name: 'criteria ticked and evaluated are still the template\'s', path: PATH, text: GRADUATION.replace(/- \[ \]/g, '- [x]').replace(/<!-- \(TOC Evaluation goes here\) -->/g, 'Documented in GOVERNANCE.md.') },
    { name: 'no level in the title or the file name: nothing to compare with', path: 'dd.md', text: noJoint.replace('# $PROJECT Graduation Due Diligence', '# Foo Due Diligence') },
    { name: 'Sandbox: cncf/toc has no DD template for it', path: 'foo-sandbox.md', text: noJoint.replace('# $PROJECT Graduation Due Diligence', '# Foo Sandbox Due Diligence') },
    {
      name: 'another format (a 2019 proposal with a few criteria) is not an old template',
      path: PATH,
      text: '# Foo Graduation Due Diligence\n\n## Security\n\n### Required\n\n- [ ] **Third Party Security Review.**\n\n## Ecosystem\n\n### Required\n\n- [x] **TOC verification of adopters.**\n',
    },
  ],
  invalid: [
    {
      name: 'the last criterion of a kind missing: inserted after the one the template puts before it',
      path: PATH,
      text: noJoint,
      findings: [`${at(noJoint, '## Security')} hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Security: "Complete a joint security assessment with TAG Security and Compliance"`],
      output: GRADUATION,
    },
    {
      name: 'the first criterion of a kind missing: inserted before the one the template puts after it',
      path: PATH,
      text: noGtr,
      findings: [`${at(noGtr, '## Application Process Principles')} hint Template of 2026-06-29 asks for a Required criterion this DD lacks in Application Process Principles: "Complete a General Technical Review (GTR)."`],
      output: GRADUATION,
    },
    {
      name: 'the only criterion of a kind missing: inserted under the kind heading',
      path: PATH,
      text: noTag,
      findings: [`${at(noTag, '## Application Process Principles')} hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Application Process Principles: "Engage with domain-specific TAG(s) to present the technical architecture of the project."`],
      output: GRADUATION,
    },
    {
      name: 'a kind that says N/A: the criterion takes the place of the N/A',
      path: PATH,
      text: tagAsNa,
      findings: [`${at(tagAsNa, '## Application Process Principles')} hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Application Process Principles: "Engage with domain-specific TAG(s) to present the technical architecture of the project."`],
      output: GRADUATION,
    },
    {
      name: 'an area without the kind heading: the heading comes with the criterion',
      path: PATH,
      text: noSuggestedHeading,
      findings: [`${at(noSuggestedHeading, '## Contributors and Community')} hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Contributors and Community: "Contributor ladder with multiple roles for contributors."`],
      output: GRADUATION,
    },
    {
      name: 'a criterion under the other kind: moved whole, with its evaluation',
      path: PATH,
      text: ladderRequired,
      findings: [`${at(ladderRequired, '- [ ] **Contributor ladder', 7)} hint Template of 2026-06-29 puts this criterion under Suggested, not Required, in Contributors and Community: "Contributor ladder with multiple roles for contributors."`],
      output: GRADUATION,
    },
    {
      name: 'moved into a kind that says N/A',
      path: PATH,
      text: ladderNa,
      findings: [`${at(ladderNa, '- [ ] **Contributor ladder', 7)} hint Template of 2026-06-29 puts this criterion under Suggested, not Required, in Contributors and Community: "Contributor ladder with multiple roles for contributors."`],
      output: GRADUATION,
    },
    {
      name: 'the severity follows the settings',
      path: PATH,
      text: noJoint,
      settings: { severity: { 'template-drift': 'information' } },
      findings: [`${at(noJoint, '## Security')} information Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Security: "Complete a joint security assessment with TAG Security and Compliance"`],
    },
  ],
});
