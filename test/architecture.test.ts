import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

// ARCHITECTURE.md's import rules, read from the code as TypeScript reads it (static and dynamic
// imports, `require`, `export … from`): a rule broken here is a host's job done in the wrong place.

const ROOT = join(__dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** Every module a file imports: package names as written, relative ones as paths from the repository root. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', fileName)).split('\\').join('/') : fileName));
}

function violations(folder: string, forbidden: (imported: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter(forbidden).map((imported) => `${file} imports ${imported}`));
}

const FILE_SYSTEM = /^(node:)?fs(\/promises)?$/;
const EDITOR = /^vscode($|-languageserver|-languageclient)/;

test('the engine is pure: no file system, no editor or LSP, no host', () => {
  assert.ok(sourceFiles('server/src/engine').length > 100);
  assert.deepEqual(
    violations('server/src/engine', (imported) => FILE_SYSTEM.test(imported) || EDITOR.test(imported) || (imported.startsWith('server/src/') && !imported.startsWith('server/src/engine/'))),
    [],
  );
});

test('the shared host helpers know neither the editor nor the language server', () => {
  assert.deepEqual(violations('server/src/host', (imported) => EDITOR.test(imported) || imported.startsWith('server/src/lsp') || /^server\/src\/(cli|server)$/.test(imported)), []);
});

test('the language server never imports the VS Code API, nor the CLI', () => {
  assert.deepEqual(violations('server/src/lsp', (imported) => imported === 'vscode' || imported === 'server/src/cli'), []);
});

test('the VS Code client asks the server for everything: no engine code in it', () => {
  assert.deepEqual(violations('client/src', (imported) => imported.startsWith('server/')), []);
});

test('the check sees a forbidden import where one is written', () => {
  // So that an empty answer above means "none", not "not looked at".
  const { importedFiles } = ts.preProcessFile("import { readFileSync } from 'node:fs';\nconst v = require('vscode');\nexport * from '../host/walk';\n", true, true);
  assert.deepEqual(importedFiles.map((f) => f.fileName), ['node:fs', 'vscode', '../host/walk']);
});
