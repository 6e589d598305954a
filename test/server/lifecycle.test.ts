import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, ResponseError, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { SERVER } from '../helpers/lspClient';

/** The real server over stdio, with no initialize sent: the test drives the lifecycle itself. */
function rawServer(): { connection: ProtocolConnection; child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  return { connection, child, exited };
}

async function errorOf(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const result = await request;
    assert.fail(`expected an error, got ${JSON.stringify(result)}`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return { code: error.code, message: error.message };
  }
}

const folder = mkdtempSync(join(tmpdir(), 'govmd-lifecycle-'));
const docUri = `file://${join(folder, 'GOVERNANCE.md')}`;
writeFileSync(join(folder, 'GOVERNANCE.md'), '# Governance\n');
const hover = { textDocument: { uri: docUri }, position: { line: 0, character: 0 } };

test('lifecycle: a request before initialize is answered with -32002, and the server still initializes after it', { timeout: 20_000 }, async () => {
  const { connection, child, exited } = rawServer();
  try {
    const early = await errorOf(connection.sendRequest('textDocument/hover', hover));
    assert.deepEqual(early, { code: -32002, message: 'textDocument/hover: the server is not initialized yet; send "initialize" first' });
    // A notification before initialize is dropped, not acted on.
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: '# x\n' } });
    const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: `file://${folder}`, capabilities: {} })) as { capabilities: object };
    assert.ok(init.capabilities);
    await connection.sendNotification('initialized', {});
    assert.equal(await connection.sendRequest('textDocument/hover', hover), null);

    assert.equal(await connection.sendRequest('shutdown'), null);
    const late = await errorOf(connection.sendRequest('textDocument/hover', hover));
    assert.deepEqual(late, { code: -32600, message: 'textDocument/hover: the server is shut down; only "exit" is accepted' });
    const again = await errorOf(connection.sendRequest('shutdown'));
    assert.equal(again.code, -32600);
    await connection.sendNotification('exit');
    assert.equal(await exited, 0, 'exit after shutdown ends the process with 0');
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('lifecycle: exit without initialize ends the server (code 1, as the specification says)', { timeout: 20_000 }, async () => {
  const { connection, child, exited } = rawServer();
  try {
    await connection.sendNotification('exit');
    assert.equal(await exited, 1);
  } finally {
    connection.dispose();
    child.kill();
  }
});
