import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressReport, statusBarText } from '../../../server/src/engine/generate/progressReport';
import { progressOf, type DdProgress } from '../../../server/src/engine/model/dd';
import { govDocument } from '../../helpers/documents';
import { SEED_DD, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

test('progressReport: the seed DD, per area and in all, then its 17 open Required criteria', () => {
  const report = progressReport(govDocument('dd.md', read(SEED_DD)));
  const lines = report.split('\n');
  assert.deepEqual(lines.slice(0, 12), [
    '# Criteria progress: Dragonfly Graduation Due Diligence',
    '',
    '| Area | Required | Suggested |',
    '| --- | ---: | ---: |',
    '| Application Process Principles | 3/5 (60%) | — |',
    '| Governance and Maintainers | 7/15 (47%) | 0/1 (0%) |',
    '| Contributors and Community | 4/6 (67%) | 1/1 (100%) |',
    '| Engineering Principles | 5/7 (71%) | — |',
    '| Security | 5/6 (83%) | 0/1 (0%) |',
    '| Ecosystem | 2/4 (50%) | — |',
    '| **All areas** | **26/43 (60%)** | **1/3 (33%)** |',
    '',
  ]);
  assert.equal(lines[12], '## Open Required criteria (17)');
  assert.equal(lines.filter((l) => l.startsWith('- ')).length, 17);
  assert.ok(lines.includes('- TOC verification of adopters. ([line 429](file:///ws/dd.md#L429))'));
});

const reports: { name: string; text: string; expected: string }[] = [
  {
    name: 'unknown kind counts as Required; a DD without checkboxes has nothing met',
    text: md('# Z DD', '## Ecosystem', '- [ ] **TOC verification of adopters.**', '- [x] **Adopters listed.**', '## Security', '### Suggested', '- [x] **Silver badge.**'),
    expected: md(
      '# Criteria progress: Z DD',
      '',
      '| Area | Required | Suggested |',
      '| --- | ---: | ---: |',
      '| Ecosystem | 1/2 (50%) | — |',
      '| Security | — | 1/1 (100%) |',
      '| **All areas** | **1/2 (50%)** | **1/1 (100%)** |',
      '',
      '## Open Required criteria (1)',
      '',
      '### Ecosystem',
      '',
      '- TOC verification of adopters. ([line 3](file:///ws/z.md#L3))',
    ),
  },
  {
    name: 'everything met',
    text: md('## A | B', '### Required', '- [x] **One.**'),
    expected: md(
      '# Criteria progress: z.md',
      '',
      '| Area | Required | Suggested |',
      '| --- | ---: | ---: |',
      '| A \\| B | 1/1 (100%) | — |',
      '| **All areas** | **1/1 (100%)** | **—** |',
      '',
      '## Open Required criteria (0)',
      '',
      'None: every Required criterion is met.',
    ),
  },
  {
    name: 'no criteria',
    text: md('# Notes', 'Nothing here.'),
    expected: md('# Criteria progress: Notes', '', 'No criteria found: a criterion is a list item that starts with bold text, under an area heading (`## Security`).'),
  },
];

for (const c of reports) {
  test(`progressReport: ${c.name}`, () => {
    assert.equal(progressReport(govDocument('z.md', c.text)), c.expected);
  });
}

const progress = (required: [number, number], suggested: [number, number]): DdProgress => ({
  areas: [],
  required: { met: required[0], total: required[1] },
  suggested: { met: suggested[0], total: suggested[1] },
});

const statusBar: [DdProgress, string][] = [
  [progressOf(govDocument('dd.md', read(SEED_DD)).dd), 'DD 26/43 required'],
  [progress([18, 31], [0, 2]), 'DD 18/31 required'],
  [progress([0, 0], [1, 3]), 'DD 1/3 suggested'],
  [progress([0, 0], [0, 0]), 'DD no criteria'],
];

for (const [input, expected] of statusBar) {
  test(`statusBarText: ${expected}`, () => {
    assert.equal(statusBarText(input), expected);
  });
}
