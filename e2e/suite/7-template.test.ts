// The DD against the current CNCF template (built-in catalog here: the workspace holds no cncf/toc):
// the lens over the title, the template-drift quick fix, and Update DD to Current Template — one
// edit, undone at once, and a second run changes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, assertServerCommand, codeOf, fileUri, govDiagnostics, openEditor, revertAll, SEED_DD, waitFor } from './helpers';

const GTR = '- [ ] **Complete a [General Technical Review (GTR)](https://github.com/cncf/toc/blob/main/toc_subprojects/project-reviews-subproject/general-technical-questions.md).**';
const TAG = '**Engage with the domain specific TAG(s) to increase awareness through a presentation or completing a General Technical Review.**';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return lenses.filter((lens) => lens.range.start.line === 0).map((lens) => `${lens.command?.title} → ${lens.command?.command}`);
}

const driftCount = (uri: vscode.Uri) => govDiagnostics(uri).filter((d) => codeOf(d) === 'template-drift').length;

suite('DD against the current template', () => {
  suiteSetup(activateExtension);
  teardown(revertAll);

  test('the lens over the title: "Template of 2026-06-29: 4 criteria missing · 1 moved", and Update DD to Current Template', async () => {
    const uri = fileUri(SEED_DD);
    await openEditor(SEED_DD);
    const titles = await waitFor('the template lenses on the title', async () => {
      const found = await lensTitles(uri);
      return found.length >= 2 && found;
    });
    assert.deepEqual(titles, [
      'Template of 2026-06-29: 4 criteria missing · 1 moved → governance.showTemplateDiff',
      'Update DD to Current Template → governance.updateDdToTemplate',
    ]);
    await waitFor('five template-drift hints', () => driftCount(uri) === 5);
    const hint = govDiagnostics(uri).find((d) => codeOf(d) === 'template-drift')!;
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
  });

  test('the template-drift quick fix at Application Process Principles inserts the GTR criterion where the template puts it', async () => {
    const uri = fileUri(SEED_DD);
    const editor = await openEditor(SEED_DD);
    const diagnostic = await waitFor('a template-drift hint at the area heading', () =>
      govDiagnostics(uri).find((d) => codeOf(d) === 'template-drift' && d.range.start.line === 43 && /General Technical Review/.test(d.message)));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === 'Insert "Complete a General Technical Review (GTR)." from the template (Required)');
    assert.ok(insert?.edit, `the insertion is offered (offered: ${actions.map((a) => a.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const lines = editor.document.getText().split('\n');
    const at = lines.indexOf(GTR);
    assert.ok(at > 0, 'the GTR criterion is in the document');
    assert.deepEqual(lines.slice(at + 1, at + 6), [
      '  - This was most recently revised on DD-MMM-YYYY. The snapshot is available in this repo at `projects/$PROJECT/tech-review/YYYY-MM-DD.md` ($LINK).',
      '',
      '<!-- (Project assertion goes here) -->',
      '',
      '- [x]  **All project metadata and resources are [vendor-neutral](https://contribute.cncf.io/maintainers/community/vendor-neutrality/).**',
    ]);
    await waitFor('four template-drift hints left', () => driftCount(uri) === 4);
  });

  test('Update DD to Current Template: every change as one edit (one undo), and a second run changes nothing', async () => {
    await assertServerCommand('govmd.updateToTemplate', 'governance.updateDdToTemplate');
    const uri = fileUri(SEED_DD);
    const editor = await openEditor(SEED_DD);
    const original = editor.document.getText();
    await vscode.commands.executeCommand('governance.updateDdToTemplate');
    const updated = await waitFor('the DD to change', () => editor.document.getText() !== original && editor.document.getText());
    for (const title of ['Complete a [Governance Review]', 'Complete a Governance Review with the Project Reviews subproject', 'Complete a joint security assessment with TAG Security and Compliance']) {
      assert.ok(updated.includes(`- [ ] **${title}`), `${title} inserted`);
    }
    const lines = updated.split('\n');
    const suggested = lines.indexOf('### Suggested');
    const tagLine = original.split('\n').find((line) => line.includes(TAG));
    assert.ok(tagLine, 'the seed has the TAG criterion');
    assert.equal(lines[suggested + 2], tagLine, 'the TAG criterion, as the reviewer has it, is the first Suggested criterion of Application Process Principles');
    await waitFor('no template-drift left', () => driftCount(uri) === 0);
    await waitFor('the lens to say all criteria are in place', async () => (await lensTitles(uri))[0] === 'Template of 2026-06-29: all 50 criteria in place → governance.showTemplateDiff');

    await vscode.commands.executeCommand('governance.updateDdToTemplate');
    assert.equal(editor.document.getText(), updated, 'a second run changes nothing');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo takes the whole update back');
  });

  test('Show Differences from the Current Template lists the four missing criteria and the moved one', async () => {
    await assertServerCommand('govmd.templateDiff', 'governance.showTemplateDiff');
    const editor = await openEditor(SEED_DD);
    await vscode.commands.executeCommand('governance.showTemplateDiff', editor.document.uri.toString());
    const report = await waitFor('the template report', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.isUntitled && active.document.getText().includes('criteria missing') && active.document.getText();
    }, 15_000);
    assert.match(report, /^dragonfly-graduation-dd\.md: Template of 2026-06-29: 4 criteria missing · 1 moved \(built-in catalog, cncf\/toc at 4acc1dcf3e5c\)/);
    assert.equal(report.split('\n').filter((line) => line.startsWith('missing ')).length, 4);
    assert.equal(report.split('\n').filter((line) => line.startsWith('moved ')).length, 1);
  });
});
