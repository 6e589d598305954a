import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type LspSession } from '../helpers/lspClient';

// The editor applies the server's edits to its own text with LSP's line model (`\n`, `\r\n` and
// a lone `\r` each end a line): the edit must mean there what the server meant.

const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-edits-'));
writeFileSync(join(root, 'GOVERNANCE.md'), '# Governance\n');
let server: LspSession;
let version = 0;

before(async () => {
  server = await startServer(root);
});
after(async () => {
  await server.stop();
});

async function open(name: string, text: string): Promise<string> {
  const uri = `file://${join(root, name)}`;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
  return uri;
}

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code}: ${d.message}`;

async function codeActions(uri: string, only: string, at = { line: 0, character: 0 }): Promise<CodeAction[]> {
  return (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: at, end: at },
    context: { diagnostics: [], only: [only] },
  })) as CodeAction[];
}

const FIXABLE = ['- a', '  - NOTABLE1', '', 'Important paragraph that must survive.', ''];
const FIXED = ['- a', '', 'Important paragraph that must survive.', ''];

for (const [name, eol] of [['lone-cr', '\r'], ['crlf', '\r\n'], ['lf', '\n']] as const) {
  test(`${name} line endings: the diagnostic, its quick fix and source.fixAll.govmd, applied by the client, remove the placeholder line and nothing else`, async () => {
    const text = FIXABLE.join(eol);
    const uri = await open(`${name}.md`, text);
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map(brief), ['2:5-2:13 placeholder: Template placeholder left in the text: NOTABLE1']);

    const quickFixes = await codeActions(uri, 'quickfix', { line: 1, character: 6 });
    assert.deepEqual(quickFixes.map((a) => a.title), ['Remove the "NOTABLE1" line']);
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), quickFixes[0].edit!.changes![uri]), FIXED.join(eol));

    const fixAll = await codeActions(uri, 'source.fixAll');
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.govmd']);
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), fixAll[0].edit!.changes![uri]), FIXED.join(eol));
  });
}

test('mixed line endings: source.fixAll.govmd keeps each line\'s own ending', async () => {
  const text = '# Foo Due Diligence\r\n\r\n- Notable:\r  - NOTABLE1\n  - keep this item\r\n  - NOTABLE2\r\rKeep me.\n- []\r\n';
  const uri = await open('mixed.md', text);
  await server.waitForDiagnostics(uri, (d) => d.length === 3);
  const fixAll = await codeActions(uri, 'source.fixAll');
  assert.equal(
    TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), fixAll[0].edit!.changes![uri]),
    '# Foo Due Diligence\r\n\r\n- Notable:\r  - keep this item\r\n\rKeep me.\n- [ ]\r\n',
  );
});

test('a lone surrogate in a link target: a finding, not a dropped document; the other documents keep theirs', async () => {
  const other = await open('other.md', 'TODO for Alice: the other document\n');
  await server.waitForDiagnostics(other, (d) => d.length === 1);
  const uri = await open('surrogate.md', 'TODO: still reported\n\n[](\udc00) and [a](b\ud800.md#\udc00) and [c](#\udc00x)\n');
  // Before, the check threw URIError and the server published no diagnostics at all for it.
  const diagnostics = await server.waitForDiagnostics(uri);
  assert.deepEqual(diagnostics.map(brief), [
    '1:1-1:7 open-todo: TODO (no owner): still reported',
    '3:1-3:6 broken-link: No file or folder \ufffd',
    '3:11-3:23 broken-link: No file or folder b\ufffd.md',
    '3:28-3:36 broken-fragment: No heading or anchor #\ufffdx in this document',
  ]);
  assert.deepEqual(server.diagnostics.get(other)!.map(brief), ['1:1-1:17 open-todo: TODO for Alice: the other document']);
  // The server still answers for that document.
  const actions = await codeActions(uri, 'source.fixAll');
  assert.deepEqual(actions, []);
});

test('a lone surrogate in the folder of a document\'s URI: its links are checked', async () => {
  const uri = `file://${join(root, 'odd\udc00folder', 'notes.md')}`;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: ++version, text: 'See [governance](../GOVERNANCE.md#governance) and [gone](missing.md).\n' },
  });
  const diagnostics = await server.waitForDiagnostics(uri);
  assert.deepEqual(diagnostics.map(brief), ['1:51-1:69 broken-link: No file or folder missing.md']);
});
