/**
 * The fuzzing process: runs the properties over generated cases and tells its parent (driver.ts)
 * about each case before it runs, so that a case that hangs is known when the parent stops it.
 */
import fc from 'fast-check';
import { fuzzSources } from './sources';
import { caseText, fuzzCase, PATHS, type FuzzCase } from './cases';
import { checkCliFix, checkDocumentProperties, fuzzProject, PropertyFailure } from './properties';
import type { ChildMessage, FuzzOptions } from './protocol';

function send(message: ChildMessage): void {
  process.send!(message);
}

/** CPU milliseconds this process spent since `from` (the check runs here alone, whatever else the machine does). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

async function run(options: FuzzOptions): Promise<void> {
  const sources = fuzzSources();
  const project = fuzzProject(sources.workspace);
  // Each path's first check gathers the workspace's facts once; that is not the document's work.
  for (const path of PATHS) await checkDocumentProperties(project, path, '# Warm up\n\nTODO: x\n');

  let index = 0;
  const property = async (fuzz: FuzzCase) => {
    const current = index++;
    send({ type: 'case', index: current, fuzzCase: fuzz });
    const text = caseText(fuzz, sources.texts, options.maxLength);
    const cpu = process.cpuUsage();
    const measure = await checkDocumentProperties(project, fuzz.path, text);
    const cpuMs = cpuSince(cpu);
    send({ type: 'measure', index: current, path: fuzz.path, bytes: measure.bytes, cpuMs, checkMs: measure.checkMs, fixMs: measure.fixMs, fixRounds: measure.fixRounds });
    if (options.cliEvery > 0 && current % options.cliEvery === 0) await checkCliFix(fuzz.path, text);
  };

  const result = await fc.check(fc.asyncProperty(fuzzCase({ sources: sources.texts.length, maxCount: options.maxCount, maxMutations: options.maxMutations }), property), {
    seed: options.seed,
    numRuns: options.numRuns,
    ...(options.minutes ? { interruptAfterTimeLimit: options.minutes * 60_000, markInterruptAsFailure: false } : {}),
  });
  if (result.failed && result.counterexample) {
    const [fuzz] = result.counterexample;
    const error = result.errorInstance as Error | undefined;
    send({
      type: 'failure',
      fuzzCase: fuzz,
      text: caseText(fuzz, sources.texts, options.maxLength),
      message: error instanceof PropertyFailure ? error.message : `${error?.name ?? 'Error'}: ${error?.message ?? String(result.errorInstance)}`,
      stack: error?.stack ?? '',
      path: result.counterexamplePath ?? '',
      shrinks: result.numShrinks,
    });
  }
  send({ type: 'done', cases: index, runs: result.numRuns });
}

process.once('message', (options: FuzzOptions) => {
  run(options).then(
    () => process.disconnect(),
    (error) => {
      send({ type: 'crash', message: String((error as Error)?.stack ?? error) });
      process.disconnect();
    },
  );
});
