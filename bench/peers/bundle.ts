import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The MLS peer as one CommonJS file, bundled the way govmd's CLI is (scripts/build.mjs), so both
 * start as plain `node FILE` with no loader in the measurement.
 */
export async function bundleMlsPeer(outputFolder: string): Promise<string> {
  const outfile = join(outputFolder, 'mls-workspace-check.js');
  await build({
    entryPoints: [join(__dirname, 'mlsWorkspaceCheck.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}
