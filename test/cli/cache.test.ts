import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd, REPO } from '../helpers/cli';

/** A repository of its own (a `.git` makes it the workspace root), with no package.json above it. */
function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-cache-'));
  mkdirSync(join(folder, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

const DEFAULT_CACHE = join('node_modules', '.cache', 'govmd');

/** A run with the cache, and the same run without: the report must be the same. */
function cachedAgrees(args: string[], cwd: string) {
  const cached = govmd([...args, '--cache'], { cwd });
  const uncached = govmd(args, { cwd });
  assert.equal(cached.stdout, uncached.stdout, `stdout of ${args.join(' ')} --cache`);
  assert.equal(cached.stderr, uncached.stderr, `stderr of ${args.join(' ')} --cache`);
  assert.equal(cached.code, uncached.code, `exit code of ${args.join(' ')} --cache`);
  return cached;
}

test('--cache: a warm run over the fixtures gives the cold report, byte for byte, in every format', () => {
  const fixtures = mkdtempSync(join(tmpdir(), 'govmd-cache-fixtures-'));
  cpSync(join(REPO, 'test', 'fixtures'), fixtures, { recursive: true });
  for (const format of ['text', 'json', 'sarif']) {
    const cold = govmd(['check', '.', '--hints', '--format', format], { cwd: fixtures });
    for (const run of [1, 2]) {
      const warm = govmd(['check', '.', '--hints', '--format', format, '--cache'], { cwd: fixtures });
      assert.deepEqual(warm, cold, `${format}, cached run ${run}`);
    }
  }
  assert.ok(readdirSync(join(fixtures, DEFAULT_CACHE)).length > 0, 'the cache is in node_modules/.cache/govmd under the workspace root');
});

test('--cache: nothing is written without it', () => {
  const folder = workspace({ 'a.md': 'TODO: write this\n' });
  const run = govmd(['check', '.'], { cwd: folder });
  assert.equal(run.code, 0);
  assert.equal(existsSync(join(folder, 'node_modules')), false);
});

test('--cache: a file edited between two cached runs is checked again', () => {
  const folder = workspace({ 'a.md': '# A\n\nAll done.\n', 'b.md': '# B\n' });
  assert.equal(cachedAgrees(['check', '.'], folder).stdout, 'No problems in 2 files.\n');
  writeFileSync(join(folder, 'a.md'), '# A\n\nTODO: not done after all\n');
  const run = cachedAgrees(['check', '.'], folder);
  assert.match(run.stdout, /^a\.md:3:1: information: TODO \(no owner\): not done after all \[open-todo\]$/m);
});

test('--cache: a link target that goes away is a broken link in the next cached run', () => {
  const folder = workspace({ 'a.md': '# A\n\nSee [B](b.md#details).\n', 'b.md': '# B\n\n## Details\n' });
  assert.equal(cachedAgrees(['check', '.'], folder).stdout, 'No problems in 2 files.\n');
  writeFileSync(join(folder, 'b.md'), '# B\n\n## Other\n');
  assert.match(cachedAgrees(['check', '.'], folder).stdout, /^a\.md:3:\d+: warning: .*#details.* \[broken-fragment\]$/m);
  rmSync(join(folder, 'b.md'));
  assert.match(cachedAgrees(['check', '.'], folder).stdout, /^a\.md:3:\d+: error: .*b\.md.* \[broken-link\]$/m);
});

test('--cache: a changed settings file gives the findings of the new settings', () => {
  const folder = workspace({ 'a.md': '# A\n\nTODO: write this\n', '.govmd.json': '{}\n' });
  assert.match(cachedAgrees(['check', '.'], folder).stdout, /\[open-todo\]/);
  writeFileSync(join(folder, '.govmd.json'), '{ "severity": { "open-todo": "error" } }\n');
  assert.match(cachedAgrees(['check', '.'], folder).stdout, /^a\.md:3:1: error: TODO/m);
  writeFileSync(join(folder, '.govmd.json'), '{ "severity": { "open-todo": "off" } }\n');
  assert.equal(cachedAgrees(['check', '.'], folder).stdout, 'No problems in 1 file.\n');
});

test('--cache: a damaged or foreign cache file is passed over, and replaced', () => {
  const folder = workspace({ 'a.md': '# A\n\nTODO: write this\n', 'b.md': '# B\n\nSee [A](a.md).\n' });
  const cache = join(folder, DEFAULT_CACHE);
  cachedAgrees(['check', '.'], folder);
  const files = readdirSync(cache);
  assert.equal(files.length, 2);
  for (const damage of ['', 'not a cache\n', '{"format":1,"key":"x","sha1":"y"}\n\u0000\u0001', '\u00ff'.repeat(5000)]) {
    for (const file of files) writeFileSync(join(cache, file), damage);
    const run = cachedAgrees(['check', '.'], folder);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  }
  // Damaged cache files are written anew by the next run.
  assert.deepEqual(readdirSync(cache).sort(), [...files].sort());
  for (const file of files) assert.match(readFileSync(join(cache, file), 'latin1'), /^\{"format":/);
});

test('--cache=FOLDER and --cache-location FOLDER keep the cache there', () => {
  const folder = workspace({ 'a.md': 'TODO: write this\n' });
  const elsewhere = mkdtempSync(join(tmpdir(), 'govmd-cache-location-'));
  for (const args of [[`--cache=${join(elsewhere, 'one')}`], ['--cache', '--cache-location', join(elsewhere, 'two')], ['--cache-location', join(elsewhere, 'three')]]) {
    const run = govmd(['check', '.', ...args], { cwd: folder });
    assert.equal(run.code, 0, args.join(' '));
  }
  assert.deepEqual(readdirSync(elsewhere).sort(), ['one', 'three', 'two']);
  assert.equal(existsSync(join(folder, 'node_modules')), false);
});

test('--cache: a cache folder that cannot be written is said in one line; the report is whole', () => {
  const folder = workspace({ 'a.md': 'TODO: write this\n' });
  writeFileSync(join(folder, 'blocker'), '');
  const run = govmd(['check', '.', '--cache-location', join(folder, 'blocker', 'cache')], { cwd: folder });
  assert.equal(run.code, 0);
  assert.match(run.stdout, /\[open-todo\]/);
  assert.match(run.stderr, /^govmd: cache not written: .*\n$/);
});
