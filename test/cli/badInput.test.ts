import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, chmodSync, chownSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd } from '../helpers/cli';

// As root, permission bits do not stop a read: run govmd as `nobody` so that mode 000 means unreadable.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function badInputFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-bad-'));
  chmodSync(folder, 0o755);
  writeFileSync(join(folder, 'good.md'), '# Notes\n\nTODO: still checked\n');
  writeFileSync(join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
  writeFileSync(join(folder, 'huge.md'), '- [ ] **criterion**\n'.repeat(10 * 1024 * 1024 / 20 + 1));
  writeFileSync(join(folder, 'latin1.md'), Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' TODO: x\n')]));
  writeFileSync(join(folder, 'secret.md'), 'TODO: you cannot read me\n');
  chmodSync(join(folder, 'secret.md'), 0o000);
  mkdirSync(join(folder, 'loop'));
  symlinkSync('..', join(folder, 'loop', 'parent'));
  symlinkSync('self.md', join(folder, 'loop', 'self.md'));
  execFileSync('mkfifo', [join(folder, 'pipe.md')]);
  return folder;
}

test('bad input: one clear line per file that cannot be read, the rest still checked, exit 2', () => {
  const folder = badInputFolder();
  const run = govmd(['check', '.', 'missing.md', '--format', 'json'], { cwd: folder, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  assert.equal(run.code, 2);
  assert.deepEqual(run.stderr.trimEnd().split('\n').sort(), [
    'govmd: binary.md: is a binary file (it holds NUL bytes)',
    'govmd: latin1.md: is not valid UTF-8 (first bad byte at offset 3)',
    'govmd: loop/self.md: is a symbolic link loop',
    'govmd: missing.md: does not exist',
    'govmd: pipe.md: is not a regular file',
    'govmd: secret.md: cannot be read: permission denied',
  ]);
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
  const findings = JSON.parse(run.stdout);
  // A file over the size limit is valid Markdown, only too large to check: a finding on it.
  assert.deepEqual(findings.map((f: { file: string; line: number; code: string; message: string }) => `${f.file}:${f.line} ${f.code} ${f.message}`), [
    'good.md:3 open-todo TODO (no owner): still checked',
    'huge.md:1 not-checked Not checked: the document is 10.0 MB, over the 4 MB limit for a governance document',
  ]);
});

test('bad input: a folder given explicitly that holds nothing checkable is fine', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-empty-'));
  const run = govmd(['check', folder]);
  assert.equal(run.code, 0);
  assert.equal(run.stdout, 'No problems in 0 files.\n');
});

test('bad input: deeply nested Markdown and a long line are checked without a crash', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-deep-'));
  const nested = Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
  const quotes = `${'>'.repeat(5000)} TODO: deep\n`;
  writeFileSync(join(folder, 'deep.md'), `${nested}\n\n${quotes}\n${'x'.repeat(500_000)} TODO: after\n`);
  if (asRoot) chownSync(folder, 0, 0);
  const run = govmd(['check', 'deep.md', '--format', 'json'], { cwd: folder });
  // Nesting deeper than any real document would take remark minutes to parse: that part is
  // reported as a finding and left out, and what follows it is still checked. The document is
  // valid Markdown: no exit 2.
  assert.equal(run.code, 0);
  assert.equal(run.stderr, '');
  assert.deepEqual(JSON.parse(run.stdout).map((f: { line: number; column: number; code: string; message: string }) => `${f.line}:${f.column} ${f.code} ${f.message}`), [
    '1:1 not-checked Lines 1–500 not checked: lists nest more than 32 levels deep',
    '502:1 not-checked Line 502 not checked: block quotes nest more than 32 levels deep',
    '504:500002 open-todo TODO (no owner): after',
  ]);
});

test('what .gitignore ignores is not part of the project, unless named', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-ignored-'));
  writeFileSync(join(folder, '.gitignore'), 'out/\n*.draft.md\n');
  mkdirSync(join(folder, 'out'));
  mkdirSync(join(folder, 'docs'));
  writeFileSync(join(folder, 'out', 'copy.md'), 'TODO: build output\n');
  writeFileSync(join(folder, 'docs', 'notes.draft.md'), 'TODO: a draft\n');
  writeFileSync(join(folder, 'docs', 'GOVERNANCE.md'), 'TODO: real\n');
  const all = govmd(['check', '--format', 'json'], { cwd: folder });
  assert.deepEqual(JSON.parse(all.stdout).map((f: { file: string }) => f.file), ['docs/GOVERNANCE.md']);
  const named = govmd(['check', 'docs/notes.draft.md', '--format', 'json'], { cwd: folder });
  assert.deepEqual(JSON.parse(named.stdout).map((f: { file: string }) => f.file), ['docs/notes.draft.md']);
});

test('a file that trips a bug costs that file only: the others are still checked and reported', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-bug-'));
  // U+FEFF at the start of a chunk made the parser throw (issue 11): the whole run stopped with
  // "internal error" and nothing was reported for any file.
  writeFileSync(join(folder, 'a.md'), '# T\n\n\ufeff`s`\n');
  writeFileSync(join(folder, 'b.md'), 'TODO: b\n');
  const run = govmd(['check', '.', '--format', 'json'], { cwd: folder });
  const alone = govmd(['check', 'b.md', '--format', 'json'], { cwd: folder });
  const ofB = (stdout: string) => JSON.parse(stdout).filter((f: { file: string }) => f.file === 'b.md');
  assert.deepEqual(ofB(run.stdout), ofB(alone.stdout));
  assert.equal(ofB(run.stdout).length, 1);
  for (const line of run.stderr.split('\n').filter(Boolean)) assert.match(line, /^govmd: a\.md: /, 'a problem is said about its file');
});
