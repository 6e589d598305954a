#!/usr/bin/env node
// npm run test:vscode — the extension-host suites of e2e/suite under @vscode/test-electron, in the
// desktop VS Code build named by VSCODE_EXECUTABLE_PATH. VS Code's own downloads are unreachable
// from the machines this project is built on, so without that variable nothing is run (and
// `npm run test:e2e` runs the very same suites in code-server's extension host).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/proc.mjs';
import { makeWorkspace } from './lib/workspace.mjs';

const executable = process.env.VSCODE_EXECUTABLE_PATH;
if (!executable) {
  console.log('test:vscode: not run — set VSCODE_EXECUTABLE_PATH to a VS Code build (npm run test:e2e runs the same suites in code-server)');
  process.exit(0);
}

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = resolve(process.env.E2E_ROOT ?? join(repo, '.e2e'));
const { runTests } = await import('@vscode/test-electron');
await run('npm', ['run', 'build', '--silent'], { cwd: repo });
await run(process.execPath, [join(repo, 'e2e', 'build.mjs')], { cwd: repo });
const workspace = makeWorkspace(repo, join(root, 'run', 'vscode-ws'));
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'e2e', 'out', 'index.js'),
    extensionTestsEnv: { GOVMD_REPO: repo, ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}) },
    launchArgs: [
      workspace,
      '--disable-extensions', // every extension but the one under development
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(root, 'run', 'vscode-user-data')}`,
    ],
  });
} catch (error) {
  console.error(`test:vscode: the extension tests failed in ${executable}: ${error?.message ?? error}`);
  process.exit(1);
}
