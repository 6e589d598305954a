// One code-server (VS Code 1.139's workbench and its real Node extension host, served on
// 127.0.0.1) per run, with its own user data, extensions and XDG folders inside the run folder.
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, run, startDetached, stopProcess } from './proc.mjs';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.confirmBeforeClose': 'never',
  // In a browser VS Code saves edits after a second by default; desktop VS Code does not. Off,
  // as on the desktop: a suite's edits stay in the editor until it reverts them.
  'files.autoSave': 'off',
  // For the screenshots: no empty chat side bar, no sticky headings over the first lines.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.stickyScroll.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on `workspace` with the .vsix installed through its own CLI (the code path
 * of `code --install-extension`). Returns { url, extensionPath, stop }.
 */
export async function startCodeServer({ tools, runDir, workspace, vsix, extraArgs = [], env = {} }) {
  rmSync(runDir, { recursive: true, force: true });
  const userData = join(runDir, 'user-data');
  const extensions = join(runDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // code-server writes config.yaml and state under XDG_*, VS Code its machine id under ~/.cache.
  const csEnv = {
    PATH: `${tools.node24Bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
    XDG_STATE_HOME: join(runDir, 'xdg', 'state'),
    ...env,
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  await run(tools.codeServer, [...common, '--install-extension', vsix], { env: csEnv, quiet: true, timeoutMs: 120_000 });
  const installed = readdirSync(extensions).find((name) => name.startsWith('governance-markdown.governance-markdown-'));
  if (!installed) throw new Error(`code-server --install-extension ${vsix} left no governance-markdown folder in ${extensions}`);

  const port = await freePort();
  const logFile = join(runDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const child = startDetached(tools.codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...extraArgs, workspace,
  ], { env: csEnv, stdio: ['ignore', out, out] });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it answered; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() - started > 60_000) throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`code-server up on ${url} (pid ${child.pid}) in ${Date.now() - started} ms; log ${logFile}`);
  return {
    url,
    pid: child.pid,
    extensionPath: join(extensions, installed),
    logFile,
    stop: () => stopProcess(child),
  };
}

export function hasCodeServer(tools) {
  return existsSync(tools.codeServer);
}
