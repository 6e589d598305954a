import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../../server/src/engine/project';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { parseSettings } from '../../../server/src/engine/settings';
import { ddSkeleton } from '../../../server/src/engine/generate';
import { templateEdits, type TemplateChange } from '../../../server/src/engine/template/updateEdits';
import type { TemplateComparison } from '../../../server/src/engine/template/compare';
import type { GovDocument } from '../../../server/src/engine/govDocument';
import { FIXTURES, SEED_DD, filesUnder, read } from '../../helpers/fixtures';

const DD = 'file:///ws/dragonfly-graduation-dd.md';

/** A workspace with the seed DD, and cncf/toc's templates (the fixture copy) when asked. */
function project(text: string, withToc: boolean): Project {
  const files: Record<string, string> = { [DD]: text };
  const settings = parseSettings(withToc ? { repositories: { 'cncf/toc': 'cncf-toc' } } : {}).settings;
  if (withToc) Object.assign(files, filesUnder(`${FIXTURES}/cncf-toc`, 'cncf-toc'));
  return new Project(new InMemoryWorkspace(files), settings);
}

/** What "Update DD to Current Template" does: every change of the comparison, as one edit. */
function everything(comparison: TemplateComparison): TemplateChange[] {
  return [...comparison.missing.map((missing) => ({ missing })), ...comparison.moved.map((moved) => ({ moved }))];
}

async function update(text: string, withToc: boolean): Promise<{ text: string; doc: GovDocument; comparison: TemplateComparison }> {
  const p = project(text, withToc);
  const doc = (await p.document(DD))!;
  const comparison = (await p.templateComparison(doc))!;
  return { text: applySpanEdits(text, templateEdits(doc, comparison, everything(comparison))), doc, comparison };
}

function applySpanEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

for (const withToc of [true, false]) {
  const where = withToc ? 'cncf/toc in the workspace' : 'the built-in catalog';
  test(`Update DD to Current Template, ${where}: the seed gets the four criteria in their areas and kinds, the TAG criterion moves, a second run changes nothing`, async () => {
    const seed = read(SEED_DD);
    const first = await update(seed, withToc);
    assert.equal(first.comparison.template.date, '2026-06-29');
    assert.equal(first.comparison.template.source, withToc ? 'file:///ws/cncf-toc/operations/toc-templates/template-dd-pr-graduation.md' : 'built-in');
    const updated = first.text;

    // Each inserted criterion sits under its area and kind heading, with the template's prompts and marker.
    const section = (area: string, kind: string) => {
      const start = updated.indexOf(`\n### ${kind}\n`, updated.indexOf(`\n## ${area}\n`));
      return updated.slice(start, updated.indexOf('\n##', start + 5));
    };
    const app = section('Application Process Principles', 'Required');
    assert.match(app, /^\n### Required\n\n- \[ \] \*\*Complete a \[General Technical Review \(GTR\)\]\(https:\/\/github\.com\/cncf\/toc\/blob\/main\/toc_subprojects\/project-reviews-subproject\/general-technical-questions\.md\)\.\*\*\n  - This was most recently revised on DD-MMM-YYYY\. The snapshot is available in this repo at `projects\/\$PROJECT\/tech-review\/YYYY-MM-DD\.md` \(\$LINK\)\.\n\n<!-- \(Project assertion goes here\) -->\n\n- \[ \] \*\*Complete a \[Governance Review\]/);
    assert.ok(app.indexOf('Complete a [Governance Review]') < app.indexOf('All project metadata and resources are'));
    assert.ok(!app.includes('Engage with the domain specific TAG(s)'));
    assert.equal(section('Application Process Principles', 'Suggested'), `\n### Suggested\n\n${seed.slice(seed.indexOf('- [ ] **Engage with the domain'), seed.indexOf('- [x]  **All project metadata')).trimEnd()}\n`);
    assert.match(section('Governance and Maintainers', 'Suggested'), /^\n### Suggested\n\n- \[ \] \*\*Complete a Governance Review with the Project Reviews subproject\*\*\n\n<!-- \(TOC Evaluation goes here\) -->\n\n- \[ \]  \*\*Governance has continuously/);
    assert.match(section('Security', 'Suggested'), /<!-- \(TOC Evaluation goes here\) --> \n\n- \[ \] \*\*Complete a joint security assessment with TAG Security and Compliance\*\*\n\n<!-- \(TOC Evaluation goes here\) -->\n$/);

    // Nothing the reviewer wrote is lost or reworded: every line of the seed is still there as
    // often as before, except the "N/A" the moved criterion takes the place of.
    const count = (lines: string[]) => lines.reduce((m, line) => m.set(line, (m.get(line) ?? 0) + 1), new Map<string, number>());
    const before = count(seed.split('\n'));
    const after = count(updated.split('\n'));
    const lost = [...before].filter(([line, n]) => (after.get(line) ?? 0) < n).map(([line]) => line);
    assert.deepEqual(lost, ['N/A']);
    assert.equal(before.get('N/A'), 3);
    assert.equal(after.get('N/A'), 2);

    const second = await update(updated, withToc);
    assert.deepEqual([second.comparison.missing.length, second.comparison.moved.length], [0, 0]);
    assert.equal(second.text, updated);
  });
}

test('Update DD to Current Template: the built-in catalog and cncf/toc\'s template give the same text', async () => {
  const seed = read(SEED_DD);
  assert.equal((await update(seed, true)).text, (await update(seed, false)).text);
});

test('Update DD to Current Template: an area the DD lacks comes back with its heading, once', async () => {
  const skeleton = ddSkeleton('graduation');
  const ecosystem = skeleton.slice(skeleton.indexOf('## Ecosystem'), skeleton.indexOf('#### Adoption'));
  const result = await update(skeleton.replace(ecosystem, ''), false);
  assert.equal(result.comparison.missing.length, 4);
  const added = result.text.slice(result.text.indexOf('## Ecosystem'), result.text.indexOf('#### Adoption'));
  assert.equal(added.split('## Ecosystem').length, 2);
  assert.equal(added.split('### Required').length, 2);
  assert.equal(added, ecosystem.replace('### Suggested\n\nN/A\n\n', ''));
  assert.equal((await update(result.text, false)).text, result.text);
});
