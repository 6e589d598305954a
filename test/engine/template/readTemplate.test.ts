import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DocumentParser } from '../../../server/src/engine/parse/document';
import { readDdTemplate, relativeLinksOf } from '../../../server/src/engine/template/readTemplate';
import { TEMPLATE_SOURCE, templateCriteria, type TemplateArea } from '../../../server/src/engine/generate/ddCriteria';
import { FIXTURES, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const TEMPLATES = join(FIXTURES, 'cncf-toc', 'operations', 'toc-templates');

/** The template as a DD would hold it: what the catalog adds (evidence) and its default marker left out. */
function asTemplate(areas: readonly TemplateArea[]): unknown {
  return JSON.parse(JSON.stringify(areas, (key, value) => (key === 'evidence' || (key === 'marker' && value === 'toc') ? undefined : value)));
}

for (const level of ['incubation', 'graduation'] as const) {
  test(`the built-in ${level} catalog is cncf/toc's template of ${TEMPLATE_SOURCE.date}, criterion for criterion`, () => {
    const parsed = new DocumentParser().parse(read(join(TEMPLATES, `template-dd-pr-${level}.md`)));
    // The templates write `../toc_subprojects/…`, meaning the folder at cncf/toc's root.
    const resolveLink = (url: string) => `https://github.com/cncf/toc/blob/main/${url.replace(/^(\.\.\/)+/, '')}`;
    assert.deepEqual(asTemplate(readDdTemplate(parsed, { resolveLink })), asTemplate(templateCriteria(level)));
  });
}

test('readDdTemplate: prompts, sub-criteria, notes, markers and the text after them, by area and kind', () => {
  const text = md(
    '# $PROJECT Graduation Due Diligence',
    '## Security',
    '',
    'Note: this section may be augmented.',
    '',
    '### Suggested',
    '',
    '- [ ] **Engage with a [TAG](../tags/README.md).**',
    '  - This occurred on DD-MMM-YYYY at $LINK.',
    '',
    '<!-- (Project assertion goes here) -->',
    '',
    '### Required',
    '',
    '- [ ] **Document Security Self-Assessment.** Kept in `cncf/toc`.',
    '- Met during Project\'s application on DD-MMM-YYYY.',
    '',
    '<!-- (TOC Evaluation goes here) -->',
    '',
    '- [ ] **Third Party Security Review.**',
    '',
    '  - [ ] Findings are tracked.',
    '  - Additional information is optional.',
    '',
    '- [ ] **Due Diligence Review.**',
    '',
    'Completion of this document satisfies the criterion.',
    '',
    '- [ ] **Review of [Sandbox](sandbox.cncf.io) expectations.**',
  );
  const parsed = new DocumentParser().parse(text);
  assert.deepEqual(relativeLinksOf(parsed), ['../tags/README.md']);
  assert.deepEqual(readDdTemplate(parsed, { resolveLink: (url) => (url === '../tags/README.md' ? 'https://github.com/cncf/toc/blob/main/tags/README.md' : undefined) }), [{
    title: 'Security',
    note: 'Note: this section may be augmented.',
    suggested: [{ title: 'Engage with a [TAG](https://github.com/cncf/toc/blob/main/tags/README.md).', prompts: ['This occurred on DD-MMM-YYYY at $LINK.'], marker: 'project' }],
    required: [
      { title: 'Document Security Self-Assessment.', detail: 'Kept in `cncf/toc`.', prompts: ["Met during Project's application on DD-MMM-YYYY."] },
      { title: 'Third Party Security Review.', subCriteria: ['Findings are tracked.'], notes: ['Additional information is optional.'], marker: 'none' },
      { title: 'Due Diligence Review.', marker: 'none', after: 'Completion of this document satisfies the criterion.' },
      { title: 'Review of [Sandbox](https://sandbox.cncf.io) expectations.', marker: 'none' },
    ],
  }]);
});
