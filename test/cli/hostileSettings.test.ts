import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd } from '../helpers/cli';

// Settings files written to hang or exhaust the checker. Each must end in a clear line, never a hang.

function scratch(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-hostile-settings-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

const brief = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`);

test('a placeholder pattern that backtracks catastrophically in JavaScript runs in linear time', () => {
  const line = `${'a'.repeat(50_000)}!`;
  const folder = scratch({ '.govmd.json': JSON.stringify({ placeholders: ['(a+)+$', '(a+)+!'] }), 'a.md': `# Notes\n\n${line}\n` });
  const run = govmd(['check', '--format', 'json'], { cwd: folder, timeout: 60_000 });
  assert.equal(run.code, 0, run.stderr);
  // `(a+)+$` finds nothing (the line ends in "!"); `(a+)+!` finds the whole line.
  const findings = JSON.parse(run.stdout) as (JsonFinding & { endLine: number; endColumn: number })[];
  assert.deepEqual(findings.map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.code]), [['a.md', 3, 1, 3, 50_002, 'placeholder']]);
});

test('a glob that backtracks catastrophically in picomatch is matched in linear time', () => {
  const name = `${'a'.repeat(60)}.md`;
  const folder = scratch({ '.govmd.json': JSON.stringify({ exclude: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b'], kinds: { none: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*c'] } }), [name]: 'TODO: finish\n' });
  const run = govmd(['check', '--format', 'json'], { cwd: folder, timeout: 60_000 });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(brief(run.stdout), [`${name}:1:1 open-todo TODO (no owner): finish`]);
});

test('a YAML alias bomb is one clear line, exit 2', () => {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  lines.push('placeholders: *a9');
  const folder = scratch({ '.govmd.yaml': `${lines.join('\n')}\n`, 'a.md': '# x\n' });
  const run = govmd(['check'], { cwd: folder, timeout: 60_000 });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'govmd: .govmd.yaml:1:1: (aliases): YAML aliases (*name) expand to too many values (an alias bomb?); at most 100 are allowed\n');
});

test('a million bad list elements: one line, not a million', () => {
  const huge = scratch({ '.govmd.json': JSON.stringify({ owners: Array(1_000_000).fill(1) }), 'a.md': '# x\n' });
  const run = govmd(['check'], { cwd: huge, timeout: 60_000 });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'govmd: .govmd.json:1:1: (file): the settings file is 1953 KB, over the 256 KB a settings file may have\n');

  const many = scratch({ '.govmd.json': JSON.stringify({ owners: Array(50_000).fill(1) }), 'a.md': '# x\n' });
  const grouped = govmd(['check'], { cwd: many, timeout: 60_000 });
  assert.equal(grouped.code, 2);
  assert.equal(grouped.stderr, 'govmd: .govmd.json:1:11: owners: expected at most 10000 items, got 50,000\n');

  const bad = scratch({ '.govmd.json': JSON.stringify({ owners: ['@ok', ...Array(5_000).fill(1)] }), 'a.md': '# x\n' });
  const kinds = govmd(['check'], { cwd: bad, timeout: 60_000 });
  assert.equal(kinds.code, 2);
  assert.equal(kinds.stderr, 'govmd: .govmd.json:1:18: owners[1]: expected string, got 1 (and 4,999 more like it)\n');
});

test('unknown keys and misspelt codes: a line each with the closest valid name', () => {
  const folder = scratch({
    '.govmd.json': '{\n  "severity": { "open-todos": "off" },\n  "constructor": {},\n  "exclud": []\n}\n',
    'a.md': 'TODO: x\n',
  });
  const run = govmd(['check'], { cwd: folder });
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    [
      'govmd: .govmd.json:2:17: severity.open-todos: unknown diagnostic code; did you mean "open-todo"?',
      'govmd: .govmd.json:3:3: constructor: unknown setting; expected one of severity, kinds, placeholders, owners, repositories, exclude, externalLinks, topics',
      'govmd: .govmd.json:4:3: exclud: unknown setting; did you mean "exclude"?',
      '',
    ].join('\n'),
  );
});
