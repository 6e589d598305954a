import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { COMMUNITY, SEED_DD } from '../helpers/fixtures';
import { GOVMD } from '../helpers/cli';

// What an editor does to a document besides typing — Revert (the text on disk comes back as a
// change), closing it unsaved, opening it again — must leave the server with the text the editor
// has: after each step back to the file on disk, the diagnostics equal `govmd check --hints`'s.

const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-revert-'));
cpSync(SEED_DD, join(root, 'dd.md'));
cpSync(COMMUNITY, join(root, 'dragonflyoss-community'), { recursive: true });
writeFileSync(join(root, '.govmd.json'), JSON.stringify({ repositories: { 'dragonflyoss/community': 'dragonflyoss-community' } }));
const DD = 'dd.md';
const uriOf = (relative: string) => `file://${join(root, relative)}`;
const onDisk = (relative: string) => readFileSync(join(root, relative), 'utf8');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

let server: LspSession;
const versions = new Map<string, number>();

before(async () => {
  server = await startServer(root);
});
after(async () => {
  await server.stop();
});

/** `L52:3 unchecked-criterion warning`, sorted: what a user reads in the Problems panel. */
const keysOf = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `L${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${SEVERITY[d.severity!]}`).sort();

function cliKeys(relative: string): string[] {
  const run = spawnSync(process.execPath, [GOVMD, 'check', relative, '--hints', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as { line: number; column: number; code: string; severity: string }[])
    .map((f) => `L${f.line}:${f.column} ${f.code} ${f.severity}`).sort();
}

/** Waits until the server's diagnostics for `relative` are `expected`; else shows the difference. */
async function expectDiagnostics(relative: string, expected: string[]): Promise<void> {
  const uri = uriOf(relative);
  const same = (d: Diagnostic[]) => JSON.stringify(keysOf(d)) === JSON.stringify(expected);
  await server.waitForDiagnostics(uri, same, 15_000).catch(() => undefined);
  assert.deepEqual(keysOf(server.diagnostics.get(uri) ?? []), expected, `the diagnostics of ${relative}`);
}

async function open(relative: string): Promise<void> {
  const version = (versions.get(relative) ?? 0) + 1;
  versions.set(relative, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(relative), languageId: 'markdown', version, text: onDisk(relative) } });
}

/** Replaces the whole text, as VS Code sends both a typed edit here and Revert File. */
async function setText(relative: string, text: string): Promise<void> {
  const version = versions.get(relative)! + 1;
  versions.set(relative, version);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(relative), version }, contentChanges: [{ text }] });
}

async function close(relative: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(relative) } });
}

const ticked = (text: string) => text.replace('- [ ] **', '- [x] **');
const withTodo = (text: string) => `${text}\n**TODO for Kevin:** only in the editor\n`;

test('an edited DD, reverted: the diagnostics are the file\'s on disk again', async () => {
  const expected = cliKeys(DD);
  assert.ok(expected.some((k) => k.endsWith(' hint')), 'the seed DD has hint-level findings (template-drift)');
  await open(DD);
  await expectDiagnostics(DD, expected);

  await setText(DD, withTodo(ticked(onDisk(DD))));
  const todoLine = onDisk(DD).split('\n').length + 1;
  await server.waitForDiagnostics(uriOf(DD), (d) => d.some((x) => x.code === 'open-todo' && x.range.start.line === todoLine - 1), 15_000);
  assert.equal(keysOf(server.diagnostics.get(uriOf(DD))!).filter((k) => k.includes('unchecked-criterion')).length,
    expected.filter((k) => k.includes('unchecked-criterion')).length - 1, 'the ticked criterion is no longer open');

  await setText(DD, onDisk(DD));
  await expectDiagnostics(DD, expected);
});

test('an edited DD, closed without saving, and opened again: the file on disk is what is checked', async () => {
  const expected = cliKeys(DD);
  await setText(DD, withTodo(onDisk(DD)));
  await server.waitForDiagnostics(uriOf(DD), (d) => d.some((x) => x.code === 'open-todo' && String(x.message).includes('only in the editor')), 15_000);
  await close(DD);
  // Still a workspace file: the server keeps reporting it, as the disk has it.
  await expectDiagnostics(DD, expected);
  await open(DD);
  await expectDiagnostics(DD, expected);
});
