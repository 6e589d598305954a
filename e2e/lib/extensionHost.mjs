// Runs the mocha suites inside code-server's real extension host. The browser workbench reads
// extensionDevelopmentPath / extensionTestsPath from its `payload` query parameter (as VS Code's
// own browser integration tests do) when code-server runs with `enable-smoke-test-driver`, and
// calls window.codeAutomationExit(code) when the runner's run() settles; the extension host's
// console (mocha's reporter) arrives through window.codeAutomationLog.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';

// The workbench's own chatter on a machine without network (gallery, GitHub sign-in, sockets).
const NOISE = /^(\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|Creation of workbench contribution|Timed out waiting for authentication provider|getaddrinfo ENOTFOUND)/;

export async function runExtensionTests({ playwright, url, workspace, extensionPath, testsPath, outDir, timeoutMs = 600_000 }) {
  mkdirSync(outDir, { recursive: true });
  const authority = new URL(url).host; // code-server's remote authority is the page's host:port
  const remote = (path) => `vscode-remote://${authority}${resolve(path)}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ]);
  const browser = await launchBrowser(playwright);
  const { page } = browser;
  const pageLog = [];
  let summary;
  page.on('console', (m) => pageLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => pageLog.push(`[pageerror] ${e.message}`));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...args);
    pageLog.push(`[exthost ${type}] ${line}`);
    if (NOISE.test(line)) return;
    if (/^\d+ passed, \d+ failed$/.test(line.trim())) summary = line.trim();
    for (const l of line.split('\n')) console.log(`  | ${l}`);
  });
  const done = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve({ code })));
  const timer = new Promise((resolve) => setTimeout(() => resolve({ code: 124, timedOut: true }), timeoutMs));
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const { code, timedOut } = await Promise.race([done, timer]);
    await page.screenshot({ path: join(outDir, 'after-extension-tests.png') }).catch(() => {});
    writeFileSync(join(outDir, 'extension-host-console.log'), pageLog.join('\n') + '\n');
    if (timedOut) console.log(`extension tests did not finish within ${timeoutMs / 1000} s`);
    return { code, summary };
  } finally {
    await browser.close();
  }
}
