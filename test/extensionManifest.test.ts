import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { RULES } from '../server/src/engine/rules';

const ROOT = join(__dirname, '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
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
  // Plain `vsce ls`: the options it needs are in package.json's "vsce".
  const listing = spawnSync(process.execPath, [VSCE, 'ls'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listing.status, 0, listing.stderr);
  assert.equal(listing.stderr, '');
  const files = listing.stdout.trim().split('\n').sort();
  for (const required of ['client/out/extension.js', 'server/out/server.js', 'syntaxes/governance.injection.tmLanguage.json', 'snippets/governance.code-snippets', 'schemas/govmd.schema.json', 'images/icon.png', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    assert.ok(files.includes(required), required);
  }
  for (const rule of RULES) assert.ok(files.includes(`docs/rules/${rule.code}.md`), rule.code);
  assert.deepEqual(files.filter((f) => /node_modules|\.ts$|\.map$|^test\/|^bench\//.test(f)), []);
});

test('vsce package: a Marketplace-ready .vsix without a warning; nothing points at a repository that does not exist', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'govmd-vsix-')), 'governance-markdown.vsix');
  // `npm run package` (after the build `npm test` made), writing elsewhere: README's links stay relative (they resolve inside the
  // installed extension), as there is no public repository to rewrite them to.
  const [tool, ...args] = (manifest.scripts.package as string).split(' && ').at(-1)!.split(' ');
  assert.equal(tool, 'vsce');
  args[args.indexOf('--out') + 1] = out;
  const run = spawnSync(process.execPath, [VSCE, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout + run.stderr, /WARNING|warn/i);
  assert.ok(statSync(out).size > 0);
  for (const field of ['displayName', 'description', 'icon', 'license', 'publisher']) assert.ok(manifest[field], field);
  assert.ok(manifest.categories.includes('Linters'));
  assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
  assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  const icon = readFileSync(join(ROOT, manifest.icon));
  assert.equal(icon.subarray(1, 4).toString(), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(16) === icon.readUInt32BE(20), 'a square icon of 128 px or more');
  // The project has no public home yet: no repository, bugs or homepage field may claim one.
  for (const field of ['repository', 'bugs', 'homepage']) assert.equal(manifest[field], undefined, field);
  const shipped = [readFileSync(join(ROOT, 'package.json'), 'utf8'), readFileSync(join(ROOT, 'server', 'out', 'server.js'), 'utf8'), readFileSync(join(ROOT, 'server', 'out', 'cli.js'), 'utf8')];
  for (const text of shipped) assert.doesNotMatch(text, /github\.com\/governance-markdown/);
});
