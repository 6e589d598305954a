// The light bulb: the quick fix at the first open criterion checks its box and the finding goes;
// "fix all" removes the template lines left in the seed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, expectDiagnostics, fileUri, firstOpenCriterion, govDiagnostics, keysOfCli, cliFindings, lineText, openEditor, revertAll, SEED_DD, waitFor } from './helpers';

suite('Quick fixes', () => {
  suiteSetup(activateExtension);
  teardown(revertAll);

  test('"Mark criterion met" at the first open criterion checks the box; the diagnostic goes', async () => {
    const first = firstOpenCriterion();
    const editor = await openEditor(SEED_DD);
    const uri = fileUri(SEED_DD);
    const diagnostic = await waitFor('the unchecked-criterion diagnostic at the first open criterion', () =>
      govDiagnostics(uri).find((d) => codeOf(d) === 'unchecked-criterion' && d.range.start.line === first.line - 1));
    assert.match(lineText(editor, first.line - 1), /^\s*- \[ \] \*\*/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const markMet = actions.find((a) => a.title === 'Mark criterion met');
    assert.ok(markMet?.edit, `a "Mark criterion met" quick fix is offered (offered: ${titles.join(' | ')})`);
    assert.equal(markMet.isPreferred, true, 'it is the preferred fix (Ctrl+. Enter, auto-fix)');
    assert.ok(await vscode.workspace.applyEdit(markMet.edit));

    assert.match(lineText(editor, first.line - 1), /^\s*- \[x\] \*\*/);
    await waitFor('the unchecked-criterion diagnostic to go', () =>
      !govDiagnostics(uri).some((d) => codeOf(d) === 'unchecked-criterion' && d.range.start.line === first.line - 1));
    const open = govDiagnostics(uri).filter((d) => codeOf(d) === 'unchecked-criterion').length;
    assert.equal(open, 18, '18 open criteria are left');
  });

  test('"Fix all" (source.fixAll.govmd) removes the template placeholder lines', async () => {
    const editor = await openEditor(SEED_DD);
    const uri = fileUri(SEED_DD);
    await expectDiagnostics(SEED_DD, keysOfCli(cliFindings(SEED_DD)));
    assert.ok(editor.document.getText().includes('- NOTABLE1'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.govmd');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.govmd');
    assert.ok(fixAll?.edit, 'a source.fixAll.govmd action is offered');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.ok(!editor.document.getText().includes('- NOTABLE1'), 'the "- NOTABLE1" line is gone');
    await waitFor('the NOTABLE placeholders to go', () =>
      !govDiagnostics(uri).some((d) => codeOf(d) === 'placeholder' && /NOTABLE/.test(d.message)));
    // Fix all never checks a criterion for the user.
    assert.equal(govDiagnostics(uri).filter((d) => codeOf(d) === 'unchecked-criterion').length, 19);
  });
});
