import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/lspClient';

// Workspace trust in the language server (issue 11 item 17). A cloned repository's settings file
// must not make the server reach the reader's own machine; only the user's own settings may.

let web: Server;
let base = '';
const hits: string[] = [];
before(async () => {
  web = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => web.close(() => resolve())));

/** A cloned repository whose settings file asks for the network and for private hosts. */
function clonedRepository(): { folder: string; uri: string } {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-trust-'));
  writeFileSync(join(folder, '.govmd.json'), JSON.stringify({ externalLinks: { enabled: true, allowPrivateHosts: true }, severity: { 'open-todo': 'error' } }));
  writeFileSync(join(folder, 'GOVERNANCE.md'), `# Governance\n\nTODO: see [the service](${base}/internal-service).\n`);
  return { folder, uri: `file://${join(folder, 'GOVERNANCE.md')}` };
}

async function checkLinks(options: Parameters<typeof startServer>[1]): Promise<{ summary: string; severity: number | undefined }> {
  const { folder, uri } = clonedRepository();
  // The server takes its cache folder from the environment it starts with.
  process.env.XDG_CACHE_HOME = join(folder, '.cache');
  const server = await startServer(folder, options);
  try {
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'govmd.checkExternalLinks', arguments: [] })) as { summary: string };
    return { summary: result.summary, severity: diagnostics.find((d) => d.code === 'open-todo')?.severity };
  } finally {
    await server.stop();
    delete process.env.XDG_CACHE_HOME;
  }
}

test('a client that sends no trust information: the settings file may change severities, not reach private hosts', { timeout: 60_000 }, async () => {
  hits.length = 0;
  const { summary, severity } = await checkLinks({ initializationOptions: {} });
  assert.equal(severity, 1, 'severities from the file apply');
  assert.equal(summary, 'Checked 1 external links (0 from the cache): 0 dead, 0 unreachable.');
  assert.deepEqual(hits, [], 'the loopback address was not requested');
});

test('VS Code says untrusted: the same', { timeout: 60_000 }, async () => {
  hits.length = 0;
  await checkLinks({ initializationOptions: { trusted: false } });
  assert.deepEqual(hits, []);
});

test('the user trusts the workspace (initializationOptions or --trusted): the settings file applies in full', { timeout: 60_000 }, async () => {
  hits.length = 0;
  const { summary } = await checkLinks({ initializationOptions: { trusted: true } });
  assert.equal(summary, 'Checked 1 external links (0 from the cache): 1 dead, 0 unreachable.');
  assert.deepEqual(hits, ['HEAD /internal-service', 'GET /internal-service']);
  hits.length = 0;
  await checkLinks({ initializationOptions: {}, args: ['--trusted'] });
  assert.deepEqual(hits, ['HEAD /internal-service', 'GET /internal-service']);
});

test('untrusted, but the user\'s own editor settings allow private hosts: honoured', { timeout: 60_000 }, async () => {
  hits.length = 0;
  const { summary } = await checkLinks({ initializationOptions: {}, settings: { externalLinks: { allowPrivateHosts: true } } });
  assert.equal(summary, 'Checked 1 external links (0 from the cache): 1 dead, 0 unreachable.');
  assert.deepEqual(hits, ['HEAD /internal-service', 'GET /internal-service']);
});
