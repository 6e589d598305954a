import { setFlagsFromString } from 'node:v8';

/**
 * Makes V8's optimizing compiler do less: inline at most 200 bytes of bytecode into each function
 * it optimizes (its default: 920), and, on Node 20's V8, let a function run about twice as long
 * before it is optimized.
 *
 * A cold check runs a few large functions (the link scanner, the Markdown tree builder, the rule
 * checks) over documents of ever new shapes. Each new shape throws away a function's optimized
 * code, with every helper inlined into it, and the compiler builds it again: on cncf/toc it
 * compiled `scanLinkChunk` 11 times, 40–90 ms each (`--trace-opt`), 3 CPU-seconds of compiling
 * in all. On a machine of two cores that compiler thread takes the time of the one that reads.
 * `govmd check` of cncf/toc: 1.77 → 1.49 s, 3.0 → 2.3 CPU-s with the inlining limit; then
 * 1.45 → 1.36 s, 2.27 → 2.05 CPU-s with the later start (farm-bench, interleaved, medians).
 * 10,000 generated files: 4.1 → 3.9 s, then no change. Less inlining (100) or none at all was no
 * faster and held more memory on 10,000 files; a start later still (250,000) was no faster.
 * Set before the first check: V8 reads both at each compilation.
 */
export function compileLess(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
  // V8 12 and later count the runs before each tier under other names (and print an error for this one).
  if (Number(process.versions.v8.split('.')[0]) === 11) setFlagsFromString('--interrupt-budget=150000');
}

/**
 * Lets V8 grow its old generation by at most `percent` past what its last full collection kept. V8
 * grows it up to fourfold in a run that collects little (`--trace-gc`: 59 MB kept, the next full
 * collection at 262 MB); what a check makes and drops — the facts of each file read — then stays
 * in memory to the end.
 */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * The CLI's settings, set by `run` and, before the bundle is compiled, by its launcher (cliLaunch.ts):
 * V8 uses a code cache only under the flags it was made with, and these are set again with the
 * same values. A run holds what it reads for its length; by default V8 let 10,000 generated
 * files' heap reach 4× what a full collection keeps. At most 35% more: peak RSS of cncf/toc
 * 153 -> ~140 MB and of 10,000 files 385 -> 283 MB, at the same time (50%: 294 MB; 25%: 277 MB, +6% time).
 */
export function tuneForCli(): void {
  compileLess();
  limitHeapGrowth(35);
}
