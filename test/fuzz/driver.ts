import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseText, type FuzzCase } from './cases';
import { fuzzSources } from './sources';
import type { ChildMessage, FuzzOptions } from './protocol';

export interface RunOptions extends FuzzOptions {
  /** A case that sends nothing for this long is a hang: its process is stopped and the case reported. */
  hangSeconds: number;
  /** Where reproducers are written (never the repository unless asked). */
  outDir: string;
  /** Called about every `progressSeconds` while the run goes on. */
  onProgress?: (stats: FuzzStats) => void;
  progressSeconds?: number;
  /**
   * CPU seconds per MB of document above which a case is reported as slow (with a reproducer;
   * the run goes on). Smaller documents count as `minBytesForRate`: fixed costs are not per byte.
   * npm test gives none: it never judges time.
   */
  slowCpuSecondsPerMb?: number;
  minBytesForRate?: number;
  /** Reproducers written for slow cases at most. */
  maxSlowReproducers?: number;
}

export interface SlowCase {
  seed: number;
  index: number;
  path: string;
  bytes: number;
  cpuMs: number;
  cpuSecondsPerMb: number;
  reproducer?: string;
}

export interface FuzzFailure {
  kind: 'property' | 'hang' | 'crash';
  seed: number;
  message: string;
  fuzzCase?: FuzzCase;
  /** The JSON file that holds the case and its exact text (lone surrogates included). */
  reproducer?: string;
}

export interface FuzzStats {
  cases: number;
  bytes: number;
  largestBytes: number;
  /** The highest CPU seconds per MB among documents of at least `minBytesForRate`. */
  maxCpuSecondsPerMb: number;
  maxCpuSecondsPerMbCase?: { index: number; path: string; bytes: number; cpuMs: number };
  /** The most CPU one case took, whatever its size. */
  maxCpuMs: number;
  maxFixRounds: number;
  cliRuns: number;
  /** Cases over `slowCpuSecondsPerMb`, worst first. */
  slow: SlowCase[];
}

export interface FuzzReport extends FuzzStats {
  seed: number;
  failures: FuzzFailure[];
}

const CHILD = join(__dirname, 'child.ts');

