// Compiles the extension-host suites (e2e/suite/*.ts) to CommonJS in e2e/out/: one file per
// suite plus the runner. `vscode` comes from the extension host, mocha from node_modules.
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const suite = new URL('./suite/', import.meta.url);
const entryPoints = readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => new URL(f, suite).pathname);
await build({
  entryPoints,
  outdir: new URL('./out/', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
