import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../server/src/engine/parse/document';
import { GovDocument } from '../../server/src/engine/govDocument';
import { defaultSettings, parseSettings } from '../../server/src/engine/settings';
import { readDocument } from '../../server/src/engine/project';
import { LINK_SCANNER } from '../../server/src/engine/links/linkScan';
import { md } from '../helpers/ruleTester';

const kindOf = (text: string, path = 'docs/file.md', settings: unknown = {}) =>
  new GovDocument(`file:///ws/${path}`, path, new DocumentParser().parse(text), parseSettings(settings).settings).kind;

const areas = md('## Security', '### Required', '- [ ] **One.**', '## Ecosystem', '### Suggested', '- [x] **Two.**');

const cases: [string, string, string, unknown, string][] = [
  ['a "Due Diligence" title', md('# Foo Incubation Due Diligence'), 'x.md', {}, 'dd'],
  ['two areas with kinds and task criteria', areas, 'x.md', {}, 'dd'],
  ['one area is not enough', md('## Security', '### Required', '- [ ] **One.**'), 'x.md', {}, 'governance'],
  ['meeting headings', md('# Sync', '## Attendees', '- A', '## Action Items', '- [ ] x'), 'x.md', {}, 'meeting'],
  ['a meetings folder', md('# Notes'), 'meetings/maintainer/2025-09-09/README.md', {}, 'meeting'],
  ['everything else', md('# Governance', '## Voting'), 'GOVERNANCE.md', {}, 'governance'],
  ['front matter wins', md('---', 'governance: none', '---', '# Foo Due Diligence'), 'x.md', {}, 'none'],
  ['settings globs', md('# Plain'), 'reviews/foo.md', { kinds: { dd: ['reviews/**'] } }, 'dd'],
  ['front matter beats settings', md('---', 'governance: meeting', '---'), 'reviews/foo.md', { kinds: { dd: ['reviews/**'] } }, 'meeting'],
];

for (const [name, text, path, settings, expected] of cases) {
  test(`kind: ${name}`, () => assert.equal(kindOf(text, path, settings), expected));
}

// Where cncf/toc (4acc1dc) and GitHub keep templates; a guide about a template is not one.
const templates: [string, string][] = [
  ['operations/toc-templates/template-dd-pr-graduation.md', 'template'],
  ['.github/ISSUE_TEMPLATE/template-incubation-application.md', 'template'],
  ['.github/ISSUE_TEMPLATE/bug-report.md', 'template'],
  ['.github/PULL_REQUEST_TEMPLATE.md', 'template'],
  ['toc_subprojects/project-reviews-subproject/governance-review-template.md', 'template'],
  ['.archive/resources/tag-formation-templates/template-tag-charter.md', 'template'],
  ['toc_subprojects/project-reviews-subproject/governance-review-template-guide.md', 'template'],
  // The same text elsewhere is a DD being written.
  ['operations/dd-toc-guide.md', 'dd'],
  ['projects/foo/foo-graduation-dd.md', 'dd'],
];
const ddTemplate = md('# $PROJECT Graduation Due Diligence', '', '## Governance', '### Required', '- [ ] **One.**');
for (const [path, expected] of templates) test(`kind of ${path}: ${expected}`, () => assert.equal(kindOf(ddTemplate, path), expected));

test('kind: front matter declares a template; a DD title is a depth-1 heading, not a link to the DD nor a guide', () => {
  assert.equal(kindOf(md('---', 'governance: template', '---', '# $PROJECT Due Diligence')), 'template');
  assert.equal(kindOf(md('# TOC Due Diligence guide', '', 'How to write one.')), 'governance');
  assert.equal(kindOf(md('# Etcd Graduation Proposal', '', '### Link to Incubation Due Diligence(DD) Document')), 'governance');
});

test('a document sure to be read in full is parsed once, not scanned first: a DD, a template, meeting notes, a living governance file', () => {
  const readings = (path: string, text: string) => {
    const seen: string[] = [];
    readDocument(`file:///ws/${path}`, path, text, defaultSettings(), false, (source, scanned) => {
      seen.push(scanned ? 'scan' : 'parse');
      return new DocumentParser().parse(source, scanned ? LINK_SCANNER : undefined);
    });
    return seen;
  };
  assert.deepEqual(readings('projects/x/dd.md', md('# X Graduation Due Diligence', '', '- [ ] **Adopters**')), ['parse']);
  assert.deepEqual(readings('.github/ISSUE_TEMPLATE/graduation.md', '# Graduation\n'), ['parse']);
  assert.deepEqual(readings('community/meetings/2025-01-07.md', '# Call\n'), ['parse']);
  assert.deepEqual(readings('GOVERNANCE.md', '# Governance\n'), ['parse']);
  // Anything else is scanned, and parsed as well only when its scan shows what the rules read there.
  assert.deepEqual(readings('docs/intro.md', md('# Intro', '', 'See [x](y).')), ['scan']);
  assert.deepEqual(readings('docs/weekly.md', md('# Weekly', '', '## Attendees', '', '- a', '', '## Action items', '', '- b')), ['scan', 'parse']);
  // A guess from the text alone: a DD title inside a code block costs a parse, never a finding.
  assert.deepEqual(readings('docs/guide.md', md('# Guide', '', '```', '# X Due Diligence', '```')), ['parse']);
});
