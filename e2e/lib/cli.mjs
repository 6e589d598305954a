// The reference every editor is held to: `govmd check --hints --format json` on the same workspace
// (the CLI leaves hint-level findings out unless asked; editors show them).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SEVERITY = ['error', 'warning', 'information', 'hint'];

export function cliFindings(repo, cwd, paths = ['.']) {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [join(repo, 'bin', 'govmd.js'), 'check', ...paths, '--hints', '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    if (error.status !== 1) throw new Error(`govmd check ${paths.join(' ')} exited with ${error.status}: ${error.stderr}`);
    stdout = error.stdout; // 1: findings at or above --fail-on, still a report
  }
  return JSON.parse(stdout);
}

/** `L14:5 placeholder warning`: line and column 1-based, as the CLI and the suites write them. */
export function keyOf(finding) {
  if (!SEVERITY.includes(finding.severity)) throw new Error(`unknown severity ${finding.severity}`);
  return `L${finding.line}:${finding.column} ${finding.code} ${finding.severity}`;
}

/** `govmd progress FILE --format json`: { required: { met, total }, suggested, areas }. */
export function cliProgress(repo, cwd, file) {
  const stdout = execFileSync(process.execPath, [join(repo, 'bin', 'govmd.js'), 'progress', file, '--format', 'json'], { cwd, encoding: 'utf8' });
  return JSON.parse(stdout);
}
