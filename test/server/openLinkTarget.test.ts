import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { COMMUNITY, SEED_DD } from '../helpers/fixtures';

// Two open documents, one linking into the other: renaming a heading of the governance file in
// the editor, unsaved, is seen at once in the open DD that links to it, and putting it back mends
// the link — no save, no file event.

const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-open-target-'));
cpSync(SEED_DD, join(root, 'dd.md'));
cpSync(COMMUNITY, join(root, 'dragonflyoss-community'), { recursive: true });
writeFileSync(join(root, '.govmd.json'), JSON.stringify({ repositories: { 'dragonflyoss/community': 'dragonflyoss-community' } }));
const ddUri = `file://${join(root, 'dd.md')}`;
const membershipPath = join(root, 'dragonflyoss-community', 'COMMUNITY_MEMBERSHIP.md');
const membershipUri = `file://${membershipPath}`;
const MEMBERSHIP = readFileSync(membershipPath, 'utf8');

const brokenFragments = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'broken-fragment').map((d) => `${d.range.start.line + 1}: ${d.message}`);

let server: LspSession;
let membershipVersion = 1;

async function typeMembership(text: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: membershipUri, version: ++membershipVersion },
    contentChanges: [{ text }],
  });
}

before(async () => {
  server = await startServer(root);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ddUri, languageId: 'markdown', version: 1, text: readFileSync(join(root, 'dd.md'), 'utf8') } });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: membershipUri, languageId: 'markdown', version: 1, text: MEMBERSHIP } });
  await server.waitForDiagnostics(ddUri);
  await server.waitForDiagnostics(membershipUri);
});
after(async () => {
  await server.stop();
});

test('renaming a heading in an open, unsaved governance file: the open DD that links to it shows the broken link, and not once it is back', async () => {
  const before = brokenFragments(await server.waitForDiagnostics(ddUri));
  assert.ok(!before.some((line) => line.includes('#managing-membership')), before.join('\n'));

  await typeMembership(MEMBERSHIP.replace('## Managing Membership', '## Managing Members'));
  const broken = await server.waitForDiagnostics(ddUri, (d) => brokenFragments(d).some((line) => line.includes('#managing-membership')));
  assert.deepEqual(brokenFragments(broken).filter((line) => !before.includes(line)), [
    '143: No heading or anchor #managing-membership in dragonflyoss-community/COMMUNITY_MEMBERSHIP.md; did you mean #managing-members?',
  ]);

  await typeMembership(MEMBERSHIP);
  const mended = await server.waitForDiagnostics(ddUri, (d) => !brokenFragments(d).some((line) => line.includes('#managing-membership')));
  assert.deepEqual(brokenFragments(mended), before);
});
