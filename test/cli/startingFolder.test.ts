import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd, govmdAsync, REPO, type JsonFinding } from '../helpers/cli';
import { CORPUS } from '../helpers/fixtures';

// Whichever folder govmd is started from, a file's findings are the same: its workspace is found
// from where the file is. The reference is the reviewed corpus report, made from test/corpus/
// (`npm run corpus`); here the same files are checked from inside a repository of it and from
// above the corpus's root. Before the workspace root was found this way, cncf/toc gave 902
// findings from its parent and 1,299 from inside it.

/** The reviewed findings of the corpus, as `npm run corpus` keys them (paths from test/corpus/). */
function expectedUnder(folder: string): string[] {
  return readFileSync(join(REPO, 'test', 'corpus.expected.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').slice(0, 4).join('\t'))
    .filter((key) => key.startsWith(`${folder}/`))
    .sort();
}

/** `govmd check` as a process; both runs go at once, each reading the whole corpus. */
async function check(args: string[], cwd: string): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await govmdAsync(['check', ...args, '--format', 'json'], cwd);
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
}

/** A finding as the expectation file keys it, its path made relative to the corpus root again. */
const keyOf = (prefix: string) => (f: JsonFinding) => [`${prefix}${f.file}:${f.line}:${f.column}`, f.code, f.severity, f.message.replace(/[\t\n]/g, ' ')].join('\t');

test('the same findings from inside a repository of the corpus and from above the corpus as from its root', { timeout: 600_000 }, async () => {
  const [inside, above] = await Promise.all([
    check(['.'], join(CORPUS, 'cncf', 'toc')),
    check(['test/corpus/fluxcd/community'], REPO),
  ]);

  assert.equal(inside.stderr, '');
  assert.equal(inside.code, 1);
  const fromInside = inside.findings.map(keyOf('cncf/toc/')).sort();
  assert.ok(fromInside.length > 300, `${fromInside.length} findings in cncf/toc`);
  assert.deepEqual(fromInside, expectedUnder('cncf/toc'));

  assert.equal(above.stderr, '');
  // Paths are relative to the current folder; the findings are the corpus root's.
  assert.ok(above.findings.every((f) => f.file.startsWith('test/corpus/fluxcd/community/')), above.findings.map((f) => f.file).join(', '));
  const fromAbove = above.findings.map(keyOf('')).map((key) => key.replace(/^test\/corpus\//, '')).sort();
  assert.ok(fromAbove.length > 0);
  assert.deepEqual(fromAbove, expectedUnder('fluxcd/community'));
});

test('from a folder below the workspace root: the root\'s settings file applies and /… links start at the root', () => {
  const root = mkdtempSync(join(tmpdir(), 'govmd-below-'));
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, '.govmd.json'), JSON.stringify({ severity: { 'open-todo': 'error' } }));
  writeFileSync(join(root, 'GOVERNANCE.md'), '# Governance\n\n## Voting\n');
  writeFileSync(join(root, 'docs', 'guide.md'), '# Guide\n\nTODO: explain voting.\n\nSee [voting](/GOVERNANCE.md#voting) and [nothing](/docs/missing.md).\n');
  const brief = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.severity} ${f.message}`);
  const below = govmd(['check', '.', '--format', 'json'], { cwd: join(root, 'docs') });
  assert.equal(below.code, 1, below.stderr);
  assert.deepEqual(brief(below.stdout), [
    'guide.md:3:1 open-todo error TODO (no owner): explain voting.',
    'guide.md:5:41 broken-link error No file or folder /docs/missing.md (docs/missing.md)',
  ]);
  const fromRoot = govmd(['check', 'docs', '--format', 'json'], { cwd: root });
  assert.deepEqual(brief(fromRoot.stdout), brief(below.stdout).map((line) => `docs/${line}`));
});
