import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../server/src/engine/parse/document';
import { GovDocument } from '../../server/src/engine/govDocument';
import { parseSettings } from '../../server/src/engine/settings';
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
