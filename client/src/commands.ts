import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProgressStatusBar } from './statusBar';
import { ProgressView, type ProgressAnswer } from './progressView';

type Position = { line: number; character: number };
type TextEdit = { range: { start: Position; end: Position }; newText: string };

/** The commands of the "Governance" category. Each asks the server; this side only shows and edits. */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient, statusBar: ProgressStatusBar): vscode.Disposable[] {
  const ask = <T>(command: string, ...args: unknown[]) =>
    client().sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;
  const activeMarkdown = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') return editor;
    void vscode.window.showInformationMessage('Open a Markdown document first.');
    return undefined;
  };
  const showDocument = async (content: string) => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    return vscode.window.showTextDocument(document, { preview: false });
  };

  const progressView = new ProgressView((uri) => ask<ProgressAnswer | null>('govmd.progress', uri));
  context.subscriptions.push(progressView);

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'governance.showProgress': async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : activeMarkdown()?.document.uri;
      if (!target) return;
      const document = await vscode.workspace.openTextDocument(target);
      if (!(await progressView.show(document))) return void vscode.window.showInformationMessage('This document has no Due Diligence criteria.');
    },

    [ProgressView.revealCommand]: async (uri: unknown, line: unknown) => {
      if (typeof uri !== 'string' || typeof line !== 'number') return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
      await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    },

    'governance.nextOpenCriterion': () => goToOpenCriterion('next'),
    'governance.previousOpenCriterion': () => goToOpenCriterion('previous'),

    'governance.toggleCriterion': async () => {
      const editor = activeMarkdown();
      if (!editor) return;
      const edit = await ask<TextEdit | null>('govmd.toggleCriterion', editor.document.uri.toString(), editor.selection.active);
      if (!edit) return void vscode.window.showInformationMessage('No criterion or task item at the cursor.');
      await editor.edit((builder) => builder.replace(toRange(edit.range), edit.newText));
    },

    'governance.insertTodoBlock': async () => {
      const editor = activeMarkdown();
      if (!editor) return;
      const { todoOwners, handles } = await ask<{ todoOwners: string[]; handles: string[] }>('govmd.knownOwners', editor.document.uri.toString());
      const other = '$(edit) Someone else…';
      const picked = await vscode.window.showQuickPick([...todoOwners, ...handles.map((h) => `@${h}`), other], {
        title: 'Insert TODO block',
        placeHolder: 'Who owns this TODO?',
      });
      if (picked === undefined) return;
      const owner = picked === other ? await vscode.window.showInputBox({ title: 'Insert TODO block', prompt: 'Owner of the TODO' }) : picked;
      if (!owner) return;
      await editor.insertSnippet(new vscode.SnippetString(`**TODO for ${owner.replace(/[$}\\]/g, '\\$&')}:** $0`));
    },

    'governance.exportOpenItems': async () => {
      const { text } = await ask<{ text: string }>('govmd.exportOpenItems', today());
      return showDocument(text);
    },

    'governance.newMeetingNotes': async (folder?: unknown) => {
      const base = folder instanceof vscode.Uri ? folder : vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!base) return void vscode.window.showInformationMessage('Open a folder or a meeting note first.');
      const result = await ask<{ uri: string; text: string } | null>('govmd.newMeetingNotes', base.toString(), today());
      if (!result) return;
      const uri = vscode.Uri.parse(result.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(result.text) });
      if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage(`Could not create ${uri.fsPath}.`);
      return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    },

    'governance.newDueDiligence': async () => {
      const level = await vscode.window.showQuickPick(['sandbox', 'incubation', 'graduation'], { title: 'New Due Diligence document', placeHolder: 'Level the project applies for' });
      if (!level) return;
      const project = await vscode.window.showInputBox({ title: 'New Due Diligence document', prompt: 'Project name' });
      if (!project) return;
      const { text } = await ask<{ text: string }>('govmd.newDueDiligence', { level, project });
      return showDocument(text);
    },

    'governance.checkExternalLinks': async () => {
      const result = await ask<{ summary: string } | null>('govmd.checkExternalLinks');
      if (result) void vscode.window.showInformationMessage(result.summary);
    },

    'governance.showTemplateDiff': async (uri?: unknown) => {
      const target = typeof uri === 'string' ? uri : activeMarkdown()?.document.uri.toString();
      if (!target) return;
      const result = await ask<{ text: string | null; message?: string }>('govmd.templateDiff', target);
      if (result.text === null) return void vscode.window.showInformationMessage(result.message ?? '');
      return showDocument(result.text);
    },

    'governance.updateDdToTemplate': async (uri?: unknown) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : activeMarkdown()?.document.uri;
      if (!target) return;
      const result = await ask<{ edits: TextEdit[]; message: string }>('govmd.updateToTemplate', target.toString());
      if (result.edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        for (const change of result.edits) edit.replace(target, toRange(change.range), change.newText);
        if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage('The document changed meanwhile; run Update DD to Current Template again.');
      }
      void vscode.window.showInformationMessage(result.message);
    },

    'governance.showDuplicates': async () => {
      const { text } = await ask<{ text: string }>('govmd.duplicates');
      return showDocument(text);
    },

    'governance.restartServer': async () => {
      // Workspace trust may have changed since the start: the server decides what the settings file may do by it.
      client().clientOptions.initializationOptions = { trusted: vscode.workspace.isTrusted };
      await client().restart();
      statusBar.refresh();
    },
  };

  async function goToOpenCriterion(direction: 'next' | 'previous'): Promise<void> {
    const editor = activeMarkdown();
    if (!editor) return;
    const position = await ask<Position | null>('govmd.openCriterion', editor.document.uri.toString(), editor.selection.active, direction);
    if (!position) return void vscode.window.showInformationMessage('No open criterion in this document.');
    const target = new vscode.Position(position.line, position.character);
    editor.selection = new vscode.Selection(target, target);
    editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  return Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

function toRange(range: TextEdit['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
