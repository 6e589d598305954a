// Settings take effect while the editor runs; a broken settings file is reported on that file
// and nothing else stops working.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, cliFindings, codeOf, expectDiagnostics, fileUri, govDiagnostics, keysOfCli, openEditor, revertAll,
  SEED_DD, waitFor,
} from './helpers';

suite('Settings', () => {
  suiteSetup(activateExtension);
  teardown(revertAll);

  test('a severity set to off takes effect without a reload, and back', async () => {
    await openEditor(SEED_DD);
    const expected = keysOfCli(cliFindings(SEED_DD));
    await expectDiagnostics(SEED_DD, expected);
    const config = vscode.workspace.getConfiguration('governance');
    await config.update('severity', { 'open-todo': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await expectDiagnostics(SEED_DD, expected.filter((k) => !k.includes(' open-todo ')));
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Global);
    }
    await expectDiagnostics(SEED_DD, expected);
  });

  test('a severity raised to error shows as an error', async () => {
    await openEditor(SEED_DD);
    const config = vscode.workspace.getConfiguration('governance');
    await config.update('severity', { 'missing-evaluation': 'error' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('missing-evaluation as an error', () =>
        govDiagnostics(fileUri(SEED_DD)).some((d) => codeOf(d) === 'missing-evaluation' && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a broken .govmd.json is a diagnostic on that file; everything else keeps working', async () => {
    const settingsFile = fileUri('.govmd.json');
    const original = await vscode.workspace.fs.readFile(settingsFile);
    const editor = await openEditor(SEED_DD);
    const expected = keysOfCli(cliFindings(SEED_DD));
    await expectDiagnostics(SEED_DD, expected);
    try {
      await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode('{ "repositories": { "dragonflyoss/community": '));
      const problem = await waitFor('a diagnostic on .govmd.json', () => govDiagnostics(settingsFile)[0]);
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
      // The DD is still checked, and an edit is still checked again.
      await waitFor('the open criteria of the DD', () =>
        govDiagnostics(fileUri(SEED_DD)).filter((d) => codeOf(d) === 'unchecked-criterion').length === 19);
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\n**TODO for Kevin:** still checked\n'));
      const todoLine = editor.document.lineCount - 2;
      await waitFor('an open-todo diagnostic on the new line', () =>
        govDiagnostics(fileUri(SEED_DD)).some((d) => codeOf(d) === 'open-todo' && d.range.start.line === todoLine));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.workspace.fs.writeFile(settingsFile, original);
    }
    await waitFor('the .govmd.json diagnostic to go', () => govDiagnostics(settingsFile).length === 0);
    await expectDiagnostics(SEED_DD, expected);
  });

  test('a bad value in .govmd.json names its key; the other settings still apply', async () => {
    const settingsFile = fileUri('.govmd.json');
    const original = await vscode.workspace.fs.readFile(settingsFile);
    await openEditor(SEED_DD);
    const expected = keysOfCli(cliFindings(SEED_DD));
    const settings = JSON.parse(new TextDecoder().decode(original));
    try {
      const bad = { ...settings, severity: { 'open-todo': 'loud', placeholder: 'off' } };
      await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(bad, null, 2)));
      const problem = await waitFor('a diagnostic on .govmd.json', () => govDiagnostics(settingsFile)[0]);
      assert.match(problem.message, /open-todo/);
      await expectDiagnostics(SEED_DD, expected.filter((k) => !k.includes(' placeholder ')));
    } finally {
      await vscode.workspace.fs.writeFile(settingsFile, original);
    }
    await waitFor('the .govmd.json diagnostic to go', () => govDiagnostics(settingsFile).length === 0);
    await expectDiagnostics(SEED_DD, expected);
  });
});
