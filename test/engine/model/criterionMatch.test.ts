import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignCriteria, criterionTerms, linksAsText, matchCriterion, tagsAsSpaces } from '../../../server/src/engine/model/criterionMatch';

// The criteria of cncf/toc operations/toc-templates/template-dd-pr-graduation.md (2026-06-29), as written there.
const GRADUATION = [
  'Engage with domain-specific TAG(s) to present the technical architecture of the project.',
  'Complete a [General Technical Review (GTR)](../toc_subprojects/project-reviews-subproject/general-technical-questions.md).',
  'Complete a [Governance Review](../toc_subprojects/project-reviews-subproject/governance-review-template.md).',
  'All project metadata and resources are [vendor-neutral](https://contribute.cncf.io/maintainers/community/vendor-neutrality/).',
  'Review and acknowledgement of expectations for [Sandbox](sandbox.cncf.io) projects and requirements for moving forward through the CNCF Maturity levels.',
  'Due Diligence Review.',
  'Additional documentation as appropriate for project type, e.g.: installation documentation, end user documentation, reference implementation and/or code samples.',
  'Complete a Governance Review with the Project Reviews subproject',
  "Governance has continuously been iterated upon by the project as a result of their experience applying it, with the governance history demonstrating evolution of maturity alongside the project's maturity evolution.",
  'Clear and discoverable project governance documentation.',
  'Governance is up to date with actual project activities, including any meetings, elections, leadership, or approval processes.',
  'Governance clearly documents [vendor-neutral](https://contribute.cncf.io/maintainers/community/vendor-neutrality/) of project direction.',
  'Document how the project makes decisions on leadership, contribution acceptance, requests to the CNCF, and changes to governance or project goals.',
  'Document how role, function-based members, or sub-teams are assigned, onboarded, and removed for specific teams (example: Security Response Committee).',
  'Document a complete maintainer lifecycle process (including roles, onboarding, offboarding, and emeritus status).',
  'Demonstrate usage of the maintainer lifecycle with outcomes, either through the addition or replacement of maintainers as project events have required.',
  'Document complete list of current maintainers, including names, contact information, domain of responsibility, and affiliation.',
  'A number of active maintainers which is appropriate to the size and scope of the project.',
  'Project maintainers from at least 2 organizations that demonstrates survivability.',
  'Code and Doc ownership in Github and elsewhere matches documented governance roles.',
  "Document adoption and adherence to the CNCF Code of Conduct or the project's CoC which is based off the CNCF CoC and not in conflict with it.",
  'CNCF Code of Conduct is cross-linked from other governance documents.',
  'All subprojects, if any, are listed.',
  'If the project has subprojects: subproject leadership, contribution, maturity status documented, including add/remove process.',
  'Contributor ladder with multiple roles for contributors.',
  'Clearly defined and discoverable process to submit issues or changes.',
  'Project must have, and document, at least one public communications channel for users and/or contributors.',
  'List and document all project communication channels, including subprojects (mail list/slack/etc.).  List any non-public communications channels and what their special purpose is.',
  'Up-to-date public meeting schedulers and/or integration with CNCF calendar.',
  'Documentation of how to contribute, with increasing detail as the project matures.',
  'Demonstrate contributor activity and recruitment.',
  'Document project goals and objectives that illustrate the project’s differentiation in the Cloud Native landscape as well as outlines how this project fulfills an outstanding need and/or solves a problem differently. _This requirement may also be satisfied by completing a General Technical Review._',
  'Document what the project does, and why it does it - including viable cloud native use cases. _This requirement may also be satisfied by completing a General Technical Review._',
  'Document and maintain a public roadmap or other forward looking planning document or tracking mechanism.',
  'Roadmap change process is documented.',
  "Document overview of project architecture and software design that demonstrates viable cloud native use cases, as part of the project's documentation.  *This requirement may also be satisfied by completing a General Technical Review and capturing the output in the project's documentation.*",
  "Document the project's release process and guidelines publicly in a RELEASES.md or equivalent file that defines:",
  'History of regular, quality releases.',
  'Achieving OpenSSF Best Practices silver or gold badge.',
  'Complete a joint security assessment with TAG Security and Compliance',
  'Clearly defined and discoverable process to report security issues.',
  'Enforcing Access Control Rules to secure the code base against attacks (Example: two factor authentication enforcement, and/or use of ACL tools.)',
  'Document assignment of security response roles and how reports are handled.',
  'Document Security Self-Assessment.',
  'Third Party Security Review.',
  'Achieve the Open Source Security Foundation (OpenSSF) Best Practices passing badge.',
  'Publicly documented list of adopters, which may indicate their adoption level (dev/trialing, prod, etc.)',
  'Used in appropriate capacity by at least 3 independent + indirect/direct adopters, (these are not required to be in the publicly documented list of adopters)',
  'TOC verification of adopters.',
  'Clearly documented integrations and/or compatibility with other CNCF projects as well as non-CNCF projects.',
].map((title) => ({ title }));

const named = (start: string) => GRADUATION.find((c) => c.title.startsWith(start))!;

