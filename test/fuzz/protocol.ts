import type { FuzzCase } from './cases';

/** What the driver asks of one fuzzing process. */
export interface FuzzOptions {
  seed: number;
  /** Cases to run; with `minutes`, the most to run in that time. */
  numRuns: number;
  minutes?: number;
  /** The largest count a repeating mutation draws (how large a generated document grows). */
  maxCount: number;
  maxMutations: number;
  /** The longest document generated, in characters. */
  maxLength: number;
  /** Every how many cases `govmd check --fix` itself runs on the file (0: never). */
  cliEvery: number;
}

export type ChildMessage =
  | { type: 'case'; index: number; fuzzCase: FuzzCase }
  | { type: 'measure'; index: number; path: string; bytes: number; cpuMs: number; checkMs: number; fixMs: number; fixRounds: number }
  | { type: 'failure'; fuzzCase: FuzzCase; text: string; message: string; stack: string; path: string; shrinks: number }
  | { type: 'done'; cases: number; runs: number }
  | { type: 'crash'; message: string };
