// Bundles the three hosts with esbuild: each is one CommonJS file with its dependencies inside,
// so the .vsix ships no node_modules and `npx govmd` starts without a loader.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', define: { GOVMD_VERSION: JSON.stringify(version) }, write: false };
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
    .map(async (target) => {
      for (const file of (await build({ ...common, ...target })).outputFiles) writeFileSync(file.path, asciiOnly(file.text));
    }),
);

/**
 * The bundle with every character past ASCII written as a `\u` escape. V8 keeps a script's source
 * for as long as the script lives, as one string, and one character past Latin-1 makes the whole
 * string two bytes a character: esbuild escapes strings, but not comments or regular expression
 * literals (`/[’']s\b/`), so the CLI's 1.5 MB bundle was held as 3 MB. A `\u` escape means the same
 * character in a regular expression, with or without the `u` flag, and nothing in a comment.
 */
function asciiOnly(code) {
  // After a backslash the character is an escape of its own (`/\’/`), which a `\u` would change.
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error('a backslash before a character past ASCII: escape it in the source');
  return code.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
