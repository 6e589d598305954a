// "Check External Links" is the one network check, run on demand. A host that does not exist is
// "unreachable" with or without a network, so the suite needs none; local addresses and reserved
// example domains are never requested (docs/rules/dead-external-link.md). The command checks every
// external link of the workspace: on a machine without network each one is "unreachable", and the
// server keeps those verdicts — the suite leaves the next ones a server that has fetched nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, assertServerCommand, cliFindings, codeOf, expectDiagnostics, fileUri, govDiagnostics, keysOfCli, openEditor, SEED_DD, waitFor,
} from './helpers';

suite('Check External Links', () => {
  suiteSetup(activateExtension);
  // The verdicts live in the server's memory (its cache file is read only when a check runs): a
  // restarted server reports what the CLI reports, which fetches nothing unless asked.
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('governance.restartServer');
    await expectDiagnostics(SEED_DD, keysOfCli(cliFindings(SEED_DD)));
  });

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
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === file.toString());
      await vscode.window.tabGroups.close(tabs);
      await vscode.workspace.fs.delete(file);
    }
  });
});