/** One fuzzing process from `options.seed` until its runs, its minutes or a failure end it. */
export function runFuzz(options: RunOptions, stats: FuzzStats = emptyStats()): Promise<FuzzReport> {
  const { hangSeconds, outDir, onProgress, progressSeconds, slowCpuSecondsPerMb, minBytesForRate, maxSlowReproducers, ...childOptions } = options;
  const failures: FuzzFailure[] = [];
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let current: FuzzCase | undefined;
  let lastHeard = Date.now();
  let hung = false;
  const rateFloor = minBytesForRate ?? 0;
  const cases = new Map<number, FuzzCase>();

  child.on('message', (message: ChildMessage) => {
    lastHeard = Date.now();
    switch (message.type) {
      case 'case':
        current = message.fuzzCase;
        cases.clear();
        cases.set(message.index, message.fuzzCase);
        break;
      case 'measure': {
        stats.cases++;
        stats.bytes += message.bytes;
        stats.largestBytes = Math.max(stats.largestBytes, message.bytes);
        stats.maxCpuMs = Math.max(stats.maxCpuMs, message.cpuMs);
        stats.maxFixRounds = Math.max(stats.maxFixRounds, message.fixRounds);
        if (options.cliEvery > 0 && message.index % options.cliEvery === 0) stats.cliRuns++;
        const rate = message.cpuMs / 1000 / (Math.max(message.bytes, rateFloor) / 1024 / 1024);
        if (message.bytes >= rateFloor && rate > stats.maxCpuSecondsPerMb) {
          stats.maxCpuSecondsPerMb = rate;
          stats.maxCpuSecondsPerMbCase = { index: message.index, path: message.path, bytes: message.bytes, cpuMs: message.cpuMs };
        }
        if (slowCpuSecondsPerMb !== undefined && rate > slowCpuSecondsPerMb) {
          const fuzzCase = cases.get(message.index);
          const slow: SlowCase = { seed: options.seed, index: message.index, path: message.path, bytes: message.bytes, cpuMs: message.cpuMs, cpuSecondsPerMb: rate };
          // Reproducers are kept for the worst cases, not the first ones found.
          const kept = stats.slow.filter((other) => other.reproducer);
          const mildest = kept[kept.length - 1];
          if (fuzzCase && (kept.length < (maxSlowReproducers ?? 20) || (mildest && rate > mildest.cpuSecondsPerMb))) {
            if (kept.length >= (maxSlowReproducers ?? 20) && mildest) dropReproducer(mildest);
            slow.reproducer = reproduce(outDir, options.maxLength, options.seed, 'slow', `${(message.cpuMs / 1000).toFixed(2)} s of CPU for ${(message.bytes / 1024).toFixed(0)} KB`, fuzzCase);
          }
          stats.slow.push(slow);
          stats.slow.sort((a, b) => b.cpuSecondsPerMb - a.cpuSecondsPerMb);
        }
        break;
      }
      case 'failure':
        failures.push({ kind: 'property', seed: options.seed, message: message.message, fuzzCase: message.fuzzCase, reproducer: writeReproducer(outDir, options.seed, 'property', message.message, message.fuzzCase, message.text, message.stack) });
        break;
      case 'crash':
        failures.push({ kind: 'crash', seed: options.seed, message: message.message, fuzzCase: current, reproducer: current && reproduce(outDir, options.maxLength, options.seed, 'crash', message.message, current) });
        break;
      case 'done':
        break;
    }
  });
  child.send(childOptions);

  let lastProgress = Date.now();
  const watchdog = setInterval(() => {
    if (Date.now() - lastHeard > hangSeconds * 1000) {
      hung = true;
      child.kill('SIGKILL');
    }
    if (onProgress && Date.now() - lastProgress > (progressSeconds ?? 60) * 1000) {
      lastProgress = Date.now();
      onProgress(stats);
    }
  }, 1000);

  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (hung) {
        const message = `no answer for ${hangSeconds} s: the case hangs (or is far too slow)`;
        failures.push({ kind: 'hang', seed: options.seed, message, fuzzCase: current, reproducer: current && reproduce(outDir, options.maxLength, options.seed, 'hang', message, current) });
      } else if (code !== 0 && failures.length === 0) {
        const message = `the fuzzing process ended with ${signal ?? `exit code ${code}`} (out of memory or a stack overflow past the engine's guard)`;
        failures.push({ kind: 'crash', seed: options.seed, message, fuzzCase: current, reproducer: current && reproduce(outDir, options.maxLength, options.seed, 'crash', message, current) });
      }
      resolve({ ...stats, seed: options.seed, failures });
    });
  });
}

export function emptyStats(): FuzzStats {
  return { cases: 0, bytes: 0, largestBytes: 0, maxCpuSecondsPerMb: 0, maxCpuMs: 0, maxFixRounds: 0, cliRuns: 0, slow: [] };
}

function dropReproducer(slow: SlowCase): void {
  for (const file of [slow.reproducer!, slow.reproducer!.replace(/\.json$/, '.md')]) rmSync(file, { force: true });
  delete slow.reproducer;
}

function reproduce(outDir: string, maxLength: number, seed: number, kind: string, message: string, fuzzCase: FuzzCase): string {
  return writeReproducer(outDir, seed, kind, message, fuzzCase, caseText(fuzzCase, fuzzSources().texts, maxLength), '');
}

/**
 * The case and its text as JSON (which keeps lone surrogates and every line break as they are),
 * and the text beside it as a Markdown file to open. `npm run fuzz -- --replay FILE` reruns it.
 */
function writeReproducer(outDir: string, seed: number, kind: string, message: string, fuzzCase: FuzzCase, text: string, stack: string): string {
  mkdirSync(outDir, { recursive: true });
  const name = `govmd-fuzz-${seed}-${kind}-${Date.now().toString(36)}`;
  const file = join(outDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ seed, kind, message, path: fuzzCase.path, fuzzCase, text, stack }, null, 2)}\n`);
  writeFileSync(join(outDir, `${name}.md`), text);
  return file;
}
