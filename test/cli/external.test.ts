import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { GOVMD } from '../helpers/cli';
import { startServer } from '../helpers/lspClient';

// A web server on 127.0.0.1 only: the check must never reach anything else.
let server: Server;
let base = '';
const hits: string[] = [];
before(async () => {
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.statusCode = request.url === '/gone' ? 404 : 200;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function workspace(settings: object): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-external-'));
  writeFileSync(join(folder, '.govmd.json'), JSON.stringify(settings));
  writeFileSync(join(folder, 'GOVERNANCE.md'), `# Governance\n\nSee [the charter](${base}/charter) and [the old page](${base}/gone#section).\n`);
  return folder;
}

/** Runs the real CLI without blocking this process: the test's own web server must keep answering. */
function govmdAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GOVMD, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('external links: nothing is fetched unless asked', async () => {
  hits.length = 0;
  const folder = workspace({ externalLinks: { allowPrivateHosts: true } });
  const run = await govmdAsync(['check', '--format', 'json'], folder, { XDG_CACHE_HOME: join(folder, 'cache') });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), []);
  assert.deepEqual(hits, []);
  const flagged = await govmdAsync(['check', '--format', 'json', '--allow-private-hosts'], folder, { XDG_CACHE_HOME: join(folder, 'cache') });
  assert.equal(flagged.code, 0, flagged.stderr);
  assert.deepEqual(hits, [], '--allow-private-hosts alone does not turn the check on');
});

test('external links: --external reports the dead one, and a second run answers from the cache', async () => {
  hits.length = 0;
  const folder = workspace({});
  const env = { XDG_CACHE_HOME: join(folder, 'cache') };
  const run = await govmdAsync(['check', '--external', '--allow-private-hosts', '--format', 'json'], folder, env);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, 'govmd: checked 2 external links (0 from the cache): 1 dead, 0 unreachable\n');
  assert.deepEqual(JSON.parse(run.stdout).map((f: { line: number; column: number; code: string; message: string }) => `${f.line}:${f.column} ${f.code} ${f.message}`), [
    `3:${`See [the charter](${base}/charter) and `.length + 1} dead-external-link Dead link (404 Not Found): ${base}/gone#section`,
  ]);
  const requests = hits.length;
  assert.ok(requests >= 2);
  const again = await govmdAsync(['check', '--external', '--allow-private-hosts', '--format', 'json'], folder, env);
  assert.equal(again.stderr, 'govmd: checked 2 external links (2 from the cache): 1 dead, 0 unreachable\n');
  assert.equal(hits.length, requests, 'no request on the second run');
});

test('external links: the editor command checks the workspace and the finding appears', async () => {
  hits.length = 0;
  const folder = workspace({ externalLinks: { allowPrivateHosts: true } });
  process.env.XDG_CACHE_HOME = join(folder, 'cache');
  const lsp = await startServer(folder);
  try {
    const uri = `file://${join(folder, 'GOVERNANCE.md')}`;
    await lsp.waitForDiagnostics(uri, () => true);
    assert.deepEqual(hits, [], 'the server fetches nothing on its own');
    const result = (await lsp.connection.sendRequest('workspace/executeCommand', { command: 'govmd.checkExternalLinks', arguments: [] })) as { summary: string };
    assert.equal(result.summary, 'Checked 2 external links (0 from the cache): 1 dead, 0 unreachable.');
    const diagnostics = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'dead-external-link'));
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), ['3 dead-external-link']);
  } finally {
    await lsp.stop();
    delete process.env.XDG_CACHE_HOME;
  }
});
