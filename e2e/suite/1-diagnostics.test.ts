// The findings a user sees in the editor are the ones `govmd check` reports: same codes, same
// places, same severities, for the documents they open and for the rest of the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, cliFindings, codeOf, expectDiagnostics, fileUri, govDiagnostics, keysOfCli, openEditor, SEED_DD, SEED_MEETING, waitFor } from './helpers';

suite('Diagnostics in the editor equal govmd check', () => {
  suiteSetup(activateExtension);

  test('the seed DD, open in an editor', async () => {
    const expected = keysOfCli(cliFindings(SEED_DD));
    assert.ok(expected.filter((k) => k.includes('unchecked-criterion')).length === 19, 'the CLI reports 19 open criteria in the seed DD');
    await openEditor(SEED_DD);
    await expectDiagnostics(SEED_DD, expected);
  });

  test('the seed meeting note, open in an editor', async () => {
    await openEditor(SEED_MEETING);
    await expectDiagnostics(SEED_MEETING, keysOfCli(cliFindings(SEED_MEETING)));
  });

  test('every other Markdown file of the workspace, checked in the background', async () => {
    const all = cliFindings();
    const files = (await vscode.workspace.findFiles('**/*.md')).map((uri) => vscode.workspace.asRelativePath(uri, false)).sort();
    assert.ok(files.length > 20, `the workspace holds the community repository (${files.length} Markdown files)`);
    for (const file of files) await expectDiagnostics(file, keysOfCli(all.filter((f) => f.file === file)));
  });

  test('each diagnostic links to its rule documentation', async () => {
    const diagnostics = await waitFor('diagnostics on the seed DD', () => govDiagnostics(fileUri(SEED_DD)).length > 0 && govDiagnostics(fileUri(SEED_DD)));
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code !== null, `${codeOf(diagnostic)} has a documentation link`);
      assert.match(code.target.toString(), new RegExp(`docs/rules/${codeOf(diagnostic)}\\.md$`));
    }
  });
});
