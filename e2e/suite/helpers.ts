// What the suites share: the workspace the editor opened, the `govmd` CLI's report on it (the
// reference every editor diagnostic is compared with), and waiting for the language server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JsonFinding } from '../../server/src/engine/report/json';

export const EXTENSION_ID = 'governance-markdown.governance-markdown';
export const SEED_DD = 'dragonfly-graduation-dd.md';
export const SEED_MEETING = 'meetings/maintainer/2025-10-14/README.md';
/** The repository the suites were built from: e2e/out/ → ../.. (the CLI lives there). */
export const REPO = process.env.GOVMD_REPO ?? path.resolve(__dirname, '..', '..');

/** One finding of `govmd check --format json`: the CLI's own type. */
export type CliFinding = JsonFinding;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/**
 * What the editor must show: `govmd check <paths> --hints --format json`, run in the workspace
 * folder. The CLI leaves hint-level findings out unless asked; the editor shows them (faintly).
 */
export function cliFindings(...paths: string[]): CliFinding[] {
  return govmdCheck([...(paths.length ? paths : ['.']), '--hints']);
}

/** `node bin/govmd.js check <args> --format json`, run in the workspace folder. */
export function govmdCheck(args: string[]): CliFinding[] {
  const cwd = workspaceRoot().fsPath;
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'govmd.js'), 'check', ...args, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    // Under Electron (@vscode/test-electron) process.execPath is the editor itself.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`govmd check ${args.join(' ')} exited with ${result.status}: ${result.stderr || result.error}`);
  }
  return JSON.parse(result.stdout) as CliFinding[];
}

const SEVERITY: Record<CliFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
const SEVERITY_NAME = ['error', 'warning', 'information', 'hint'];

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** One line per finding, as a user reads it: `L14:5 placeholder warning`, sorted. */
export function keysOfCli(findings: CliFinding[]): string[] {
  return findings.map((f) => `L${f.line}:${f.column} ${f.code} ${SEVERITY_NAME[SEVERITY[f.severity]]}`).sort(byPosition);
}

export function keysOfDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `L${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${SEVERITY_NAME[d.severity]}`)
    .sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const [, la, ca] = /^L(\d+):(\d+)/.exec(a)!;
  const [, lb, cb] = /^L(\d+):(\d+)/.exec(b)!;
  return Number(la) - Number(lb) || Number(ca) - Number(cb) || a.localeCompare(b);
}

/** The diagnostics Governance Markdown published for a file (other extensions' are left out). */
export function govDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govmd');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until the editor's diagnostics for `relative` equal `expected`; on a timeout, asserts
 * equality so the failure shows the difference line by line.
 */
export async function expectDiagnostics(relative: string, expected: string[], ms = 30_000): Promise<void> {
  const uri = fileUri(relative);
  try {
    await waitFor(`the diagnostics of ${relative} to equal govmd check's`, () => same(keysOfDiagnostics(govDiagnostics(uri)), expected), ms);
  } catch {
    assert.deepEqual(keysOfDiagnostics(govDiagnostics(uri)), expected, `diagnostics of ${relative} in the editor vs. govmd check`);
  }
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function openEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Throws away unsaved edits of every workspace file, so each test starts from the files on disk. */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme !== 'file' || !document.isDirty) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the extension host`);
  await extension.activate();
}

/**
 * The language client registers each command the server advertises (`executeCommandProvider`)
 * as a VS Code command of the same id: its absence means the server does not implement it.
 */
export async function assertServerCommand(serverCommand: string, clientCommand: string): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(
    commands.includes(serverCommand),
    `"${clientCommand}" asks the language server for "${serverCommand}" (workspace/executeCommand), but the server does not offer it`,
  );
}

export function lineText(editor: vscode.TextEditor, line: number): string {
  return editor.document.lineAt(line).text;
}

/** The first `unchecked-criterion` of the seed DD according to the CLI (1-based line). */
export function firstOpenCriterion(): CliFinding {
  const first = cliFindings(SEED_DD)
    .filter((f) => f.code === 'unchecked-criterion')
    .sort((a, b) => a.line - b.line)[0];
  assert.ok(first, 'the seed DD has an open criterion');
  return first;
}
