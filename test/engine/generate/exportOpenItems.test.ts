import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportOpenItems } from '../../../server/src/engine/generate/exportOpenItems';
import { govDocument } from '../../helpers/documents';
import { COMMUNITY, SEED_DD, SEED_MEETING, filesUnder, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const dd = govDocument('dd.md', read(SEED_DD));
const meeting = govDocument('meetings/maintainer/2025-10-14/README.md', read(SEED_MEETING));

test('exportOpenItems: the seed DD and meeting note, counted', () => {
  const text = exportOpenItems([meeting, dd], { today: '2025-10-20' });
  const lines = text.split('\n');
  assert.equal(lines[2], 'Exported 2025-10-20 · 19 open criteria (17 Required, 2 Suggested) · 21 TODOs · 2 open actions');
  assert.equal(lines.filter((l) => l.startsWith('- [ ] Required · ')).length, 17);
  assert.equal(lines.filter((l) => l.startsWith('- [ ] Suggested · ')).length, 2);
  assert.equal(lines.filter((l) => l.startsWith('  - [ ] ')).length, 6, 'open sub-criteria under their criterion');
  assert.deepEqual(lines.filter((l) => l.startsWith('#') && !l.startsWith('####')), [
    '# Open items',
    '## Open criteria',
    '### [Dragonfly Graduation Due Diligence](dd.md)',
    '## TODOs by owner',
    // "Dragonfly Team", "Dragonfly team" and "Dragonfly TEAM" are one owner; "Dragonlfy TEAM" is how its author wrote it.
    '### Dragonfly Team (16)',
    '### Dragonlfy TEAM (1)',
    '### Kevin (1)',
    '### TOC Reviewer (2)',
    '### No owner (1)',
    '## Open actions',
    '### [Maintainer Meeting](meetings/maintainer/2025-10-14/README.md)',
  ]);
  assert.ok(lines.includes('- [ ] Required · Due Diligence Review. — [dd.md:77](dd.md#L77)'));
  assert.ok(lines.includes('- [ ] update when main DD evaluation finished. (on "Due Diligence Review.") — [dd.md:79](dd.md#L79)'));
  assert.deepEqual(lines.filter((l) => l.includes('README.md:')), [
    '- [ ] Support Model Artifact by OCI Spec in Fluid, and Dragonfly needs to support P2P distribution of Model layers. @chlins @gaius-qi — [meetings/maintainer/2025-10-14/README.md:32](meetings/maintainer/2025-10-14/README.md#L32)',
    '- [ ] Organize topics and attendees for KubeCon 2026 @mingcheng — [meetings/maintainer/2025-10-14/README.md:35](meetings/maintainer/2025-10-14/README.md#L35)',
  ]);
});

test('exportOpenItems: the export holds no criteria or TODO markers of its own', () => {
  const exported = govDocument('open-items.md', exportOpenItems([dd, meeting], { today: '2025-10-20' }));
  assert.deepEqual([exported.dd.criteria.length, exported.parsed.todos.length], [0, 0]);
});

test('exportOpenItems: a meeting series counts by its latest note; older notes would repeat its actions', () => {
  const notes = Object.entries(filesUnder(COMMUNITY, 'community'))
    .filter(([uri]) => uri.includes('/meetings/maintainer/'))
    .map(([uri, text]) => govDocument(uri.slice('file:///ws/'.length), text));
  const text = exportOpenItems(notes, { today: '2025-09-20' });
  assert.match(text, /· 0 TODOs · 5 open actions\n/);
  assert.match(text, /### \[Maintainer Meeting\]\(community\/meetings\/maintainer\/2025-09-09\/README\.md\)/);
  assert.doesNotMatch(text, /2025-08-26/);
});

const cases: { name: string; files: Record<string, string>; path?: string; expected: string }[] = [
  {
    name: 'links relative to where the export is saved; owners inherited by sub-actions, missing owners said',
    path: 'reports/open items.md',
    files: {
      'projects/x/dd.md': md(
        '# X Incubation Due Diligence',
        '## Security',
        '### Suggested',
        '- [ ] **Complete a joint security assessment.**',
        '### Required',
        '- [x] **Document Security Self-Assessment.**',
        '  **TODO for x team:** link the PDF',
        '- [ ] **Third Party Security Review.**',
        '  - [x] Findings tracked',
        '  - [ ] Findings fixed',
        '## Ecosystem',
        '- [ ] **TOC verification of adopters.**',
        '**TODO for X Team**: interviews',
        'TODO: nobody owns this',
      ),
      'meetings/2025-09-09.md': md('# Sync', '## Actions', '- [ ] Publish @ann', '  - [ ] Translate', '- [ ] Nobody took this', '- [x] Done @bo'),
    },
    expected: md(
      '# Open items',
      '',
      'Exported 2025-09-10 · 3 open criteria (2 Required, 1 Suggested) · 3 TODOs · 3 open actions',
      '',
      '## Open criteria',
      '',
      '### [X Incubation Due Diligence](../projects/x/dd.md)',
      '',
      '#### Security',
      '',
      '- [ ] Suggested · Complete a joint security assessment. — [projects/x/dd.md:4](../projects/x/dd.md#L4)',
      '- [ ] Required · Third Party Security Review. — [projects/x/dd.md:8](../projects/x/dd.md#L8)',
      '  - [ ] Findings fixed — [projects/x/dd.md:10](../projects/x/dd.md#L10)',
      '',
      '#### Ecosystem',
      '',
      '- [ ] Required · TOC verification of adopters. — [projects/x/dd.md:12](../projects/x/dd.md#L12)',
      '',
      '## TODOs by owner',
      '',
      '### x team (2)',
      '',
      '- [ ] link the PDF (on "Document Security Self-Assessment.") — [projects/x/dd.md:7](../projects/x/dd.md#L7)',
      '- [ ] interviews (on "TOC verification of adopters.") — [projects/x/dd.md:13](../projects/x/dd.md#L13)',
      '',
      '### No owner (1)',
      '',
      '- [ ] nobody owns this (on "TOC verification of adopters.") — [projects/x/dd.md:14](../projects/x/dd.md#L14)',
      '',
      '## Open actions',
      '',
      '### [Sync](../meetings/2025-09-09.md)',
      '',
      '- [ ] Publish @ann — [meetings/2025-09-09.md:3](../meetings/2025-09-09.md#L3)',
      '- [ ] Translate (@ann) — [meetings/2025-09-09.md:4](../meetings/2025-09-09.md#L4)',
      '- [ ] Nobody took this (no owner) — [meetings/2025-09-09.md:5](../meetings/2025-09-09.md#L5)',
    ),
  },
  {
    name: 'nothing open',
    files: { 'dd.md': md('# Y Due Diligence', '## Security', '### Required', '- [x] **Done.**', '## Ecosystem', '- [x] **Also done.**') },
    expected: md(
      '# Open items',
      '',
      'Exported 2025-09-10 · 0 open criteria (0 Required, 0 Suggested) · 0 TODOs · 0 open actions',
      '',
      '## Open criteria',
      '',
      'None.',
      '',
      '## TODOs by owner',
      '',
      'None.',
      '',
      '## Open actions',
      '',
      'None.',
    ),
  },
];

for (const c of cases) {
  test(`exportOpenItems: ${c.name}`, () => {
    const docs = Object.entries(c.files).map(([path, text]) => govDocument(path, text));
    assert.equal(exportOpenItems(docs, { today: '2025-09-10', path: c.path }), c.expected);
  });
}

test('relativeLink: up and down the tree, characters that would end the link escaped', async () => {
  const { relativeLink } = await import('../../../server/src/engine/workspaceIndex');
  assert.equal(relativeLink('a/b/out.md', 'a/c/d.md'), '../c/d.md');
  assert.equal(relativeLink(undefined, 'my notes/(draft) #1.md'), 'my%20notes/%28draft%29%20%231.md');
  assert.equal(relativeLink('out.md', 'dd.md'), 'dd.md');
});
