// Writing .govmd.json in VS Code: the extension's JSON Schema (contributes.jsonValidation) makes
// VS Code's own JSON support complete rule codes and severities, and squiggle what is not a
// setting, before govmd ever reads the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULES } from '../../server/src/engine/rules';
import { activateExtension, fileUri, openEditor, revertAll, waitFor } from './helpers';

const SETTINGS = '.govmd.json';

async function editSettings(text: string): Promise<vscode.TextEditor> {
  const editor = await openEditor(SETTINGS);
  await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
  return editor;
}

async function completionsAt(position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', fileUri(SETTINGS), position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/^"|"$/g, ''));
}

/** The JSON language service's diagnostics (not govmd's own, which reads the file too). */
function schemaDiagnostics(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(fileUri(SETTINGS)).filter((d) => d.source !== 'govmd');
}

suite('The settings file in the editor', () => {
  let original: Uint8Array;
  suiteSetup(async () => {
    await activateExtension();
    original = await vscode.workspace.fs.readFile(fileUri(SETTINGS));
  });
  // The edits stay in the editor; should one reach the disk, the file is put back as it was.
  teardown(async () => {
    await revertAll();
    const now = await vscode.workspace.fs.readFile(fileUri(SETTINGS));
    if (Buffer.compare(Buffer.from(now), Buffer.from(original)) !== 0) await vscode.workspace.fs.writeFile(fileUri(SETTINGS), original);
  });

  test('inside "severity" of .govmd.json, completion offers every rule code, and then the severities', async () => {
    const editor = await editSettings('{\n  "severity": {\n    \n  }\n}\n');
    assert.equal(editor.document.languageId, 'json');
    const codes = await waitFor('rule codes among the completions', async () => {
      const labels = await completionsAt(new vscode.Position(2, 4));
      return labels.includes('open-todo') && labels;
    }, 30_000);
    assert.deepEqual(RULES.map((rule) => rule.code).filter((code) => !codes.includes(code)), [], 'every rule code is offered');

    await editSettings('{\n  "severity": {\n    "open-todo": ""\n  }\n}\n');
    const severities = await waitFor('the severities', async () => {
      const labels = await completionsAt(new vscode.Position(2, 18));
      return labels.includes('off') && labels;
    });
    assert.deepEqual(['off', 'hint', 'information', 'warning', 'error'].filter((s) => !severities.includes(s)), []);

    await editSettings('{\n  \n}\n');
    const keys = await waitFor('the setting names', async () => {
      const labels = await completionsAt(new vscode.Position(1, 2));
      return labels.includes('repositories') && labels;
    });
    for (const key of ['severity', 'kinds', 'placeholders', 'owners', 'repositories', 'exclude', 'externalLinks', 'topics']) assert.ok(keys.includes(key), key);
  });

  test('an unknown key and a misspelt rule code are squiggled where they are written', async () => {
    await editSettings('{\n  "severty": {},\n  "severity": { "open-todos": "off", "placeholder": "loud" }\n}\n');
    const problems = await waitFor('three schema diagnostics', () => {
      const found = schemaDiagnostics();
      return found.length >= 3 && found;
    });
    const at = (line: number, text: string) => problems.find((d) => d.range.start.line === line && d.range.start.character === text.length);
    const unknownKey = at(1, '  ');
    assert.ok(unknownKey, `a diagnostic on "severty": ${problems.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ')}`);
    assert.match(unknownKey.message, /severty/);
    assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(at(2, '  "severity": { '), 'a diagnostic on "open-todos"');
    assert.ok(at(2, '  "severity": { "open-todos": "off", "placeholder": '), 'a diagnostic on "loud"');
    // The committed settings file itself is clean.
    await revertAll();
    await waitFor('no schema diagnostics on the workspace settings file', () => schemaDiagnostics().length === 0);
  });
});
