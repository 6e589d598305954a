import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleMlsPeer } from '../../bench/peers/bundle';
import { vscodeMarkdownServer } from '../../bench/peers/vscodeMarkdownServer';
import { fileUri, LspDriver } from '../../bench/lspDriver';

// The peers must do the work they are timed for: a peer that validated nothing would look fast.
const LINKS = 'See [the guide](docs/guide.md#setup), [gone](docs/missing.md) and [here](#nowhere).';
const README = `# Project\n\n${LINKS}\n`;

function workspaceWithBrokenLinks(): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-bench-peer-'));
  mkdirSync(join(folder, 'docs'));
  writeFileSync(join(folder, 'README.md'), README);
  writeFileSync(join(folder, 'docs', 'guide.md'), '# Guide\n\n## Install\n\nBack to the [readme](../README.md#project).\n');
  return folder;
}

test('the MLS peer process validates the links of every Markdown file of the folder', async () => {
  const folder = workspaceWithBrokenLinks();
  try {
    const bundle = await bundleMlsPeer(folder);
    const report = JSON.parse(execFileSync(process.execPath, [bundle, folder], { encoding: 'utf8' }));
    // docs/guide.md#setup names no heading, docs/missing.md does not exist, #nowhere names no heading.
    assert.deepEqual(report, { files: 2, diagnostics: 3 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("VS Code's Markdown language server, driven as VS Code drives it, answers a pull with the broken links", async () => {
  const folder = workspaceWithBrokenLinks();
  const driver = new LspDriver(vscodeMarkdownServer(folder));
  try {
    await driver.initialize(folder);
    const uri = fileUri(join(folder, 'README.md'));
    await driver.open(uri, README);
    const diagnostics = await driver.pull(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character]).sort((a, b) => a[1] - b[1]),
      ['#setup', 'docs/missing.md', '#nowhere'].map((target) => [2, LINKS.indexOf(target)]),
    );
    // Typing the missing heading in the open document clears its finding at the next pull.
    await driver.change(uri, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '## Nowhere\n\n' });
    assert.equal((await driver.pull(uri)).length, 2);
  } finally {
    await driver.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
