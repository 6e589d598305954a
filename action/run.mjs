#!/usr/bin/env node
// The step of the GitHub Action (action.yml at the repository root). Runs `govmd check` on the
// input paths with the same settings files a developer's editor uses, then:
//   - writes the SARIF log for code scanning, when a file name is given;
//   - annotates errors and warnings on the lines they are about (GitHub's workflow commands);
//   - writes the findings summary and the criteria progress of every Due Diligence document among
//     the paths to $GITHUB_STEP_SUMMARY;
//   - sets the outputs (counts, exit-code, sarif-file).
// It exits 0 once all of that is written, even when findings fail the check: the action's last
// step fails the job by `exit-code`, after the SARIF upload had its chance to run.
//
// Inputs arrive as INPUT_* environment variables (action.yml passes them). Run locally with a
// scratch GITHUB_STEP_SUMMARY to see what a job would show.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOVMD = fileURLToPath(new URL('../bin/govmd.js', import.meta.url));
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', information: 'Information', hint: 'Hints' };
/** Findings listed one by one in the summary; the rest are counted (summaries are capped at 1 MiB). */
const LISTED = 100;

const input = (name, fallback = '') => (process.env[`INPUT_${name.toUpperCase().replace(/[- ]/g, '_')}`] ?? '').trim() || fallback;

const paths = input('paths', '.').split(/\s+/).filter(Boolean);
const config = input('config');
const failOn = input('fail-on', 'error');
const sarifFile = input('sarif-file');
const annotate = input('annotations', 'true') !== 'false';
const options = config ? ['--config', config] : [];

const check = govmd(['check', ...paths, ...options, '--fail-on', failOn, '--format', 'json']);
const findings = parseJson(check.stdout, []);
const problems = check.stderr.split('\n').filter(Boolean);
// 0 and 1 come with a full report; 2 may too (a file could not be read) or not (bad usage, a bad settings file).
const exitCode = check.status ?? 2;

let sarifWritten = '';
if (sarifFile && Array.isArray(findings) && exitCode !== 2) {
  const sarif = govmd(['check', ...paths, ...options, '--fail-on', 'none', '--format', 'sarif']);
  if (sarif.status === 0) {
    mkdirSync(dirname(resolve(sarifFile)), { recursive: true });
    writeFileSync(sarifFile, sarif.stdout);
    sarifWritten = sarifFile;
  } else problems.push(...sarif.stderr.split('\n').filter(Boolean));
}

const progress = govmd(['progress', ...paths, ...options, '--format', 'markdown']).stdout.trim();

if (annotate) for (const finding of findings) annotation(finding);

const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length]));
summary(renderSummary());
output({
  findings: findings.length,
  errors: counts.error,
  warnings: counts.warning,
  information: counts.information,
  hints: counts.hint,
  'exit-code': exitCode,
  'sarif-file': sarifWritten,
});
if (exitCode === 2) console.log(`::error title=govmd::${escapeCommand(problems[0] ?? 'govmd check could not run')}`);
process.exit(0);

function govmd(args) {
  const result = spawnSync(process.execPath, [GOVMD, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.error) throw result.error;
  return result;
}

function parseJson(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

function renderSummary() {
  const out = ['## Governance Markdown', ''];
  const verdict = exitCode === 0 ? '✅' : '❌';
  const tally = SEVERITIES.filter((s) => counts[s] > 0).map((s) => (s === 'information' ? `${counts[s]} information` : plural(counts[s], s)));
  const scope = `\`govmd check ${paths.join(' ')}\``;
  const ran = !(exitCode === 2 && findings.length === 0);
  if (!ran) {
    out.push(`${verdict} ${scope} could not run:`, '', '```text', ...problems.slice(0, 20), '```');
  } else {
    out.push(`${verdict} ${scope}: ${findings.length === 0 ? 'no findings' : `${plural(findings.length, 'finding')} (${tally.join(', ')})`}; fails on ${failOn === 'none' ? 'nothing' : `${failOn} and above`}.`);
    if (problems.length) out.push('', '```text', ...problems.slice(0, 20), '```');
  }
  if (findings.length) {
    out.push('', '| Rule | ' + SEVERITIES.map((s) => SEVERITY_TITLES[s]).join(' | ') + ' |', '| --- |' + ' ---: |'.repeat(SEVERITIES.length));
    const codes = [...new Set(findings.map((f) => f.code))].sort();
    for (const code of codes) {
      const ofCode = findings.filter((f) => f.code === code);
      out.push(`| \`${code}\` | ${SEVERITIES.map((s) => ofCode.filter((f) => f.severity === s).length || '').join(' | ')} |`);
    }
    const ordered = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    out.push('', `<details><summary>${findings.length > LISTED ? `The first ${LISTED} findings, errors first` : 'Every finding'}</summary>`, '');
    out.push('| Where | Severity | Rule | Message |', '| --- | --- | --- | --- |');
    for (const f of ordered.slice(0, LISTED)) out.push(`| ${where(f)} | ${f.severity} | \`${f.code}\` | ${cell(f.message)} |`);
    out.push('', '</details>');
  }
  if (ran) {
    out.push('', '### Criteria progress', '', progress ? progress.replace(/^### /gm, '#### ') : `No Due Diligence document among ${paths.map((p) => `\`${p}\``).join(', ')}.`);
  }
  return out.join('\n') + '\n';
}

/** `file:line`, linked to the line at the commit the job checks when the job says which. */
function where(finding) {
  const label = `${finding.file}:${finding.line}`;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  if (!server || !repository || !sha || finding.file.startsWith('../') || finding.file.startsWith('/')) return cell(label);
  const path = finding.file.split('/').map(encodeURIComponent).join('/');
  return `[${cell(label)}](${server}/${repository}/blob/${sha}/${path}#L${finding.line})`;
}

/** A table cell shows the text as written: no pipes, HTML or line breaks of its own. */
function cell(text) {
  return String(text).replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function annotation(finding) {
  const kind = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : undefined;
  if (!kind) return;
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    ...(finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : [`endLine=${finding.endLine}`]),
    `title=${escapeProperty(finding.code)}`,
  ];
  console.log(`::${kind} ${properties.join(',')}::${escapeCommand(finding.message)}`);
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeCommand(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text) {
  return escapeCommand(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function summary(markdown) {
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
  else process.stdout.write(markdown);
}

function output(values) {
  const lines = Object.entries(values).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
