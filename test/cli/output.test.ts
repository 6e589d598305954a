import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOVMD } from '../helpers/cli';

test('check: a reader that leaves early (govmd check | head) ends the run with its exit code, and no crash', async () => {
  // 5,000 broken links: a JSON report of megabytes, more than a pipe takes at once.
  const folder = mkdtempSync(join(tmpdir(), 'govmd-output-'));
  const links = Array.from({ length: 5000 }, (_, i) => `- [page ${i}](missing-${i}.md)`).join('\n');
  writeFileSync(join(folder, 'index.md'), `# Index\n\n${links}\n`);
  const child = spawn(process.execPath, [GOVMD, 'check', folder, '--format', 'json'], { cwd: folder });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // As head does: read the start of the report, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 1, 'broken links are errors: the exit code says so even though nobody read the report');
});
