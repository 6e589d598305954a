// Every command of the "Governance" category, run the way the palette runs it, judged by what it
// leaves in the editor. Each client command asks a `govmd.*` server command; a missing one is named.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, assertServerCommand, cliFindings, codeOf, fileUri, firstOpenCriterion, govDiagnostics, lineText,
  openEditor, revertAll, SEED_DD, SEED_MEETING, sleep, waitFor, workspaceRoot,
} from './helpers';

/** Runs a command that opens a quick pick, and accepts the selected (first) item until the command ends. */
async function runAcceptingQuickPicks(command: string, ms = 20_000): Promise<unknown> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => { settled = true; });
  const start = Date.now();
  while (!settled && Date.now() - start < ms) {
    await sleep(400);
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return running;
}

async function untitledEditorAfter(run: () => Thenable<unknown>, what: string): Promise<vscode.TextEditor> {
  const before = vscode.window.activeTextEditor?.document;
  await run();
  return waitFor(what, () => {
    const editor = vscode.window.activeTextEditor;
    return editor && editor.document !== before && editor.document.isUntitled && editor;
  }, 15_000);
}

suite('Governance commands', () => {
  suiteSetup(activateExtension);
  teardown(revertAll);

  test('Toggle Criterion checks the criterion at the cursor, and unchecks it again', async () => {
    await assertServerCommand('govmd.toggleCriterion', 'governance.toggleCriterion');
    const line = firstOpenCriterion().line - 1;
    const editor = await openEditor(SEED_DD);
    editor.selection = new vscode.Selection(line, 10, line, 10);
    await vscode.commands.executeCommand('governance.toggleCriterion');
    assert.match(lineText(editor, line), /^\s*- \[x\] \*\*/, 'governance.toggleCriterion (server: govmd.toggleCriterion) checked the box');
    await waitFor('the unchecked-criterion diagnostic to go', () =>
      !govDiagnostics(fileUri(SEED_DD)).some((d) => codeOf(d) === 'unchecked-criterion' && d.range.start.line === line));
    await vscode.commands.executeCommand('governance.toggleCriterion');
    assert.match(lineText(editor, line), /^\s*- \[ \] \*\*/, 'a second toggle unchecks it');
  });

  test('Go to Next / Previous Open Criterion moves the cursor to the open criteria in turn', async () => {
    await assertServerCommand('govmd.openCriterion', 'governance.nextOpenCriterion');
    const open = cliFindings(SEED_DD).filter((f) => f.code === 'unchecked-criterion').map((f) => f.line - 1).sort((a, b) => a - b);
    const editor = await openEditor(SEED_DD);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('governance.nextOpenCriterion');
    assert.equal(editor.selection.active.line, open[0], 'Go to Next Open Criterion from the top lands on the first open criterion');
    await vscode.commands.executeCommand('governance.nextOpenCriterion');
    assert.equal(editor.selection.active.line, open[1], 'and then on the second');
    await vscode.commands.executeCommand('governance.previousOpenCriterion');
    assert.equal(editor.selection.active.line, open[0], 'Go to Previous Open Criterion goes back');
  });

  test('Show Criteria Progress opens the chart in a webview beside the DD, which keeps the focus', async () => {
    await assertServerCommand('govmd.progress', 'governance.showProgress');
    const editor = await openEditor(SEED_DD);
    const progressTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('governance.progress'));
    assert.equal(progressTab(), undefined);
    await vscode.commands.executeCommand('governance.showProgress');
    const tab = await waitFor('the progress webview', progressTab, 15_000);
    try {
      assert.equal(tab.label, `Progress: ${SEED_DD}`);
      assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the DD, not over it');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the DD keeps the focus');
      // Asked again, it reveals the same chart rather than opening a second.
      await vscode.commands.executeCommand('governance.showProgress');
      await sleep(500);
      assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length, 1);
    } finally {
      await vscode.window.tabGroups.close(tab);
    }
  });

  test('New Meeting Notes creates the next note with the open actions carried over', async () => {
    await assertServerCommand('govmd.newMeetingNotes', 'governance.newMeetingNotes');
    const seed = await openEditor(SEED_MEETING);
    await vscode.commands.executeCommand('governance.newMeetingNotes');
    const created = await waitFor('an editor on the new meeting note', () => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document.uri.toString() !== seed.document.uri.toString() && editor.document.uri.scheme === 'file' && editor;
    }, 15_000);
    const relative = vscode.workspace.asRelativePath(created.document.uri, false);
    try {
      assert.match(relative, /^meetings\/maintainer\/\d{4}-\d{2}-\d{2}\/README\.md$/, `the new note continues the dated series (${relative})`);
      assert.ok(relative > SEED_MEETING, `the new note (${relative}) is dated after the seed`);
      await vscode.workspace.fs.stat(created.document.uri); // on disk, not only in an editor
      const text = created.document.getText();
      assert.match(text, /^## Attendees/m);
      assert.match(text, /- \[ \] Support Model Artifact by OCI Spec in Fluid.*@chlins @gaius-qi/, 'an open action is carried with its owners');
      assert.match(text, /- \[ \] Organize topics and attendees for KubeCon 2026 @mingcheng/, 'every open action is carried');
      assert.doesNotMatch(text, /Publish to d7y\.io website/, 'done actions are not carried');
      assert.match(text, /issues\/4379/, 'WIP issues are carried');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(created.document.uri);
    }
  });

  test('Export Open Items opens a checklist of the open criteria, TODOs and actions', async () => {
    await assertServerCommand('govmd.exportOpenItems', 'governance.exportOpenItems');
    const firstTitle = /\*\*(.+?)\*\*/.exec((await openEditor(SEED_DD)).document.lineAt(firstOpenCriterion().line - 1).text)![1];
    const exported = await untitledEditorAfter(() => vscode.commands.executeCommand('governance.exportOpenItems'), 'the exported checklist');
    const text = exported.document.getText();
    assert.equal(exported.document.languageId, 'markdown');
    assert.ok(text.includes(firstTitle.slice(0, 40)), `the first open criterion is listed ("${firstTitle.slice(0, 40)}")`);
    assert.match(text, /- \[ \] .*Organize topics and attendees for KubeCon 2026/, 'the open action of the latest meeting note is listed');
    assert.ok((text.match(/^\s*- \[ \]/gm) ?? []).length >= 19 + 1, 'one unchecked item per open criterion and action at least');
  });

  test('Insert TODO Block inserts a TODO for the owner picked', async () => {
    await assertServerCommand('govmd.knownOwners', 'governance.insertTodoBlock');
    const editor = await openEditor(SEED_DD);
    const last = editor.document.lineCount - 1;
    await editor.edit((e) => e.insert(editor.document.lineAt(last).range.end, '\n\n'));
    const line = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await runAcceptingQuickPicks('governance.insertTodoBlock');
    assert.match(lineText(editor, line), /^\*\*TODO for .+:\*\* /, `the TODO block is inserted (line reads "${lineText(editor, line)}")`);
    await waitFor('an open-todo diagnostic on the inserted TODO', () =>
      govDiagnostics(fileUri(SEED_DD)).some((d) => codeOf(d) === 'open-todo' && d.range.start.line === line));
  });

  test('New Due Diligence Document makes a DD with Suggested and Required criteria', async () => {
    await assertServerCommand('govmd.newDueDiligence', 'governance.newDueDiligence');
    // The command asks for the level (a quick pick) and the project (an input box): the server
    // command it ends with is what is checked here; the workbench suite types into both.
    const result = await vscode.commands.executeCommand<{ text: string }>('govmd.newDueDiligence', { level: 'incubation', project: 'Dragonfly' });
    assert.ok(result && typeof result.text === 'string', 'govmd.newDueDiligence returns the document text');
    assert.match(result.text, /Due Diligence/);
    assert.match(result.text, /^### Required/m);
    assert.match(result.text, /- \[ \] \*\*/);
  });

  test('Show Duplicates lists the two definitions of "Adding New Member/Approver/Maintainer"', async () => {
    await assertServerCommand('govmd.duplicates', 'governance.showDuplicates');
    const report = await untitledEditorAfter(() => vscode.commands.executeCommand('governance.showDuplicates'), 'the duplicates report');
    const text = report.document.getText();
    assert.match(text, /COMMUNITY_LADDER\.md/);
    assert.match(text, /COMMUNITY_MEMBERSHIP\.md/);
  });

  test('Restart Server: the diagnostics come back', async () => {
    await openEditor(SEED_DD);
    const expected = cliFindings(SEED_DD).length;
    await vscode.commands.executeCommand('governance.restartServer');
    await waitFor('the seed DD diagnostics after a restart', () => govDiagnostics(fileUri(SEED_DD)).length === expected);
    assert.ok(workspaceRoot());
  });
});
