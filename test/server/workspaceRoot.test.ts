import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lspClient';
import { govmd } from '../helpers/cli';

// The editor and the CLI take a file's workspace the same way: the nearest folder at or above it
// with a settings file or a `.git` (host/workspaceRoot.ts). The server once read only a settings
// file in the opened folder itself, so opening `docs/` of a repository lost the repository's
// settings and resolved `/…` links from `docs/`, while `govmd check` inside `docs/` did neither.

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'govmd-root-'));
  const files: Record<string, string> = {
    '.govmd.json': JSON.stringify({ severity: { 'open-todo': 'error' } }),
    'GOVERNANCE.md': '# Governance\n\n## Voting\n',
    'docs/guide.md': '# Guide\n\nTODO: explain voting.\n\nSee [voting](/GOVERNANCE.md#voting) and [nothing](/docs/missing.md).\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity} ${d.message}`;

test('a folder opened below the repository root: the root\'s settings and links apply, as in govmd check from that folder', async () => {
  const root = repository();
  const docs = join(root, 'docs');
  const cli = govmd(['check', 'guide.md', '--format', 'json', '--hints'], { cwd: docs });
  assert.equal(cli.code, 1, cli.stderr);
  const expected = (JSON.parse(cli.stdout) as { line: number; column: number; code: string; severity: string; message: string }[]).map(
    (f) => `${f.line}:${f.column} ${f.code} ${SEVERITY[f.severity]} ${f.message}`,
  );
  assert.deepEqual(expected, [
    '3:1 open-todo 1 TODO (no owner): explain voting.',
    '5:41 broken-link 1 No file or folder /docs/missing.md (docs/missing.md)',
  ]);

  const server = await startServer(docs);
  try {
    const uri = `file://${join(docs, 'guide.md')}`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(docs, 'guide.md'), 'utf8') } });
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map(brief), expected);
  } finally {
    await server.stop();
  }
});
