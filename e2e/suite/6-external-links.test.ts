// "Check External Links" fetches on demand only. Served from this machine, so the suite needs no
// network: one link answers 200, one 404.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, assertServerCommand, codeOf, fileUri, govDiagnostics, openEditor, waitFor } from './helpers';

suite('Check External Links', () => {
  suiteSetup(activateExtension);

  test('the command reports the dead link and not the live one', async () => {
    await assertServerCommand('govmd.checkExternalLinks', 'governance.checkExternalLinks');
    const server = http.createServer((request, response) => {
      response.writeHead(request.url === '/gone' ? 404 : 200, { 'content-type': 'text/plain' }).end('e2e');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const file = fileUri('external-links.md');
    try {
      const text = `# Links\n\n- [alive](${base}/ok)\n- [dead](${base}/gone)\n`;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      await openEditor('external-links.md');
      await vscode.commands.executeCommand('governance.checkExternalLinks');
      const dead = await waitFor('a dead-external-link diagnostic on the 404 link', () =>
        govDiagnostics(file).find((d) => codeOf(d) === 'dead-external-link' && d.range.start.line === 3), 60_000);
      assert.match(dead.message, /404/);
      assert.ok(!govDiagnostics(file).some((d) => codeOf(d) === 'dead-external-link' && d.range.start.line === 2), 'the live link is not reported');
    } finally {
      server.close();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });
});
