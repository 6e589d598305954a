// Bundles the three hosts with esbuild: each is one CommonJS file with its dependencies inside,
// so the .vsix ships no node_modules and `npx govmd` starts without a loader.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
// Build-time only: tells comments and regular expressions apart from the rest of a bundle (asciiOnly).
import { tokenizer } from 'acorn';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', define: { GOVMD_VERSION: JSON.stringify(version) }, write: false };
const targets = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  // bin/govmd.js: V8's settings, then the CLI from its code cache (made below).
  { entryPoints: ['server/src/cliLaunch.ts'], outfile: 'server/out/cliLaunch.js' },
  // `govmd check --jobs`: the CLI starts it as a worker thread, from beside its own bundle.
  { entryPoints: ['server/src/host/parseWorker.ts'], outfile: 'server/out/parseWorker.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];
const selected = process.argv.slice(2);
const built = targets.filter((t) => selected.length === 0 || selected.some((name) => t.outfile.includes(name)));
await Promise.all(
  built.map(async (target) => {
    for (const file of (await build({ ...common, ...target })).outputFiles) {
      // Written here, not by esbuild: in a fresh clone the out/ folders do not exist yet.
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, asciiOnly(file.text));
    }
  }),
);

// The code V8 compiles for the CLI while it checks the test fixtures, kept beside the bundle: a
// `govmd` run then compiles none of it again (host/codeCache.ts). Made in a process of its own,
// with the CLI's V8 settings set before its bundle is compiled, as bin/govmd.js sets them.
// Without the launcher (a fresh clone's build of cli.js alone) the old cache, which no longer matches the bundle, is left unused.
if (built.some((target) => target.outfile === 'server/out/cli.js') && existsSync('server/out/cliLaunch.js')) {
  execFileSync(process.execPath, ['-e', "require('./server/out/cliLaunch.js').writeCliCodeCache('test/fixtures')"], { stdio: 'inherit' });
}

/**
 * The bundle with every character past ASCII in a comment or a regular expression literal written
 * as a `\u` escape. V8 keeps a script's source as one string for the script's life, and one
 * character past Latin-1 makes all of it two bytes a character: esbuild escapes strings and
 * templates, not comments or regular expressions (`/[’']s\b/`), and the CLI's 1.5 MB bundle was
 * held as 3 MB. There an escape means the same character (with or without the `u` flag) or
 * nothing at all; anywhere else — a tagged template's raw text, after a backslash — it could
 * change what the code does, and the build stops instead.
 */
function asciiOnly(code) {
  const rewritable = [];
  const tokens = tokenizer(code, { ecmaVersion: 'latest', onComment: (_block, _text, start, end) => rewritable.push({ start, end, regexp: false }) });
  for (const token of tokens) if (token.type.label === 'regexp') rewritable.push({ start: token.start, end: token.end, regexp: true });
  rewritable.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, regexp } of rewritable) {
    out += code.slice(at, start) + code.slice(start, end).replace(regexp ? /\\?[^\x00-\x7f]/g : /[^\x00-\x7f]/g, escapeAscii);
    at = end;
  }
  out += code.slice(at);
  const left = /[^\x00-\x7f]/.exec(out);
  if (left) throw new Error(`a character past ASCII outside a comment or regular expression, at ${left.index}: ${JSON.stringify(out.slice(left.index - 40, left.index + 40))}`);
  return out;
}

function escapeAscii(found) {
  if (found.length === 2) throw new Error(`a regular expression with a backslash before a character past ASCII (${JSON.stringify(found)}): write it as \\u in the source`);
  return `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
