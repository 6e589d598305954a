// Neovim's built-in LSP client against `node server/out/server.js --stdio`: the seed DD's
// diagnostics, then the same after an edit, each compared with `govmd check`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cliFindings, keyOf } from './cli.mjs';
import { makeWorkspace, SEED_DD } from './workspace.mjs';
import { cleanEnv } from './proc.mjs';

export async function runNeovim({ repo, runDir, server = join(repo, 'server', 'out', 'server.js') }) {
  rmSync(runDir, { recursive: true, force: true });
  const ws = makeWorkspace(repo, join(runDir, 'ws'));
  const before = cliFindings(repo, ws, [SEED_DD]);
  const first = before.filter((f) => f.code === 'unchecked-criterion').sort((a, b) => a.line - b.line)[0];
  if (!first) throw new Error('the seed DD has no open criterion to tick');
  const edit = { line: first.line - 1, col: first.column - 1 };

  // The same edit on a copy, checked by the CLI: what Neovim must show after the edit.
  const edited = join(runDir, 'ws-edited');
  cpSync(ws, edited, { recursive: true });
  const lines = readFileSync(join(edited, SEED_DD), 'utf8').split('\n');
  if (lines[edit.line].slice(edit.col, edit.col + 3) !== '[ ]') throw new Error(`no "[ ]" at ${SEED_DD}:${first.line}:${first.column}`);
  lines[edit.line] = lines[edit.line].slice(0, edit.col) + '[x]' + lines[edit.line].slice(edit.col + 3);
  writeFileSync(join(edited, SEED_DD), lines.join('\n'));
  const after = cliFindings(repo, edited, [SEED_DD]);

  const expectedFile = join(runDir, 'expected.json');
  writeFileSync(expectedFile, JSON.stringify({ file: SEED_DD, before: before.map(keyOf), after: after.map(keyOf), edit }));
  const report = join(runDir, 'nvim-report.json');
  const xdg = join(runDir, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const env = cleanEnv({
    GOVMD_SERVER: server, E2E_EXPECTED: expectedFile, E2E_NVIM_OUT: report,
    // nvim writes its log, lsp.log and shada under XDG_*: keep them in the run folder.
    XDG_CONFIG_HOME: join(xdg, 'config'), XDG_DATA_HOME: join(xdg, 'data'), XDG_CACHE_HOME: join(xdg, 'cache'), XDG_STATE_HOME: join(xdg, 'state'),
  });
  const code = await new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(repo, 'e2e', 'nvim', 'init.lua'), SEED_DD], { cwd: ws, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (status) => { clearTimeout(timer); resolve(status ?? 1); });
  });
  process.stdout.write('\n'); // Neovim's own last message may lack one
  let result = {};
  try { result = JSON.parse(readFileSync(report, 'utf8')); } catch { /* nvim died before writing it */ }
  // Two checks: the first diagnostics, and the diagnostics after the edit.
  const passed = (result.first_match_ms !== undefined ? 1 : 0) + (result.ok ? 1 : 0);
  return { code, report, passed, failed: 2 - passed };
}
