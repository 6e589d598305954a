// The `$govmd` problem matcher (package.json) against what `govmd check` really prints: every
// finding line is matched into the file, line, column, severity, code and message the JSON report
// gives, and nothing else (the summary, the errors on stderr) is taken for a finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd, REPO } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

interface Matcher {
  name: string;
  owner: string;
  severity: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const matcher: Matcher = manifest.contributes.problemMatchers.find((m: Matcher) => m.name === 'govmd');

interface Matched { file: string; line: number; column: number; severity: string; message: string; code: string }

function match(line: string): Matched | undefined {
  const m = new RegExp(matcher.pattern.regexp).exec(line);
  if (!m) return undefined;
  const p = matcher.pattern;
  return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], message: m[p.message], code: m[p.code] };
}

test('$govmd reads every finding line of govmd check, as the JSON report has it, and nothing else', () => {
  const text = govmd(['check', '.'], { cwd: FIXTURES });
  const json = JSON.parse(govmd(['check', '.', '--format', 'json'], { cwd: FIXTURES }).stdout);
  assert.ok(json.length > 50, `${json.length} findings`);
  const lines = text.stdout.trimEnd().split('\n');
  const matched = lines.map(match);
  // The summary line is no finding.
  assert.equal(matched[matched.length - 1], undefined, lines[lines.length - 1]);
  assert.deepEqual(matched.slice(0, -1), json.map((f: Matched) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, message: f.message, code: f.code })));
  // Codes, severities and messages with brackets, quotes and colons of their own come through whole.
  assert.ok(json.some((f: Matched) => /[[\]:"]/.test(f.message)));
  const severities = new Set(json.map((f: Matched) => f.severity));
  for (const severity of ['error', 'warning', 'information']) assert.ok(severities.has(severity), severity);
});

test('$govmd: a message ending in brackets keeps them; stderr lines and the clean summary are not findings', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-matcher-'));
  writeFileSync(join(folder, 'notes.md'), '# Notes\n\nSee [the guide][guide] and [x][y] [z].\n\nTODO: fix [this] [later]\n');
  writeFileSync(join(folder, 'bad.md'), Buffer.from([0x00, 0x01, 0xff, 0xfe]));
  const run = govmd(['check', '.', '--fail-on', 'none'], { cwd: folder });
  const findings = run.stdout.trimEnd().split('\n').slice(0, -1);
  assert.ok(findings.length >= 2, run.stdout);
  for (const line of findings) {
    const m = match(line)!;
    assert.ok(m, line);
    assert.equal(line, `${m.file}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.code}]`);
  }
  assert.ok(findings.some((line) => match(line)!.message.endsWith('[later]')), run.stdout);
  for (const line of run.stderr.trimEnd().split('\n')) assert.equal(match(line), undefined, line);
  assert.equal(match(govmd(['check', 'README.md'], { cwd: join(REPO, 'test', 'fixtures', 'dragonflyoss-community') }).stdout.trim()), undefined);
});

test('$govmd: paths are relative to the workspace folder; "information" and "hint" fall back to the matcher\'s info', () => {
  // govmd prints paths relative to where it runs (a task's default: the workspace folder).
  // Not autoDetect: VS Code then asks the file system for every line, and ends the matcher 100 ms
  // after the process exits without waiting, so the last file's findings were lost (seen in code-server).
  assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  // VS Code knows error, warning and info by name; others take the matcher's own severity.
  assert.equal(matcher.severity, 'info');
  assert.equal(matcher.owner, 'govmd');
});