// [what the case shows, the text as a DD writes it (origin), the criterion it must match or undefined]
const cases: [string, string, string | undefined][] = [
  ['the same text', 'Roadmap change process is documented.', 'Roadmap change process'],
  ['the link target does not count, its text does', 'All project metadata and resources are [vendor-neutral](https://example.org/x).', 'All project metadata'],
  ['"vendor-neutrality" for "vendor-neutral"', 'All project metadata and resources are vendor-neutrality.', 'All project metadata'],
  ['a typo splitting a word (the seed, line 149)', 'Document how role, function-based members, or sub-teams are assigned, onboarded, and removed for speci fic teams (example: Security Response Committee).', 'Document how role'],
  ['without the italic note (cert-manager-graduation.md:310)', 'Document what the project does, and why it does it - including viable cloud native use cases.', 'Document what the project does'],
  ['the note reworded (template-incubation-application.md:206)', 'Document what the project does, and why it does it - including viable cloud native use cases. This can also be satisfied by completing a General Technical Review.', 'Document what the project does'],
  ['the 2025 wording of the TAG criterion (the seed, line 52)', 'Engage with the domain specific TAG(s) to increase awareness through a presentation or completing a General Technical Review.', 'Engage with domain-specific'],
  ['the 2024 wording of the TAG criterion (old graduation template)', 'Give a presentation and engage with the domain specific TAG(s) to increase awareness', 'Engage with domain-specific'],
  ['Markdown emphasis and case', '**CNCF CODE OF CONDUCT** is _cross-linked_ from other governance documents', 'CNCF Code of Conduct is cross-linked'],
  ['a label sharing one rare word (opencost-incubation.md)', 'Governance:', undefined],
  ['a label sharing two words', 'Project releases:', undefined],
  ['a label naming a criterion\'s subject', 'Contributor ladder:', undefined],
  ['a label sharing "Code of Conduct"', 'Code of Conduct:', undefined],
  ['a label naming a criterion\'s subject in full (toc_subprojects README)', 'CNCF Code of Conduct', undefined],
  ['a heading-like label covering part of a criterion', 'Reporting Security Issues:', undefined],
  ['a product name', 'Kubernetes', undefined],
  ['empty text', '', undefined],
  ['punctuation only', '**:**', undefined],
];

for (const [name, text, expected] of cases) {
  test(`matchCriterion: ${name}`, () => {
    const match = matchCriterion(text, GRADUATION);
    assert.equal(match?.criterion.title, expected === undefined ? undefined : named(expected).title);
  });
}

test('criterionTerms: stems, once each, without Markdown or filler words', () => {
  assert.deepEqual(criterionTerms('All **project** metadata and resources are [vendor-neutral](https://x.y/z).'), ['all', 'project', 'metadata', 'resourc', 'vendor', 'neutral']);
});

test('criterionTerms: hostile input stays linear and never throws', () => {
  assert.deepEqual(criterionTerms('['.repeat(20_000)), []);
  assert.equal(criterionTerms('word '.repeat(20_000)).length, 1);
  assert.deepEqual(criterionTerms('\u0000\uFFFF\uD800'), []);
});

test('assignCriteria: each criterion pairs at most once, the closest pairs first', () => {
  // The seed's old TAG criterion shares "complete … General Technical Review" with the GTR
  // criterion too; the GTR criterion must stay unpaired: it is missing from the DD.
  const found = [
    { title: 'Engage with the domain specific TAG(s) to increase awareness through a presentation or completing a General Technical Review.' },
    { title: 'Roadmap change process is documented.' },
    { title: 'Roadmap change process is documented.' },
  ];
  const pairs = assignCriteria(found, GRADUATION);
  assert.equal(pairs.get(found[0])?.criterion, named('Engage with domain-specific'));
  assert.equal(pairs.get(found[1])?.criterion, named('Roadmap change process'));
  assert.equal(pairs.get(found[2]), undefined, 'a second copy finds no counterpart left');
  assert.ok(![...pairs.values()].some((p) => p.criterion === named('Complete a [General')));
});

test('assignCriteria: affinity decides between two close readings', () => {
  const catalog = [{ title: 'Clear and discoverable project governance documentation.', area: 'Governance' }, { title: 'Clear and discoverable project governance documentation.', area: 'Security' }];
  const found = [{ title: 'Clear and discoverable project governance documentation', area: 'Security' }];
  const pairs = assignCriteria(found, catalog, { affinity: (a, b) => (a.area === b.area ? 0.1 : 0) });
  assert.equal(pairs.get(found[0])?.criterion, catalog[1]);
});

// What the criterion's Markdown was stripped with until the fuzzer found them reading to the end of
// the text from every `[` or `<` never closed; the readers must replace exactly what they replaced.
const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const TAG = /<[^>]*>/g;

test('links read as their text and tags as a space, as the expressions replaced them, on 200,000 short texts', () => {
  const pieces = ['[', ']', '(', ')', '!', '<', '>', 'a', ' ', '](', '![', '[a](b)', '<br>', '\n'];
  let random = 5;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 200_000; n++) {
    const text = Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    assert.equal(linksAsText(text), text.replace(LINK, '$1'), JSON.stringify(text));
    assert.equal(tagsAsSpaces(text), text.replace(TAG, ' '), JSON.stringify(text));
  }
});

test('a criterion followed by 300,000 unclosed `<` or `[` is still that criterion (npm run fuzz, seed 3003: 20 s)', { timeout: 60_000 }, () => {
  const criterion = 'Complete a [Governance Review](../governance-review-template.md).';
  for (const noise of [' <'.repeat(300_000), ' ['.repeat(300_000) + ']', ' [a]('.repeat(300_000)]) {
    assert.deepEqual(criterionTerms(criterion + noise), criterionTerms(criterion));
  }
});
