import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { govmd, REPO } from '../helpers/cli';
import { SEED_DD } from '../helpers/fixtures';
import { newDueDiligence } from '../../server/src/engine/generate';

const seedDd = relative(REPO, SEED_DD);

const DRIFT = [
  'missing  Application Process Principles / Required   Complete a General Technical Review (GTR).',
  'missing  Application Process Principles / Required   Complete a Governance Review.',
  'missing  Governance and Maintainers / Suggested      Complete a Governance Review with the Project Reviews subproject',
  'missing  Security / Suggested                        Complete a joint security assessment with TAG Security and Compliance',
  'moved    Application Process Principles / Suggested  Engage with domain-specific TAG(s) to present the technical architecture of the project. (line 52: under Required)',
];

test('template-diff: the seed against cncf/toc\'s template in the workspace (test/fixtures/.govmd.json maps it)', () => {
  const run = govmd(['template-diff', seedDd]);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, [
    `${seedDd}: Template of 2026-06-29: 4 criteria missing · 1 moved (test/fixtures/cncf-toc/operations/toc-templates/template-dd-pr-graduation.md)`,
    '',
    ...DRIFT,
    '',
  ].join('\n'));
  assert.equal(run.code, 1);
});

test('template-diff: without cncf/toc in the workspace the built-in catalog gives the same answer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-template-'));
  cpSync(SEED_DD, join(folder, 'dd.md'));
  const run = govmd(['template-diff', 'dd.md'], { cwd: folder });
  assert.equal(run.stdout, ['dd.md: Template of 2026-06-29: 4 criteria missing · 1 moved (built-in catalog, cncf/toc at 4acc1dcf3e5c)', '', ...DRIFT, ''].join('\n'));
  assert.equal(run.code, 1);

  const json = JSON.parse(govmd(['template-diff', 'dd.md', '--format', 'json'], { cwd: folder }).stdout);
  assert.deepEqual(json.template, { level: 'graduation', date: '2026-06-29', source: 'built-in' });
  assert.equal(json.criteria, 50);
  assert.deepEqual(json.moved, [{
    line: 52,
    title: 'Engage with domain-specific TAG(s) to present the technical architecture of the project.',
    from: { area: 'Application Process Principles', kind: 'required' },
    to: { area: 'Application Process Principles', kind: 'suggested' },
  }]);
  assert.deepEqual(json.missing.map((m: { kind: string; title: string }) => `${m.kind} ${m.title}`), [
    'required Complete a General Technical Review (GTR).',
    'required Complete a Governance Review.',
    'suggested Complete a Governance Review with the Project Reviews subproject',
    'suggested Complete a joint security assessment with TAG Security and Compliance',
  ]);
});

test('template-diff: a DD made from the current template differs in nothing (exit 0)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-template-'));
  writeFileSync(join(folder, 'kserve-incubation-dd.md'), newDueDiligence({ level: 'incubation', project: 'KServe' }));
  const run = govmd(['template-diff', 'kserve-incubation-dd.md'], { cwd: folder });
  assert.equal(run.stdout, 'kserve-incubation-dd.md: Template of 2026-06-29: all 47 criteria in place (built-in catalog, cncf/toc at 4acc1dcf3e5c)\n');
  assert.equal(run.code, 0);
});

test('template-diff: what cannot be compared exits 2 with one line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-template-'));
  writeFileSync(join(folder, 'GOVERNANCE.md'), '# Governance\n\nMaintainers decide by lazy consensus.\n');
  writeFileSync(join(folder, 'foo-sandbox-dd.md'), newDueDiligence({ level: 'sandbox', project: 'Foo' }).replace('Sandbox Due Diligence', 'Due Diligence'));
  writeFileSync(join(folder, 'proposal-graduation.md'), '# Foo Graduation Due Diligence\n\n## Security\n\n### Required\n\n- [ ] **Third Party Security Review.**\n');
  const cases: [string[], RegExp][] = [
    [['template-diff'], /^govmd: template-diff takes exactly one file\. Try 'govmd --help'\.\n$/],
    [['template-diff', 'a.md', 'b.md'], /^govmd: template-diff takes exactly one file/],
    [['template-diff', 'missing.md'], /^govmd: missing\.md: /],
    [['template-diff', 'GOVERNANCE.md'], /^govmd: GOVERNANCE\.md: not a Due Diligence document \(no criteria under Suggested \/ Required\)\n$/],
    [['template-diff', 'foo-sandbox-dd.md'], /^govmd: foo-sandbox-dd\.md: neither the title nor the file name says graduation or incubation/],
    [['template-diff', 'proposal-graduation.md'], /^govmd: proposal-graduation\.md: fewer than half of the template's criteria are in it/],
    [['template-diff', 'GOVERNANCE.md', '--format', 'xml'], /^govmd: --format must be text or json, not 'xml'/],
  ];
  for (const [args, stderr] of cases) {
    const run = govmd(args, { cwd: folder });
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, stderr, args.join(' '));
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    assert.equal(run.stdout, '');
  }
});
