// Bundles the three hosts with esbuild: each is one CommonJS file with its dependencies inside,
// so the .vsix ships no node_modules and `npx govmd` starts without a loader.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning' };
const targets = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
];
const selected = process.argv.slice(2);
await Promise.all(
  targets
    .filter((t) => selected.length === 0 || selected.some((name) => t.outfile.includes(name)))
    .map((target) => build({ ...common, ...target })),
);
