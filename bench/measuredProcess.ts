import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MeasuredRun {
  wallMs: number;
  /** The largest resident set the process reached, in MB (the kernel's own high-water mark). */
  peakRssMb: number | undefined;
  code: number | null;
  stdout: string;
  stderr: string;
}

// GNU time reports the child's ru_maxrss from wait4: exact, and nothing polls while the run goes.
const GNU_TIME = '/usr/bin/time';

/** Runs a command to its end as a whole process; its wall time and its peak RSS. */
export async function runMeasured(command: string, args: readonly string[], cwd: string): Promise<MeasuredRun> {
  return existsSync(GNU_TIME) ? runUnderGnuTime(command, args, cwd) : runPollingHighWaterMark(command, args, cwd);
}

async function runUnderGnuTime(command: string, args: readonly string[], cwd: string): Promise<MeasuredRun> {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-bench-time-'));
  const report = join(folder, 'maxrss');
  try {
    const run = await runToEnd(GNU_TIME, ['-f', '%M', '-o', report, command, ...args], cwd);
    const kilobytes = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
    return { ...run, peakRssMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Without GNU time: VmHWM only ever grows, so its last reading before the exit is the peak (to within one poll). */
async function runPollingHighWaterMark(command: string, args: readonly string[], cwd: string): Promise<MeasuredRun> {
  let peakKb: number | undefined;
  return runToEnd(command, args, cwd, (pid) => {
    const reading = statusField(pid, 'VmHWM');
    if (reading !== undefined) peakKb = Math.max(peakKb ?? 0, reading);
  }).then((run) => ({ ...run, peakRssMb: peakKb === undefined ? undefined : peakKb / 1024 }));
}

function runToEnd(command: string, args: readonly string[], cwd: string, poll?: (pid: number) => void): Promise<Omit<MeasuredRun, 'peakRssMb'>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = poll && child.pid ? setInterval(() => poll(child.pid!), 20) : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      resolve({ wallMs, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** A kB field of /proc/<pid>/status (VmRSS, VmHWM), or undefined once the process is gone. */
export function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
