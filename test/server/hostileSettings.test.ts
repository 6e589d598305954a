import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/lspClient';

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-lsp-settings-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

function aliasBomb(): string {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\nplaceholders: *a9\n`;
}

for (const trusted of [false, true]) {
  test(`a YAML alias bomb in the settings file (${trusted ? 'trusted' : 'untrusted'}): a diagnostic on it, and the server keeps answering`, { timeout: 30_000 }, async () => {
    const folder = workspace({ '.govmd.yaml': aliasBomb(), 'GOVERNANCE.md': '# Governance\n\nTODO: write it\n' });
    const server = await startServer(folder, { initializationOptions: { trusted } });
    try {
      const settings = await server.waitForDiagnostics(`file://${join(folder, '.govmd.yaml')}`, (d) => d.length > 0);
      assert.deepEqual(settings.map((d) => [d.range.start.line, d.code, d.message]), [
        [0, 'settings', '(aliases): YAML aliases (*name) expand to too many values (an alias bomb?); at most 100 are allowed; the default is used.'],
      ]);
      const findings = await server.waitForDiagnostics(`file://${join(folder, 'GOVERNANCE.md')}`, (d) => d.length > 0);
      assert.deepEqual(findings.map((d) => d.code), ['open-todo']);
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: `file://${join(folder, 'GOVERNANCE.md')}` }, position: { line: 0, character: 0 } });
      assert.equal(hover, null);
    } finally {
      await server.stop();
    }
  });
}

test('unknown keys and misspelt codes in the settings file: diagnostics with the closest valid name', { timeout: 30_000 }, async () => {
  const folder = workspace({ '.govmd.json': '{\n  "severity": { "open-todos": "off" },\n  "__proto__": {}\n}\n', 'GOVERNANCE.md': '# Governance\n' });
  const server = await startServer(folder, { initializationOptions: { trusted: true } });
  try {
    const settings = await server.waitForDiagnostics(`file://${join(folder, '.govmd.json')}`, (d) => d.length > 0);
    assert.deepEqual(settings.map((d) => [`${d.range.start.line + 1}:${d.range.start.character + 1}`, d.message]), [
      ['3:3', '__proto__: unknown setting. It is ignored.'],
      ['2:17', 'severity.open-todos: unknown diagnostic code; did you mean "open-todo"? It is ignored.'],
    ]);
  } finally {
    await server.stop();
  }
});
