// The snippets the extension contributes, inserted the way the editor inserts them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fileUri, govDiagnostics, lineText, openEditor, revertAll, SEED_DD, waitFor } from './helpers';

suite('Snippets', () => {
  suiteSetup(activateExtension);
  teardown(revertAll);

  async function atNewLastLine(): Promise<{ editor: vscode.TextEditor; line: number }> {
    const editor = await openEditor(SEED_DD);
    const last = editor.document.lineCount - 1;
    await editor.edit((e) => e.insert(editor.document.lineAt(last).range.end, '\n\n'));
    const line = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    return { editor, line };
  }

  test('the TODO snippet inserts a TODO for an owner; the server reports it', async () => {
    const { editor, line } = await atNewLastLine();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'TODO block' });
    assert.equal(lineText(editor, line), '**TODO for owner:** what');
    await waitFor('an open-todo diagnostic on the inserted line', () =>
      govDiagnostics(fileUri(SEED_DD)).find((d) => codeOf(d) === 'open-todo' && d.range.start.line === line));
  });

  test('the DD criterion snippet inserts an open criterion; the server reports it', async () => {
    const { editor, line } = await atNewLastLine();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Due Diligence criterion' });
    assert.equal(lineText(editor, line), '- [ ] **Criterion text.**');
    await waitFor('an unchecked-criterion diagnostic on the inserted criterion', () =>
      govDiagnostics(fileUri(SEED_DD)).find((d) => codeOf(d) === 'unchecked-criterion' && d.range.start.line === line));
  });
});
