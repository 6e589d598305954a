import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFuzz } from './driver';

// The fuzz suite at a fixed seed and a small budget: the same cases on every machine, so a failure
// here is a failure everywhere. `npm run fuzz` runs the same properties from any seed for longer,
// and also reports slow cases (npm test never judges time: the watchdog only stops a case that
// runs for minutes, and names it).
const SEED = 20261202;

test(`fuzz: the check, fix-all and govmd check --fix over mutated seeds, corpus files and the fixture (seed ${SEED})`, { timeout: 600_000 }, async () => {
  const outDir = join(tmpdir(), 'govmd-fuzz');
  const report = await runFuzz({ seed: SEED, numRuns: 60, maxCount: 2_000, maxMutations: 6, maxLength: 256 * 1024, cliEvery: 10, hangSeconds: 180, outDir });
  const failures = report.failures.map((f) => `${f.kind} (seed ${f.seed}): ${f.message}\n  reproducer: ${f.reproducer ?? '(none)'}; rerun: npm run fuzz -- --replay ${f.reproducer ?? ''}`);
  assert.deepEqual(failures, []);
  assert.equal(report.cases, 60);
  assert.ok(report.cliRuns >= 6, `govmd check --fix ran on ${report.cliRuns} cases`);
});
