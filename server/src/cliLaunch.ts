import * as nodePath from 'node:path';
import { loadBundle, writeCodeCache } from './host/codeCache';
import { tuneForCli } from './host/v8Tuning';
import type * as Cli from './cli';

/** The CLI's bundle, beside this launcher's. */
const CLI_BUNDLE = nodePath.join(__dirname, 'cli.js');

/**
 * `govmd` (bin/govmd.js): V8's settings for the CLI, then the CLI's bundle, compiled from the code
 * cache its build made. Compiling the 1.5 MB bundle, and then each function a check runs, was
 * about 5% of a cold check of cncf/toc (farm-bench, 15 interleaved runs against the build without
 * it: median ratio 0.947).
 */
export function launchCli(): void {
  tuneForCli();
  (loadBundle(CLI_BUNDLE).exports as unknown as typeof Cli).run();
}

/**
 * Made by the build (scripts/build.mjs): the CLI checks a folder once, as `govmd` would with the
 * same settings, and the code V8 compiled for the bundle on the way is written beside it.
 */
export async function writeCliCodeCache(folder: string): Promise<void> {
  tuneForCli();
  const { exports, script } = loadBundle(CLI_BUNDLE, { cache: false });
  const quiet = () => undefined;
  await (exports as unknown as typeof Cli).main(['check', folder, '--jobs', '1', '--format', 'json'], { cwd: process.cwd(), out: quiet, err: quiet });
  writeCodeCache(CLI_BUNDLE, script);
}
