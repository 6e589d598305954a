import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const GOVMD = join(REPO, 'bin', 'govmd.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `govmd` executable (the built bundle), as a user would. */
export function govmd(args: string[], options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [GOVMD, ...args], { encoding: 'utf8', cwd: REPO, timeout: 120_000, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** `govmd` as a process that runs beside others (spawnSync would make them take turns). */
export function govmdAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GOVMD, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One finding of `govmd check --format json`. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
}
