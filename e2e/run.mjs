#!/usr/bin/env node
// npm run test:e2e — Governance Markdown in real editors:
//   1. the .vsix installed into a fresh code-server (VS Code 1.139), the mocha suites run inside
//      its real extension host;
//   2. the workbench driven in Chromium: the Problems panel, the status bar, the quick-fix menu,
//      screenshots for the README;
//   3. Neovim's built-in LSP client against the same server over --stdio.
// Tools are installed on first use into .e2e/tools (kept: a second run starts in seconds).
//
// usage: node e2e/run.mjs [--only neovim,extension-host,workbench] [--screenshots DIR]
// env:   E2E_ROOT (default .e2e), E2E_GREP (mocha grep for the extension-host suites)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { log, run } from './lib/proc.mjs';
import { ensureTools, importPlaywright } from './lib/tools.mjs';
import { startCodeServer } from './lib/codeServer.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { runExtensionTests } from './lib/extensionHost.mjs';
import { runNeovim } from './lib/neovim.mjs';
import { runWorkbench } from './lib/workbench.mjs';
import { CHROMIUM } from './lib/browser.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    screenshots: { type: 'string', default: join(repo, 'docs', 'images') },
  },
});
const root = resolve(process.env.E2E_ROOT ?? join(repo, '.e2e'));
const out = join(root, 'out');
mkdirSync(out, { recursive: true });
const vsix = join(repo, 'governance-markdown.vsix');
const only = options.only?.split(',').map((s) => s.trim());

const timings = [];
const failed = [];
// Tests and checks over all editors, for the closing `N passed, N failed` line.
const counts = { passed: 0, failed: 0 };
const count = (passed, failedCount) => { counts.passed += passed; counts.failed += failedCount; };
let tools;
let playwright;

/** A step that everything after it needs: its failure ends the run, named. */
async function prerequisite(name, body) {
  const start = Date.now();
  log(`▶ ${name}`);
  try {
    await body();
  } catch (error) {
    console.error(String(error?.stack ?? error));
    count(0, 1);
    finish(`step "${name}" failed`);
  }
  timings.push([name, Date.now() - start]);
}

/** A test step: its failure is named at the end; the other editors still run. */
async function testStep(name, body) {
  if (only && !only.includes(name)) return;
  const start = Date.now();
  log(`▶ ${name}`);
  const before = counts.passed + counts.failed;
  let ok = false;
  try {
    ok = await body();
  } catch (error) {
    console.error(String(error?.stack ?? error));
  }
  timings.push([name, Date.now() - start]);
  if (!ok) {
    failed.push(name);
    if (counts.passed + counts.failed === before) count(0, 1); // failed before it could count anything
  }
  log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
}

function finish(failure) {
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  console.log('\nend-to-end timings:');
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(16)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  console.log(`  ${'total'.padEnd(16)} ${(total / 1000).toFixed(1).padStart(6)} s`);
  console.log(failure ? `\nend-to-end FAILED — ${failure}` : '\nend-to-end: every step passed');
  console.log(`end-to-end: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(failure ? 1 : 0);
}

const needsVsCode = !only || only.some((s) => s !== 'neovim');

await prerequisite('system packages', async () => {
  const wanted = [];
  if (needsVsCode) wanted.push('chromium', 'fonts-noto-color-emoji'); // the emoji of the criterion hover, in the screenshots
  if (needsVsCode && !existsSync(join(root, 'tools', 'code-server', 'node_modules', '.bin', 'code-server'))) wanted.push('libkrb5-dev'); // code-server compiles its kerberos addon on install
  if (!only || only.includes('neovim')) wanted.push('neovim');
  const missing = wanted.filter((name) => !debianPackageInstalled(name));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${missing.join(' ')} (sudo apt-get install ${missing.join(' ')})`);
  log(`apt-get install ${missing.join(' ')}`);
  await run('apt-get', ['update', '-q'], { quiet: true });
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env: { DEBIAN_FRONTEND: 'noninteractive' }, quiet: true });
});

if (needsVsCode) {
  await prerequisite('tools', async () => {
    tools = await ensureTools(join(root, 'tools'));
    playwright = await importPlaywright(join(root, 'tools'));
  });
}

await prerequisite('package', async () => {
  await run('npm', ['run', 'package', '--silent'], { cwd: repo, quiet: true });
  if (!existsSync(vsix)) throw new Error(`npm run package made no ${vsix}`);
});

await prerequisite('compile suites', async () => {
  await run(process.execPath, [join(repo, 'e2e', 'build.mjs')], { cwd: repo });
});

await testStep('neovim', async () => {
  const result = await runNeovim({ repo, runDir: join(root, 'run', 'neovim') });
  count(result.passed, result.failed);
  return result.code === 0;
});

await testStep('extension-host', async () => {
  const runDir = join(root, 'run', 'extension-host');
  const workspace = makeWorkspace(repo, join(root, 'run', 'extension-host-ws'));
  const results = join(out, 'extension-tests.json');
  rmSync(results, { force: true });
  const server = await startCodeServer({
    tools, runDir, workspace, vsix,
    // A built workbench honours ?payload='s extension test entries only with this flag on.
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    // The extension host inherits code-server's environment.
    env: { E2E_TEST_OUT: results, GOVMD_REPO: repo, ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}) },
  });
  try {
    const { code, summary } = await runExtensionTests({
      playwright, url: server.url, workspace,
      // The extension as installed from the .vsix is the one under test.
      extensionPath: server.extensionPath,
      testsPath: join(repo, 'e2e', 'out', 'index.js'),
      outDir: join(out, 'extension-host'),
    });
    if (summary) console.log(summary);
    const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined;
    if (report) count(report.passed.length, report.failed.length);
    else count(0, 1);
    if (code !== 0) {
      for (const failure of report?.failed ?? []) console.log(`  ✘ ${failure.title}\n    ${failure.error.split('\n')[0]}`);
      if (!summary) console.log(`extension tests ended with code ${code} before mocha reported (see ${server.logFile})`);
    }
    return code === 0;
  } finally {
    await server.stop();
  }
});

await testStep('workbench', async () => {
  const runDir = join(root, 'run', 'workbench');
  const workspace = makeWorkspace(repo, join(root, 'run', 'workbench-ws'));
  const server = await startCodeServer({ tools, runDir, workspace, vsix });
  try {
    const checks = await runWorkbench({ playwright, repo, url: server.url, workspace, outDir: join(out, 'workbench'), screenshots: options.screenshots });
    const passed = checks.filter((c) => c.ok).length;
    count(passed, checks.length - passed);
    console.log(`workbench: ${passed} passed, ${checks.length - passed} failed`);
    return checks.length > 0 && passed === checks.length;
  } finally {
    await server.stop();
  }
});

finish(failed.length ? `failing step${failed.length > 1 ? 's' : ''}: ${failed.join(', ')}` : undefined);

function debianPackageInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}
