import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { SEED_DD } from '../helpers/fixtures';

// Issue 11, items 8, 10 and 11, over stdio to the real server: a document the engine cannot check
// in bounded work gets a not-checked finding, and the server goes on answering everything else.
// Before, one keystroke in such a document held an unrelated hover up for 70 s, and a 50 MB
// document starved every request. No time is asserted beyond the helper's wait.
const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-hostile-'));
cpSync(SEED_DD, join(root, 'dd.md'));
// A file on disk over the size limit, which nobody opens: the background check reports it too.
writeFileSync(join(root, 'huge-on-disk.md'), `# T\n\n${'x'.repeat(5 * 1024 * 1024)}\n`);
const ddUri = `file://${join(root, 'dd.md')}`;
let server: LspSession;

before(async () => {
  server = await startServer(root);
  await open(ddUri, readFileSync(SEED_DD, 'utf8'));
  await server.waitForDiagnostics(ddUri, (d) => d.length > 0);
});
after(async () => {
  await server.stop();
});

function open(uri: string, text: string): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
}

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;

/** What the editor asks of another document meanwhile: it must be answered, and right. */
async function otherRequestsAnswered(): Promise<void> {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: ddUri }, position: { line: 148, character: 10 } })) as Hover;
  assert.match((hover.contents as { value: string }).value, /^\*\*Required\*\* · ✅ met · Governance and Maintainers/);
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ddUri } })) as DocumentSymbol[];
  assert.equal(symbols.length, 6);
}

test('`- ` × 10,000 before text (item 8): a finding, the rest of the document checked, other requests answered', async () => {
  const uri = `file://${join(root, 'dashes.md')}`;
  await open(uri, `# T\n\n${'- '.repeat(10_000)}x\n\nTODO: after\n`);
  const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
  assert.deepEqual(diagnostics.map(brief), [
    '3:1 not-checked Line 3 not checked: lists nest more than 32 levels deep',
    '5:1 open-todo TODO (no owner): after',
  ]);
  await otherRequestsAnswered();
});

test('`*` × 10,000, x, `*` × 10,000 (item 8)', async () => {
  const uri = `file://${join(root, 'stars.md')}`;
  await open(uri, `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`);
  const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
  assert.deepEqual(diagnostics.map(brief), ['1:1 not-checked Line 1 not checked: a run of 10000 emphasis marks']);
  await otherRequestsAnswered();
});

test('a 200 KB line of links and 400 KB of short lines (item 10)', async () => {
  const links = `file://${join(root, 'links.md')}`;
  const lines = `file://${join(root, 'lines.md')}`;
  await open(links, `# T\n\n${'word [x](#a) '.repeat(200_000 / 13)}\n`);
  await open(lines, `# T\n\n${'x\n'.repeat(200_000)}`);
  assert.deepEqual((await server.waitForDiagnostics(links, (d) => d.length > 0)).map(brief), [
    '3:1 not-checked Line 3 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (30768 in its first 195 KB)',
  ]);
  assert.deepEqual((await server.waitForDiagnostics(lines, (d) => d.length > 0)).map(brief), [
    '3:1 not-checked Lines 3–200002 not checked: a paragraph or table of more than 2000 lines',
  ]);
  await otherRequestsAnswered();
});

test('a 50 MB document opened in the editor (item 11): the same size limit as the CLI, as a finding', async () => {
  const uri = `file://${join(root, 'fifty.md')}`;
  const seed = readFileSync(SEED_DD, 'utf8');
  await open(uri, seed.repeat(Math.ceil((50 * 1024 * 1024) / seed.length)));
  assert.deepEqual((await server.waitForDiagnostics(uri, (d) => d.length > 0)).map(brief), [
    '1:1 not-checked Not checked: the document is 50.0 MB, over the 4 MB limit for a governance document',
  ]);
  await otherRequestsAnswered();
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols, []);
});

test('a file on disk over the size limit, not open: reported by the background check', async () => {
  const uri = `file://${join(root, 'huge-on-disk.md')}`;
  assert.deepEqual((await server.waitForDiagnostics(uri, (d) => d.length > 0)).map(brief), [
    '1:1 not-checked Not checked: the document is 5.0 MB, over the 4 MB limit for a governance document',
  ]);
});
