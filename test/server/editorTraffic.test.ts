import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';

// The real server over stdio, spoken to as VS Code's language client speaks to it: the settings
// are pushed once more right after `initialized` (synchronize.configurationSection), and the
// editor keeps sending changes, code actions and outlines while the user types. The background
// check must still publish every file of the workspace.

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workspace(): { root: string; others: string[]; typedUri: string; typedText: string } {
  const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-traffic-'));
  mkdirSync(join(root, 'docs'));
  const others: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const path = join(root, 'docs', `page-${i}.md`);
    writeFileSync(path, `# Page ${i}\n\nTODO: write page ${i}.\n`);
    others.push(`file://${path}`);
  }
  const typedText = '# Notes\n\nSee [page one](docs/page-1.md).\n';
  writeFileSync(join(root, 'NOTES.md'), typedText);
  return { root, others, typedUri: `file://${join(root, 'NOTES.md')}`, typedText };
}

async function everyOtherFilePublished(server: LspSession, others: string[]): Promise<void> {
  for (const [i, uri] of others.entries()) {
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0, 60_000);
    assert.deepEqual(diagnostics.map(brief), [`3:1 open-todo: TODO (no owner): write page ${i + 1}.`]);
  }
}

test('the settings pushed again right after initialized (as VS Code does) do not stop the background check', async () => {
  const { root, others, typedUri, typedText } = workspace();
  const server = await startServer(root);
  try {
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { governance: {} } });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: typedUri, languageId: 'markdown', version: 1, text: typedText } });
    await everyOtherFilePublished(server, others);
  } finally {
    await server.stop();
  }
});

test('an editor that keeps sending changes, code actions and outlines faster than the typing pause does not hold off the background check', async () => {
  const { root, others, typedUri, typedText } = workspace();
  const server = await startServer(root);
  let typing = true;
  let version = 1;
  const traffic = (async () => {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: typedUri, languageId: 'markdown', version, text: typedText } });
    let text = typedText;
    while (typing) {
      text += 'x';
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: typedUri, version: ++version }, contentChanges: [{ text }] });
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      void server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typedUri }, range, context: { diagnostics: [] } }).catch(() => undefined);
      void server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: typedUri } }).catch(() => undefined);
      // Faster than the server's 200 ms pause after a keystroke: a check of the typed document is always due.
      await sleep(40);
    }
  })();
  try {
    await everyOtherFilePublished(server, others);
  } finally {
    typing = false;
    await traffic;
    await server.stop();
  }
});
