// Child processes for the end-to-end harness: a clean environment, output kept for a failure's
// report, and every long-lived process we start killed by its pid when the harness ends.
import { spawn } from 'node:child_process';

export function log(message) {
  const time = new Date().toTimeString().slice(0, 8);
  console.log(`[e2e ${time}] ${message}`);
}

/** Where npm fetches from: kept, so a cache or registry set for this run applies to the installs too. */
const NPM_KEEP = /^npm_config_(cache|registry|cafile|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl)$/i;

/**
 * process.env without what `npm run` adds (npm_config_local_prefix, npm_package_*, INIT_CWD …):
 * an `npm install` in a cache folder must not inherit the project's npm context.
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(key) && !NPM_KEEP.test(key)) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command to its end; rejects with its last output lines when it fails. */
export function run(command, args, { cwd, env = {}, quiet = false, timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const tail = output.trim().split('\n').slice(-25).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}${quiet && tail ? `:\n${tail}` : ''}`));
    });
  });
}

const started = new Set();

/** Starts a long-lived process; it is killed (by pid) when the harness exits, however it exits. */
export function startDetached(command, args, options) {
  const child = spawn(command, args, { ...options, env: cleanEnv(options.env), detached: false });
  started.add(child.pid);
  child.on('exit', () => started.delete(child.pid));
  return child;
}

export async function stopProcess(child, ms = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

function killStarted() {
  for (const pid of started) {
    try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}
process.on('exit', killStarted);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { killStarted(); process.exit(130); });
}
