import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { govmd, REPO } from '../helpers/cli';
import { SEED_DD, SEED_MEETING } from '../helpers/fixtures';
import { barsOf, parseSvg } from '../helpers/svg';

const seedDd = relative(REPO, SEED_DD);

test('progress --format svg: the seed DD as a picture, Governance and Maintainers 7/15 Required, 0/1 Suggested', () => {
  const run = govmd(['progress', seedDd, '--format', 'svg']);
  assert.equal(run.code, 0, run.stderr);
  const areas = barsOf(parseSvg(run.stdout));
  assert.equal(areas.size, 7);
  assert.deepEqual(areas.get('Governance and Maintainers')!.map((b) => `${b.kind} ${b.label}`), ['required 7/15', 'suggested 0/1']);
  assert.deepEqual(areas.get('All areas')!.map((b) => `${b.kind} ${b.label}`), ['required 26/43', 'suggested 1/3']);
});

test('progress --format markdown: a GitHub table under the DD title and file', () => {
  const run = govmd(['progress', seedDd, '--format', 'markdown']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, [
    '### Dragonfly Graduation Due Diligence',
    '',
    `\`${seedDd}\``,
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
  ].join('\n'));
});

function workspaceWithTwoDds(): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-progress-'));
  cpSync(SEED_DD, join(folder, 'reviews', 'dragonfly.md'), { recursive: true });
  cpSync(SEED_MEETING, join(folder, 'meetings', '2025-10-14.md'), { recursive: true });
  writeFileSync(join(folder, 'reviews', 'other.md'), '# Other Due Diligence\n\n## Security\n\n### Required\n\n- [x] **Audit done.**\n- [ ] **Badge.**\n');
  // A document declared not governed is passed over, though it looks like a DD.
  writeFileSync(join(folder, 'reviews', 'draft.md'), '---\ngovernance: none\n---\n# Draft Due Diligence\n\n## Security\n\n### Required\n\n- [ ] **Audit.**\n');
  return folder;
}

test('progress on folders: every DD found, each under its file; other documents are passed over', () => {
  const folder = workspaceWithTwoDds();
  const json = govmd(['progress', '.', '--format', 'json'], { cwd: folder });
  assert.equal(json.code, 0, json.stderr);
  const reports = JSON.parse(json.stdout) as { file: string; title: string; required: { met: number; total: number } }[];
  assert.deepEqual(reports.map((r) => `${r.file} ${r.title} ${r.required.met}/${r.required.total}`), [
    'reviews/dragonfly.md Dragonfly Graduation Due Diligence 26/43',
    'reviews/other.md Other Due Diligence 1/2',
  ]);
  const text = govmd(['progress', 'reviews'], { cwd: folder });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^Dragonfly Graduation Due Diligence \(reviews\/dragonfly\.md\)\n/);
  assert.match(text.stdout, /\n\nOther Due Diligence \(reviews\/other\.md\)\n\nArea +Required +Suggested\n/);
  // One picture draws one document.
  const svg = govmd(['progress', '.', '--format', 'svg'], { cwd: folder });
  assert.equal(svg.code, 2);
  assert.equal(svg.stderr, "govmd: --format svg draws one document; 2 found (reviews/dragonfly.md, reviews/other.md). Try 'govmd --help'.\n");
  assert.equal(svg.stdout, '');
});

test('progress: a folder without DDs says so and prints an empty list', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-progress-'));
  writeFileSync(join(folder, 'README.md'), '# Hello\n');
  const run = govmd(['progress', '.', '--format', 'json'], { cwd: folder });
  assert.equal(run.code, 0);
  assert.equal(run.stdout, '[]\n');
  assert.equal(run.stderr, 'govmd: no Due Diligence document found in .\n');
});

test('progress: a bad --format names the four', () => {
  const run = govmd(['progress', seedDd, '--format', 'html']);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, "govmd: --format must be text, markdown, json or svg, not 'html'. Try 'govmd --help'.\n");
});
