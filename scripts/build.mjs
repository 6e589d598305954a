// Bundles the three hosts with esbuild: each is one CommonJS file with its dependencies inside,
// so the .vsix ships no node_modules and `npx govmd` starts without a loader.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', define: { GOVMD_VERSION: JSON.stringify(version) } };
const targets = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  // `govmd check --jobs`: the CLI starts it as a worker thread, from beside its own bundle.
  { entryPoints: ['server/src/host/parseWorker.ts'], outfile: 'server/out/parseWorker.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];
const selected = process.argv.slice(2);
await Promise.all(
  targets
    .filter((t) => selected.length === 0 || selected.some((name) => t.outfile.includes(name)))
    .map((target) => build({ ...common, ...target })),
);
