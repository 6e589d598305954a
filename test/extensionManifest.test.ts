import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { RULES } from '../server/src/engine/rules';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const clientCommands = readFileSync(join(ROOT, 'client', 'src', 'commands.ts'), 'utf8');
const serverCommands = readFileSync(join(ROOT, 'server', 'src', 'lsp', 'commands.ts'), 'utf8');

test('every command in package.json has a handler in the client, under the Governance category', () => {
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'Governance', command.command);
    assert.ok(clientCommands.includes(`'${command.command}':`), `handler for ${command.command}`);
  }
});

test('every server command the client asks for is one the server announces and handles', () => {
  const asked = [...clientCommands.matchAll(/ask<[^>]*>\('(govmd\.[\w]+)'/g)].map((m) => m[1]);
  const announced = /SERVER_COMMANDS = \[([^\]]*)\]/.exec(serverCommands)![1];
  for (const command of new Set(asked)) {
    assert.ok(announced.includes(`'${command}'`), `${command} announced`);
    assert.ok(serverCommands.includes(`'${command}': async`) || serverCommands.includes(`handlers['${command}'] =`), `${command} handled`);
  }
});

test('every setting has a markdownDescription, and every rule a severity setting', () => {
  const properties = manifest.contributes.configuration.properties;
  for (const [key, schema] of Object.entries<{ markdownDescription?: string }>(properties)) {
    assert.ok(schema.markdownDescription && schema.markdownDescription.length > 20, key);
  }
  for (const rule of RULES) assert.ok(properties['governance.severity'].properties[rule.code], rule.code);
});

test('settings that widen what is read or fetched are declared and restricted in untrusted workspaces', () => {
  const properties = manifest.contributes.configuration.properties;
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const key of ['governance.externalLinks.enabled', 'governance.externalLinks.allowPrivateHosts', 'governance.repositories', 'governance.exclude', 'governance.placeholders']) {
    assert.ok(properties[key], `${key} declared`);
    assert.ok(restricted.includes(key), `${key} restricted`);
  }
});

test('the .vsix holds the bundles, grammar, snippets and rule docs, and no node_modules or sources', () => {
  const listing = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listing.status, 0, listing.stderr);
  const files = listing.stdout.trim().split('\n').sort();
  for (const required of ['client/out/extension.js', 'server/out/server.js', 'syntaxes/governance.injection.tmLanguage.json', 'snippets/governance.code-snippets', 'package.json', 'README.md', 'LICENSE']) {
    assert.ok(files.includes(required), required);
  }
  for (const rule of RULES) assert.ok(files.includes(`docs/rules/${rule.code}.md`), rule.code);
  assert.deepEqual(files.filter((f) => /node_modules|\.ts$|\.map$|^test\/|^bench\//.test(f)), []);
});
