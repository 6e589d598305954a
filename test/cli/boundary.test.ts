import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { GOVMD, govmd } from '../helpers/cli';

// The trust boundary of `govmd check`: which folder is the workspace, which settings apply, what
// may be read and what may be fetched. Each case was a repro of issue 11 items 13, 15, 16 and 17.

function tree(files: Record<string, string>, base = mkdtempSync(join(tmpdir(), 'govmd-boundary-'))): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(base, name, '..'), { recursive: true });
    writeFileSync(join(base, name), text);
  }
  return base;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

const lines = (stdout: string) => (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`);

const REMOTE = '[remote "origin"]\n\turl = https://github.com/o/r.git\n';

test('a checked file outside any repository or settings file: the workspace is the path named, not the current folder', () => {
  // A big folder as the current one, with something in it that would be found if it were walked.
  const big = tree({ 'elsewhere/MAINTAINERS.md': '# Maintainers\n\n- @alice\n', 'docs/a.md': 'See [the maintainers](/elsewhere/MAINTAINERS.md).\n' });
  const run = govmd(['check', 'docs/a.md', '--format', 'json'], { cwd: big });
  assert.equal(run.code, 1, run.stderr);
  // Had the current folder been the root, the root-relative link would have found its target there.
  assert.deepEqual(lines(run.stdout), ['docs/a.md:1:5 broken-link No file or folder /elsewhere/MAINTAINERS.md (elsewhere/MAINTAINERS.md)']);
});

test('the same findings from the repository\'s parent and from inside it; paths relative to the current folder', () => {
  const parent = tree({
    'toc/.git/config': REMOTE,
    'toc/README.md': '# TOC\n\nSee [the DD](dd.md#nope) and [governance](https://github.com/o/r/blob/main/GOVERNANCE.md#voting).\n',
    'toc/dd.md': '# Due Diligence\n\nTODO: write it\n',
    'toc/GOVERNANCE.md': '# Governance\n\n## Voting\n',
    // Beside the repository, not in it: must not be part of its workspace.
    'MAINTAINERS.md': '# Maintainers\n\n- @toc-bot\n',
  });
  const fromParent = govmd(['check', 'toc', '--format', 'json'], { cwd: parent });
  const fromInside = govmd(['check', '.', '--format', 'json'], { cwd: join(parent, 'toc') });
  assert.equal(fromParent.code, 0, fromParent.stderr);
  assert.equal(fromInside.code, 0, fromInside.stderr);
  assert.deepEqual(lines(fromParent.stdout), [
    'toc/dd.md:3:1 open-todo TODO (no owner): write it',
    'toc/README.md:3:5 broken-fragment No heading or anchor #nope in dd.md',
  ]);
  assert.deepEqual(lines(fromInside.stdout), lines(fromParent.stdout).map((line) => line.replace(/^toc\//, '')));
});

test('a settings file above the repository is not read; --config names one on purpose', () => {
  const outer = tree({
    '.govmd.json': JSON.stringify({ severity: { 'open-todo': 'error' } }),
    'repo/.git/config': REMOTE,
    'repo/a.md': 'TODO: x\n',
  });
  const run = govmd(['check', '--format', 'json'], { cwd: join(outer, 'repo') });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(lines(run.stdout), ['a.md:1:1 open-todo TODO (no owner): x']);
  const named = govmd(['check', '--format', 'json', '--config', '../.govmd.json'], { cwd: join(outer, 'repo') });
  assert.equal(named.code, 1, named.stderr);
  assert.match(named.stdout, /"severity": "error"/);
});

test('paths that leave the workspace are not read: ../ in GitHub URLs, repositories "/", symbolic links', () => {
  const outside = tree({ 'secret.md': '# Secret\n\nTODO: never read me\n', 'nested/inside.md': 'TODO: nor me\n' });
  const repo = tree({
    '.git/config': REMOTE,
    'a.md': [
      '# A',
      '',
      '[up](https://github.com/o/r/blob/main/../../../../../../../etc/passwd#L9999)',
      '[encoded](https://github.com/o/r/blob/main/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd#L9999)',
      '[relative](../../../../../../../etc/passwd#L9999)',
      '[through a link](out/secret.md#L9999)',
      '[through a folder link](out-folder/inside.md#L9999)',
      '',
    ].join('\n'),
  });
  symlinkSync(outside, join(repo, 'out'));
  symlinkSync(join(outside, 'nested'), join(repo, 'out-folder'));
  const run = govmd(['check', '--format', 'json'], { cwd: repo });
  // No line count of a file outside ("passwd has 24 lines"), and nothing of the linked folders walked.
  assert.deepEqual(lines(run.stdout), []);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, [
    `govmd: out: not checked: a symbolic link to ${realpathSync(outside)}, outside the workspace`,
    `govmd: out-folder: not checked: a symbolic link to ${realpathSync(join(outside, 'nested'))}, outside the workspace`,
    '',
  ].join('\n'));
  const text = govmd(['check'], { cwd: repo });
  assert.equal(text.stdout, 'No problems in 1 file.\n');

  const mapped = tree({ '.govmd.json': JSON.stringify({ repositories: { 'o/r': '/' } }), 'a.md': '[passwd](https://github.com/o/r/blob/main/etc/passwd#L9999)\n' });
  const root = govmd(['check', '--format', 'json'], { cwd: mapped });
  assert.equal(root.code, 0, root.stderr);
  assert.deepEqual(lines(root.stdout), []);
});

// A web server on 127.0.0.1 that must hear nothing from a repository's own settings.
let server: Server;
let base = '';
const hits: string[] = [];
before(async () => {
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function govmdAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GOVMD, ...args], { cwd, env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a settings file cannot turn on network access: not from above the repository, not from inside it', async () => {
  hits.length = 0;
  const wide = JSON.stringify({ externalLinks: { enabled: true, allowPrivateHosts: true } });
  const outer = tree({ '.govmd.json': wide, 'repo/.git/config': REMOTE, 'repo/a.md': `[x](${base}/above)\n` });
  const above = await govmdAsync(['check', '--format', 'json'], join(outer, 'repo'));
  assert.equal(above.code, 0, above.stderr);
  assert.equal(above.stderr, '');

  const inside = tree({ '.govmd.json': wide, 'a.md': `[x](${base}/inside)\n` });
  const own = await govmdAsync(['check', '--format', 'json'], inside);
  assert.equal(own.code, 0, own.stderr);
  assert.equal(own.stderr, "govmd: .govmd.json: externalLinks.enabled and externalLinks.allowPrivateHosts ignored: a repository's settings file cannot turn on network access (use --external, --allow-private-hosts or --config)\n");
  assert.deepEqual(hits, []);

  // The user's flags do; without --allow-private-hosts a loopback address is still not requested.
  const external = await govmdAsync(['check', '--format', 'json', '--external'], inside);
  assert.equal(external.code, 0, external.stderr);
  assert.deepEqual(hits, []);
  const both = await govmdAsync(['check', '--format', 'json', '--external', '--allow-private-hosts'], inside);
  assert.deepEqual(lines(both.stdout), [`a.md:1:1 dead-external-link Dead link (404 Not Found): ${base}/inside`]);
  assert.deepEqual(hits, ['HEAD /inside', 'GET /inside']);
});
