import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../../server/src/engine/parse/document';
import { GovDocument } from '../../../server/src/engine/govDocument';
import { Project } from '../../../server/src/engine/project';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { parseSettings, defaultSettings } from '../../../server/src/engine/settings';
import { citationsOf, citationLabel } from '../../../server/src/engine/evidence/citations';
import { fileKindsAt, fileKindsNamed } from '../../../server/src/engine/evidence/fileKinds';
import { criterionHover } from '../../../server/src/engine/editor/hover';
import { COMMUNITY, SEED_DD, filesUnder, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

// [path below a repository's root, the kinds CLOMonitor's patterns give it]
const paths: [string, string[]][] = [
  ['MAINTAINERS.md', ['MAINTAINERS']],
  ['maintainers', ['MAINTAINERS']],
  ['docs/MAINTAINERS.md', ['MAINTAINERS']],
  ['.github/CODEOWNERS', ['OWNERS']],
  ['OWNERS_ALIASES', ['OWNERS']],
  ['CODE_OF_CONDUCT.md', ['CODE_OF_CONDUCT']],
  ['.github/code-of-conduct.md', ['CODE_OF_CONDUCT']],
  ['GOVERNANCE.md', ['GOVERNANCE']],
  ['docs/governance.rst', ['GOVERNANCE']],
  ['CONTRIBUTING.md', ['CONTRIBUTING']],
  ['SECURITY.md', ['SECURITY']],
  ['ADOPTERS.md', ['ADOPTERS']],
  ['USERS.md', ['ADOPTERS']],
  ['ROADMAP.md', ['ROADMAP']],
  ['RELEASE.md', ['RELEASES']],
  ['RELEASE-PROCEDURE.md', ['RELEASES']],
  ['CHANGELOG.md', ['RELEASES']],
  ['docs/releases/v1.md', []],
  ['meetings/GOVERNANCE.md', []],
  ['README.md', []],
  ['src/security/policy.go', []],
];

for (const [path, kinds] of paths) {
  test(`fileKindsAt: ${path}`, () => assert.deepEqual(fileKindsAt(path), kinds));
}

test('fileKindsNamed: a name cited in a DD, wherever it lives', () => {
  assert.deepEqual(fileKindsNamed('https-less/path/to/docs/MAINTAINERS.md'), ['MAINTAINERS']);
  assert.deepEqual(fileKindsNamed('.github/CODEOWNERS'), ['OWNERS']);
  assert.deepEqual(fileKindsNamed('COMMUNITY_LADDER.md'), []);
});

function criterionCitations(text: string): string[] {
  const doc = new GovDocument('file:///ws/dd.md', 'dd.md', new DocumentParser().parse(text), defaultSettings());
  return citationsOf(doc, doc.dd.criteria[0]).map((c) => `${c.kind} ${citationLabel(c)}`);
}

test('citationsOf: links, files, issues and pointers in the evaluation; not the title, markers, prompts or TODOs', () => {
  const text = md(
    '## Governance and Maintainers',
    '### Required',
    '- [x] **All project metadata and resources are [vendor-neutral](https://contribute.cncf.io/x/).**',
    '  - This occurred on DD-MMM-YYYY and can be discovered at $LINK.',
    '',
    '  <!-- (TOC Evaluation goes here) see https://example.org/marker -->',
    '  Documented at <https://github.com/dragonflyoss/community/blob/master/GOVERNANCE.md> and [the site](https://d7y.io/docs/next/community/governance/).',
    '  The ladder (COMMUNITY_LADDER.md) and `CODEOWNERS` agree; fixed in #62 and dragonflyoss/dragonfly#4087,',
    '  see https://github.com/dragonflyoss/community/issues/27; see the previous criteria evaluation.',
    '',
    '  **TODO for Dragonfly team:** link MAINTAINERS.md and #99.',
    '- [ ] **Next.**',
  );
  assert.deepEqual(criterionCitations(text), [
    'link dragonflyoss/community GOVERNANCE.md',
    'link d7y.io/docs/next/community/governance/',
    'file COMMUNITY_LADDER.md',
    'file CODEOWNERS',
    'issue #62',
    'issue dragonflyoss/dragonfly#4087',
    'link dragonflyoss/community#27',
    'section see the previous criteria evaluation',
  ]);
});

test('citationsOf: hostile input is read in one pass', () => {
  // Each of these made a backtracking pattern take seconds; the test suite's time shows it.
  for (const evaluation of ['a/'.repeat(50_000) + '#1', 'x.'.repeat(50_000) + 'md', 'a/b.'.repeat(30_000), 'see the previous '.repeat(5_000), '&#'.repeat(50_000) + '1']) {
    const text = md('## A', '### Required', '- [x] **Clear and discoverable project governance documentation.**', '', `  ${evaluation}`);
    assert.ok(criterionCitations(text).length < 10_000);
  }
});

test('hover on seed line 175: what the evaluation cites, and that dragonflyoss/community has a MAINTAINERS file', async () => {
  const files: Record<string, string> = { 'file:///ws/seeds/dragonfly-graduation-dd.md': read(SEED_DD), ...filesUnder(COMMUNITY, 'dragonflyoss-community') };
  const project = new Project(new InMemoryWorkspace(files), parseSettings({ repositories: { 'dragonflyoss/community': 'dragonflyoss-community' } }).settings);
  const doc = (await project.document('file:///ws/seeds/dragonfly-graduation-dd.md'))!;
  const hover = (line: number, files = project.projectFiles(doc)) => files.then((f) => criterionHover(doc, doc.parsed.lines.offsetAt({ line: line - 1, character: 10 }), f)!);
  assert.equal(await hover(175), [
    '**Required** · ⬜ open · Governance and Maintainers',
    '',
    'TODOs (1):',
    '- **Dragonfly Team**: The responsibilities and focus areas for each maintainer have not been documented. Even with no differentiation among maintainers, it should be explicitly stated in the MAINTAINERS.md.',
    '',
    '**Evidence** cited: [dragonflyoss/community MAINTAINERS.md](https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md)',
    '- MAINTAINERS file: cited ✓ ([dragonflyoss/community MAINTAINERS.md](https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md)) · in dragonflyoss/community ✓ (`MAINTAINERS.md`)',
  ].join('\n'));
  // Code ownership: cited by the link to dragonfly's .github/CODEOWNERS; the community repository has none.
  assert.match(await hover(193), /\n- OWNERS \/ CODEOWNERS file: cited ✓ \(\[dragonflyoss\/dragonfly \.github\/CODEOWNERS\]\([^)]*\)\) · in dragonflyoss\/community ✗$/);
  assert.match(await hover(378), /\n\*\*Evidence\*\*: the evaluation cites nothing \(no link, file, or issue or PR\)\.$/);
  assert.match(await hover(72), /\n\*\*Evidence\*\*: none needs citing \(the TOC itself holds the application and its kick-off meeting/);
  // Without the community repository in the workspace: nowhere to look.
  assert.match(await hover(175, Promise.resolve([])), /MAINTAINERS file: cited ✓ \(.*\) · no repository of the project in the workspace to look in$/);
});
