/**
 * `npm run fuzz -- --minutes 30 --seed N`: the fuzz suite of npm test (test/fuzz), longer and from
 * any seed. Prints the seed, progress each minute, and at the end the cases run, the largest CPU
 * seconds per MB, the cases over the bound (--max-seconds-per-mb, 2 by default) and every failure
 * with the file that reproduces it. Reproducers go to --out (a folder under the system's temporary
 * folder unless named): nothing is written into the repository unless asked.
 *
 * `npm run fuzz -- --replay FILE.json` reruns one reproducer's case and says what happens.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emptyStats, runFuzz, type FuzzFailure, type FuzzStats } from '../test/fuzz/driver';
import { fuzzSources } from '../test/fuzz/sources';
import { checkCliFix, checkDocumentProperties, fuzzProject } from '../test/fuzz/properties';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'max-seconds-per-mb': { type: 'string', default: '2' },
    'min-kb': { type: 'string', default: '256' },
    'max-count': { type: 'string', default: '200000' },
    'max-kb': { type: 'string', default: '4608' },
    'cli-every': { type: 'string', default: '10' },
    replay: { type: 'string' },
  },
});

async function replay(file: string): Promise<number> {
  const { path, text, message } = JSON.parse(readFileSync(file, 'utf8')) as { path: string; text: string; message: string };
  console.log(`replaying ${file}: ${path}, ${text.length} characters; reported: ${message}`);
  const project = fuzzProject(fuzzSources().workspace);
  const cpu = process.cpuUsage();
  try {
    const measure = await checkDocumentProperties(project, path, text);
    const used = process.cpuUsage(cpu);
    console.log(`check and fix-all: ${measure.findings} findings, ${measure.fixRounds} fix rounds, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (${measure.bytes} bytes)`);
    await checkCliFix(path, text);
    console.log('govmd check --fix: as fix-all');
    return 0;
  } catch (error) {
    console.log(`fails: ${(error as Error).stack}`);
    return 1;
  }
}

function line(stats: FuzzStats): string {
  const worst = stats.maxCpuSecondsPerMbCase;
  return `${stats.cases} cases, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB, largest ${(stats.largestBytes / 1024).toFixed(0)} KB; max ${stats.maxCpuSecondsPerMb.toFixed(2)} s CPU per MB` +
    (worst ? ` (${(worst.bytes / 1024).toFixed(0)} KB in ${(worst.cpuMs / 1000).toFixed(2)} s)` : '') + `; slowest case ${(stats.maxCpuMs / 1000).toFixed(2)} s CPU; ${stats.slow.length} over the bound; govmd check --fix on ${stats.cliRuns}`;
}

async function fuzz(): Promise<number> {
  const minutes = Number(values.minutes);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const outDir = resolve(values.out ?? join(tmpdir(), `govmd-fuzz-${seed}`));
  const bound = Number(values['max-seconds-per-mb']);
  console.log(`govmd fuzz: seed ${seed}, ${minutes} minutes, reproducers in ${outDir}`);
  const deadline = Date.now() + minutes * 60_000;
  const stats = emptyStats();
  const failures: FuzzFailure[] = [];
  // A failure ends a fast-check run (after shrinking it): the next run starts from the next seed.
  for (let run = 0; Date.now() < deadline - 5_000; run++) {
    const report = await runFuzz({
      seed: seed + run,
      numRuns: 1_000_000_000,
      minutes: (deadline - Date.now()) / 60_000,
      maxCount: Number(values['max-count']),
      maxMutations: 12,
      maxLength: Number(values['max-kb']) * 1024,
      cliEvery: Number(values['cli-every']),
      hangSeconds: 120,
      outDir,
      slowCpuSecondsPerMb: bound,
      minBytesForRate: Number(values['min-kb']) * 1024,
      onProgress: (current) => console.log(`  ${line(current)}`),
      progressSeconds: 60,
    }, stats);
    for (const failure of report.failures) {
      failures.push(failure);
      console.log(`FAILURE ${failure.kind} (seed ${failure.seed}): ${failure.message}\n  reproducer: ${failure.reproducer ?? '(none)'}`);
    }
  }
  console.log(`done: ${line(stats)}`);
  for (const slow of stats.slow.slice(0, 10)) {
    console.log(`  slow: ${slow.path}, ${(slow.bytes / 1024).toFixed(0)} KB, ${(slow.cpuMs / 1000).toFixed(2)} s CPU = ${slow.cpuSecondsPerMb.toFixed(2)} s/MB (seed ${slow.seed}, case ${slow.index})${slow.reproducer ? `: ${slow.reproducer}` : ''}`);
  }
  console.log(`${failures.length} failures${failures.length ? ':' : ''}`);
  for (const failure of failures) console.log(`  ${failure.kind}: ${failure.message} — ${failure.reproducer ?? ''}`);
  return failures.length > 0 ? 1 : 0;
}

(values.replay ? replay(resolve(values.replay)) : fuzz()).then((code) => {
  process.exitCode = code;
});
