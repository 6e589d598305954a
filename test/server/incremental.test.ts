import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';

// The real server over stdio: an edit re-checks the edited document and the documents whose
// findings were read from it, and sends only findings that changed.

const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-incremental-'));
mkdirSync(join(root, 'docs'));
const SETUP = '# Setup\n\n## Install\n\nRun the installer.\n\n## Configure\n\nEdit the file.\n';
writeFileSync(join(root, 'SETUP.md'), SETUP);
writeFileSync(join(root, 'docs', 'guide.md'), '# Guide\n\nFirst [install](../SETUP.md#install), then [configure](../SETUP.md#configure).\n');
writeFileSync(join(root, 'docs', 'unrelated.md'), '# Unrelated\n\nTODO: write this page. It links to [nothing in SETUP](https://example.com).\n');
const setupUri = `file://${join(root, 'SETUP.md')}`;
const guideUri = `file://${join(root, 'docs', 'guide.md')}`;
const unrelatedUri = `file://${join(root, 'docs', 'unrelated.md')}`;

let server: LspSession;
let version = 1;

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Replaces the whole text of the open SETUP.md, as an editor sends a change. */
async function typeSetup(text: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: setupUri, version: ++version },
    contentChanges: [{ text }],
  });
}

/** Waits for SETUP.md's own diagnostics of the latest version, then for the work it queued to settle. */
async function settled(): Promise<void> {
  const count = server.publishCounts.get(setupUri) ?? 0;
  await until(() => (server.publishCounts.get(setupUri) ?? 0) > count, 'the edited document to be published');
  // The dependents are checked right after, between the editor's own checks.
  await sleep(1000);
}

before(async () => {
  server = await startServer(root);
  await until(() => server.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end'), 'the background check to end');
  await until(() => server.diagnostics.has(guideUri) && server.diagnostics.has(unrelatedUri), 'the workspace to be published');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: setupUri, languageId: 'markdown', version, text: SETUP } });
  await server.waitForDiagnostics(setupUri);
  await sleep(500);
});
after(async () => {
  await server.stop();
});

test('renaming a heading another file links to: that file is published again with the broken anchor; an unrelated file is not', async () => {
  assert.deepEqual(server.diagnostics.get(guideUri)!.map(brief), []);
  const unrelatedBefore = server.publishCounts.get(unrelatedUri);
  await typeSetup(SETUP.replace('## Install', '## Installation'));
  const guide = await server.waitForDiagnostics(guideUri, (d) => d.length > 0);
  assert.deepEqual(guide.map(brief), [
    '3:7 broken-fragment: No heading or anchor #install in SETUP.md; did you mean #installation?',
  ]);
  await sleep(1000);
  assert.equal(server.publishCounts.get(unrelatedUri), unrelatedBefore, 'unrelated.md was published again');

  // Putting the heading back mends the link.
  await typeSetup(SETUP);
  assert.deepEqual((await server.waitForDiagnostics(guideUri, (d) => d.length === 0)).map(brief), []);
});

test('typing prose in the linked file changes no finding of the file that links to it: it is not published again', async () => {
  const guideBefore = server.publishCounts.get(guideUri);
  const unrelatedBefore = server.publishCounts.get(unrelatedUri);
  for (const word of ['Run', 'Run the', 'Run the new']) {
    await typeSetup(SETUP.replace('Run the installer.', `${word} installer.`));
    await settled();
  }
  assert.equal(server.publishCounts.get(guideUri), guideBefore, 'guide.md was published again');
  assert.equal(server.publishCounts.get(unrelatedUri), unrelatedBefore, 'unrelated.md was published again');
});

test('saving the open document re-checks nothing: its buffer is what is checked already', async () => {
  const text = SETUP.replace('Edit the file.', 'Edit the file, then restart.');
  await typeSetup(text);
  await settled();
  const counts = new Map(server.publishCounts);
  writeFileSync(join(root, 'SETUP.md'), text);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: setupUri, type: 2 }] });
  await sleep(1500);
  assert.deepEqual(server.publishCounts, counts);
});

test('a file changed on disk that another file links to: the linking file is published with what changed', async () => {
  const guide = join(root, 'docs', 'guide.md');
  writeFileSync(guide, '# Guide\n\nFirst [install](../SETUP.md#install), then [configure](../SETUP.md#configure).\n\n## Next\n');
  const unrelatedBefore = server.publishCounts.get(unrelatedUri);
  // unrelated.md now links to guide.md's new section, and guide.md changes on disk while closed
  // (the client's file watcher tells of both: the server keeps what it read of a file until told).
  writeFileSync(join(root, 'docs', 'unrelated.md'), '# Unrelated\n\nTODO: write this page. See [next](guide.md#next).\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: guideUri, type: 2 }, { uri: unrelatedUri, type: 2 }] });
  assert.deepEqual((await server.waitForDiagnostics(unrelatedUri, (d) => d.length === 1 && server.publishCounts.get(unrelatedUri)! > unrelatedBefore!)).map(brief), [
    '3:1 open-todo: TODO (no owner): write this page. See [next](guide.md#next).',
  ]);
  writeFileSync(guide, '# Guide\n\nFirst [install](../SETUP.md#install), then [configure](../SETUP.md#configure).\n\n## Then\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: guideUri, type: 2 }] });
  const unrelated = await server.waitForDiagnostics(unrelatedUri, (d) => d.length === 2);
  assert.deepEqual(unrelated.map(brief), [
    '3:1 open-todo: TODO (no owner): write this page. See [next](guide.md#next).',
    '3:28 broken-fragment: No heading or anchor #next in docs/guide.md',
  ]);
});
