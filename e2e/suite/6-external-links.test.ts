// "Check External Links" is the one network check, run on demand. A host that does not exist is
// "unreachable" with or without a network, so the suite needs none; local addresses and reserved
// example domains are never requested (docs/rules/dead-external-link.md).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, assertServerCommand, codeOf, fileUri, govDiagnostics, openEditor, waitFor } from './helpers';

suite('Check External Links', () => {
  suiteSetup(activateExtension);

  test('the command reports a link to a host that does not exist, and leaves local and example links alone', async function () {
    // It checks every external link of the workspace (a few hundred, two at a time per host).
    this.timeout(300_000);
    await assertServerCommand('govmd.checkExternalLinks', 'governance.checkExternalLinks');
    const file = fileUri('external-links.md');
    const text = [
      '# Links',
      '',
      '- [gone](https://no-such-host.governance-markdown-e2e.invalid-tld-e2e/page)',
      '- [local preview](http://localhost:1313/)',
      '- [example](https://example.com/page)',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      await openEditor('external-links.md');
      assert.ok(!govDiagnostics(file).some((d) => codeOf(d) === 'dead-external-link'), 'nothing is fetched before the command runs');
      await vscode.commands.executeCommand('governance.checkExternalLinks');
      await waitFor('a dead-external-link diagnostic on the link to a host that does not exist', () =>
        govDiagnostics(file).find((d) => codeOf(d) === 'dead-external-link' && d.range.start.line === 2), 90_000);
      const lines = govDiagnostics(file).filter((d) => codeOf(d) === 'dead-external-link').map((d) => d.range.start.line + 1);
      assert.deepEqual(lines, [3], 'only the link on line 3 is reported');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });
});
