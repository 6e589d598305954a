import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchLinks, formatLinkBench } from '../../bench/links';

test('link bench: govmd and vscode-markdown-languageservice find the same broken links in the generated workspace', async () => {
  const result = await benchLinks(60, 6);
  assert.equal(result.peerError, undefined);
  assert.equal(result.workspace.documents, 60);
  // One link in fifty points at a heading that does not exist: 8 sections x 60 files / 50.
  assert.equal(result.workspace.govmdFindings, 9);
  assert.equal(result.workspace.peerFindings, result.workspace.govmdFindings);
  assert.equal(result.open.peerFindings, result.open.govmdFindings);
  // Every target's anchors read once, none with the full parser.
  const targets = result.workspace.govmdTargets;
  assert.equal(targets.targetParses, 0);
  assert.equal(targets.targetScans + targets.targetsKnown, 60);
  assert.match(formatLinkBench(result), /ratio: \d+\.\d\dx/);
});
