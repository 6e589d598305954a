import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOVMD, REPO } from '../helpers/cli';
import { CORPUS } from '../helpers/fixtures';

// Whichever folder govmd is started from, a file's findings are the same: its workspace is found
// from where the file is. The reference is the reviewed corpus report, made from test/corpus/
// (`npm run corpus`); here the same files are checked from inside a repository of it and from
// above the corpus's root. Before the workspace root was found this way, cncf/toc gave 902
// findings from its parent and 1,299 from inside it.

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
}

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
function check(args: string[], cwd: string): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GOVMD, 'check', ...args, '--format', 'json'], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, findings: JSON.parse(stdout) as JsonFinding[], stderr }));
  });
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
