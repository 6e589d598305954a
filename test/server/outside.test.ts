import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/lspClient';

// Files outside the workspace folders are never read by the server, trusted or not (issue 11 item 15).

test('an untrusted server reads nothing outside the workspace: ../ in GitHub URLs, symbolic links', { timeout: 60_000 }, async () => {
  const outside = mkdtempSync(join(tmpdir(), 'govmd-outside-'));
  writeFileSync(join(outside, 'secret.md'), '# Secret\n\nline 3\n');
  const folder = mkdtempSync(join(tmpdir(), 'govmd-inside-'));
  mkdirSync(join(folder, '.git'));
  writeFileSync(join(folder, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/o/r.git\n');
  symlinkSync(outside, join(folder, 'out'));
  const uri = `file://${join(folder, 'README.md')}`;
  const text = [
    '# Readme',
    '',
    '[up](https://github.com/o/r/blob/main/../../../../../../../etc/passwd#L9999)',
    '[through a link](out/secret.md#L9999)',
    '[inside](https://github.com/o/r/blob/main/README.md#L9999)',
    '',
  ].join('\n');
  const server = await startServer(folder, { initializationOptions: {} });
  try {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    // Only the file inside is measured; nothing says how many lines passwd or secret.md have.
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`), ['5 broken-line-anchor #L9999 names line 9999, but README.md has 5 lines']);
  } finally {
    await server.stop();
  }
});
