import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd, GOVMD } from '../helpers/cli';
import { SEED_DD } from '../helpers/fixtures';

// `govmd check --fix` rewrites the user's files: whatever happens, a file holds either its old
// text or the fixed one, never less, and a file is written only where the user asked.

// As root, permission bits do not stop a write: run govmd as `nobody` so that mode 0444 means read-only.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function scratch(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-fix-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

/** What a folder holds, names and bytes: nothing else (no temporary file) may be left behind. */
function contents(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const path = join(folder, name);
    const stat = lstatSync(path);
    if (stat.isFile()) result[name] = readFileSync(path, 'latin1');
    else if (stat.isSymbolicLink()) result[name] = '-> symbolic link';
  }
  return result;
}

const FIXABLE = ['- a', '  - NOTABLE1', '', 'Important paragraph that must survive.', ''];

for (const [name, eol] of [['lone \\r', '\r'], ['\\r\\n', '\r\n'], ['\\n', '\n']] as const) {
  test(`--fix on a file with ${name} line endings removes the placeholder line and keeps every other byte`, () => {
    const folder = scratch({ 'a.md': FIXABLE.join(eol) });
    const run = govmd(['check', '--fix', 'a.md'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'a.md:2:5: fixed placeholder: Remove the "NOTABLE1" line\n');
    assert.equal(run.stdout, 'No problems in 1 file.\n');
    assert.deepEqual(contents(folder), { 'a.md': ['- a', '', 'Important paragraph that must survive.', ''].join(eol) });
  });
}

test('--fix keeps a byte order mark, the file mode and its owner', () => {
  const folder = scratch({ 'a.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE.join('\r\n'))]) });
  chmodSync(join(folder, 'a.md'), 0o640);
  if (asRoot) chownSync(join(folder, 'a.md'), NOBODY, NOBODY);
  const run = govmd(['check', '--fix', 'a.md'], { cwd: folder });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(contents(folder), { 'a.md': `\u00ef\u00bb\u00bf${['- a', '', 'Important paragraph that must survive.', ''].join('\r\n')}` });
  const stat = statSync(join(folder, 'a.md'));
  assert.equal(stat.mode & 0o777, 0o640);
  if (asRoot) assert.deepEqual([stat.uid, stat.gid], [NOBODY, NOBODY]);
});

test('--fix: a second byte order mark is text, read and written back as such (npm run fuzz, seed 3041)', () => {
  // The decoder dropped the first mark and the reader the second: the text held one character
  // less than the file, and the fix was refused as "changed while it was being checked".
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const folder = scratch({ 'a.md': Buffer.concat([bom, bom, Buffer.from(FIXABLE.join('\n'))]) });
  const run = govmd(['check', '--fix', 'a.md'], { cwd: folder });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, 'a.md:2:5: fixed placeholder: Remove the "NOTABLE1" line\n');
  assert.deepEqual(contents(folder), { 'a.md': `\u00ef\u00bb\u00bf\u00ef\u00bb\u00bf${['- a', '', 'Important paragraph that must survive.', ''].join('\n')}` });
});

test('--fix under a file size limit: the file keeps every byte, the reason is one line, exit 2', () => {
  const folder = scratch({});
  cpSync(SEED_DD, join(folder, 'dd.md'));
  const before = contents(folder);
  // 20 blocks of 1 KiB: the 42 KB seed DD cannot be written whole (the old write left 20,480 bytes of it).
  const run = spawnSync('sh', ['-c', `ulimit -f 20; exec "${process.execPath}" "${GOVMD}" check --fix dd.md`], { cwd: folder, encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stderr, 'govmd: dd.md: not fixed: cannot be written: the file size limit (ulimit -f) was reached\n');
  assert.match(run.stdout, /dd\.md:14:5: warning: Template placeholder left in the text: NOTABLE1 \[placeholder\]/, 'the findings of the file as it is');
  assert.deepEqual(contents(folder), before);
});

test('--fix: a read-only file, or one in a read-only folder, is reported in one line; the writable one beside them is fixed and reported; exit 2', () => {
  const folder = scratch({ 'a.md': FIXABLE.join('\n'), 'b.md': FIXABLE.join('\n'), 'locked/c.md': FIXABLE.join('\n') });
  chmodSync(folder, 0o777);
  if (asRoot) for (const name of ['a.md', 'b.md', 'locked', 'locked/c.md']) chownSync(join(folder, name), NOBODY, NOBODY);
  chmodSync(join(folder, 'a.md'), 0o444);
  // The file may be written, but no temporary file can be made beside it: it is not written in place either.
  chmodSync(join(folder, 'locked'), 0o555);
  const run = govmd(['check', '--fix', '.', '--format', 'json'], { cwd: folder, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  assert.equal(run.code, 2);
  assert.deepEqual(run.stderr.trimEnd().split('\n'), [
    'govmd: a.md: not fixed: cannot be written: permission denied',
    'b.md:2:5: fixed placeholder: Remove the "NOTABLE1" line',
    'govmd: locked/c.md: not fixed: cannot be written: its folder allows no new file beside it (permission denied)',
  ]);
  // a.md and c.md still have their finding; b.md has none left.
  assert.deepEqual(JSON.parse(run.stdout).map((f: { file: string; line: number; code: string }) => `${f.file}:${f.line} ${f.code}`), ['a.md:2 placeholder', 'locked/c.md:2 placeholder']);
  assert.deepEqual(contents(folder), {
    'a.md': FIXABLE.join('\n'),
    'b.md': ['- a', '', 'Important paragraph that must survive.', ''].join('\n'),
    'locked/c.md': FIXABLE.join('\n'),
  });
  assert.equal(statSync(join(folder, 'a.md')).mode & 0o777, 0o444);
});

test('--fix never writes through a symbolic link that leaves the checked folder; one that stays inside is fixed in its target', () => {
  const root = mkdtempSync(join(tmpdir(), 'govmd-fix-links-'));
  const outside = join(root, 'outside');
  const tree = join(root, 'tree');
  mkdirSync(outside);
  mkdirSync(join(tree, 'sym'), { recursive: true });
  mkdirSync(join(tree, 'real'));
  writeFileSync(join(outside, 'dd.md'), FIXABLE.join('\n'));
  writeFileSync(join(tree, 'real', 'notes.md'), FIXABLE.join('\n'));
  symlinkSync(join(outside, 'dd.md'), join(tree, 'sym', 'dd.md'));
  symlinkSync('../real/notes.md', join(tree, 'sym', 'notes.md'));
  const run = govmd(['check', '--fix', '.'], { cwd: tree });
  assert.equal(run.code, 2);
  // The walk does not follow a link out of the workspace at all: the outside file is not even read.
  assert.deepEqual(run.stderr.trimEnd().split('\n'), [
    `govmd: sym/dd.md: not checked: a symbolic link to ${join(outside, 'dd.md')}, outside the workspace`,
    'real/notes.md:2:5: fixed placeholder: Remove the "NOTABLE1" line',
  ]);
  assert.equal(readFileSync(join(outside, 'dd.md'), 'utf8'), FIXABLE.join('\n'));
  assert.deepEqual(contents(tree), {
    'real/notes.md': ['- a', '', 'Important paragraph that must survive.', ''].join('\n'),
    'sym/dd.md': '-> symbolic link',
    'sym/notes.md': '-> symbolic link',
  });
});

// The test's web server appends a line to the file the moment govmd, which has read the file
// already, asks for a link in it: the file changes between govmd's read and its write.
let server: Server;
let base = '';
let onRequest: () => void = () => undefined;
before(async () => {
  server = createServer((request, response) => {
    onRequest();
    response.statusCode = 200;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('--fix: a file changed after govmd read it is not overwritten; it is reported and the rest is fixed', async () => {
  const text = [...FIXABLE.slice(0, -1), '', `See [the charter](${base}/charter).`, ''].join('\n');
  const folder = scratch({ 'a.md': text, 'b.md': FIXABLE.join('\n'), '.govmd.json': JSON.stringify({ externalLinks: { allowPrivateHosts: true } }) });
  onRequest = () => appendFileSync(join(folder, 'a.md'), 'A line typed while govmd was fixing.\n');
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [GOVMD, 'check', '--fix', '--external', '--config', '.govmd.json', 'a.md', 'b.md'], {
      cwd: folder,
      env: { ...process.env, XDG_CACHE_HOME: join(folder, 'cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  onRequest = () => undefined;
  assert.equal(run.code, 2, run.stderr);
  assert.deepEqual(run.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('govmd: checked ')), [
    'govmd: a.md: not fixed: it changed while it was being checked; run govmd check --fix again',
    'b.md:2:5: fixed placeholder: Remove the "NOTABLE1" line',
  ]);
  assert.equal(readFileSync(join(folder, 'a.md'), 'utf8'), `${text}A line typed while govmd was fixing.\n`);
  assert.equal(readFileSync(join(folder, 'b.md'), 'utf8'), ['- a', '', 'Important paragraph that must survive.', ''].join('\n'));
});
