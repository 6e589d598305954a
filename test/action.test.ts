// The GitHub Action (action.yml) runs action/run.mjs: here it runs on the seeds as a job would,
// with a scratch $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT, and what it wrote is read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { govmd, REPO } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const SCRIPT = join(REPO, 'action', 'run.mjs');

interface JsonFinding { file: string; line: number; column: number; code: string; severity: string; message: string }

interface ActionRun {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  sarif?: unknown;
}

/** The action's step as GitHub runs it: inputs in INPUT_*, the job's files in GITHUB_*. */
function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): ActionRun {
  const scratch = mkdtempSync(join(tmpdir(), 'govmd-action-'));
  const summaryFile = join(scratch, 'summary.md');
  const outputFile = join(scratch, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const sarifFile = join(scratch, 'out', 'govmd.sarif');
  const inputEnv = Object.fromEntries(Object.entries({ 'sarif-file': sarifFile, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v]));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')));
  const result = spawnSync(process.execPath, [SCRIPT], {
    cwd: FIXTURES,
    encoding: 'utf8',
    env: { ...clean, ...inputEnv, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, ...env },
  });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return {
    code: result.status,
    stdout: result.stdout,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs,
    sarif: existsSync(sarifFile) ? JSON.parse(readFileSync(sarifFile, 'utf8')) : undefined,
  };
}

test('action on the seeds: the summary counts the findings and shows the DD progress table; SARIF 2.1.0 is written', () => {
  const run = runAction({ paths: 'seeds' }, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'cncf/toc', GITHUB_SHA: '0123abc' });
  assert.equal(run.code, 0, run.stdout);
  const expected: JsonFinding[] = JSON.parse(govmd(['check', 'seeds', '--format', 'json'], { cwd: FIXTURES }).stdout);
  const count = (severity: string) => expected.filter((f) => f.severity === severity).length;
  assert.ok(count('error') > 0 && count('warning') > 0 && count('information') > 0);
  const tally = [
    ...['error', 'warning'].filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}${count(s) === 1 ? '' : 's'}`),
    ...(count('information') ? [`${count('information')} information`] : []),
    ...(count('hint') ? [`${count('hint')} hint${count('hint') === 1 ? '' : 's'}`] : []),
  ].join(', ');

  const lines = run.summary.split('\n');
  assert.equal(lines[0], '## Governance Markdown');
  assert.equal(lines[2], `❌ \`govmd check seeds\`: ${expected.length} findings (${tally}); fails on error and above.`);
  // One row per rule, a column per severity.
  assert.ok(lines.includes('| Rule | Errors | Warnings | Information | Hints |'));
  for (const code of new Set(expected.map((f) => f.code))) {
    const row = lines.find((l) => l.startsWith(`| \`${code}\` |`));
    assert.ok(row, code);
    const cells = row.split('|').slice(2, 6).map((c) => Number(c.trim() || 0));
    assert.deepEqual(cells, ['error', 'warning', 'information', 'hint'].map((s) => expected.filter((f) => f.code === code && f.severity === s).length), code);
  }
  // Every finding is listed, errors first, each linked to its line at the job's commit.
  const malformed = expected.find((f) => f.code === 'malformed-url')!;
  const listed = lines.filter((l) => /^\| \[seeds\//.test(l));
  assert.equal(listed.length, expected.length);
  assert.equal(listed[0], `| [${malformed.file}:${malformed.line}](https://github.com/cncf/toc/blob/0123abc/${malformed.file}#L${malformed.line}) | error | \`malformed-url\` | ${malformed.message} |`);

  // The criteria progress of the seed DD, which the job checked.
  const progress = lines.indexOf('### Criteria progress');
  assert.ok(progress > 0);
  assert.deepEqual(lines.slice(progress + 2, progress + 15), [
    '#### Dragonfly Graduation Due Diligence',
    '',
    '`seeds/dragonfly-graduation-dd.md`',
    '',
    '| Area | Required | Suggested |',
    '| --- | ---: | ---: |',
    '| Application Process Principles | 3/5 (60%) | — |',
    '| Governance and Maintainers | 7/15 (47%) | 0/1 (0%) |',
    '| Contributors and Community | 4/6 (67%) | 1/1 (100%) |',
    '| Engineering Principles | 5/7 (71%) | — |',
    '| Security | 5/6 (83%) | 0/1 (0%) |',
    '| Ecosystem | 2/4 (50%) | — |',
    '| **All areas** | **26/43 (60%)** | **1/3 (33%)** |',
  ]);

  // Outputs: the counts, and the exit code the action's last step fails the job with.
  assert.deepEqual(run.outputs, {
    findings: String(expected.length),
    errors: String(count('error')),
    warnings: String(count('warning')),
    information: String(count('information')),
    hints: String(count('hint')),
    'exit-code': '1',
    'sarif-file': run.outputs['sarif-file'],
  });
  assert.match(run.outputs['sarif-file'], /out\/govmd\.sarif$/);

  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  assert.equal(validate(run.sarif), true, JSON.stringify(validate.errors?.slice(0, 3)));
  const results = (run.sarif as { runs: { results: { ruleId: string }[] }[] }).runs[0].results;
  assert.equal(results.length, expected.length);

  // Errors and warnings are annotated on their lines; information is left to the summary.
  const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
  assert.equal(annotations.length, count('error') + count('warning'));
  assert.ok(annotations.includes(
    `::error file=${malformed.file},line=${malformed.line},col=${malformed.column},endColumn=${(malformed as JsonFinding & { endColumn: number }).endColumn},title=malformed-url::${malformed.message}`,
  ));
});

test('action: fail-on none passes with findings; no SARIF file when none is asked for', () => {
  const run = runAction({ paths: 'seeds/maintainer-meeting.md', 'fail-on': 'none', 'sarif-file': '', annotations: 'false' });
  assert.equal(run.outputs['exit-code'], '0');
  assert.equal(run.outputs['sarif-file'], '');
  assert.equal(run.sarif, undefined);
  assert.equal(run.stdout, '');
  assert.match(run.summary, /^## Governance Markdown\n\n✅ `govmd check seeds\/maintainer-meeting\.md`: \d+ findings \(.*\); fails on nothing\.\n/);
  assert.match(run.summary, /### Criteria progress\n\nNo Due Diligence document among `seeds\/maintainer-meeting\.md`\.\n$/);
});

test('action: a bad settings file is said in the summary and as an error; exit-code 2', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-action-config-'));
  const config = join(folder, 'bad.json');
  writeFileSync(config, '{ "severity": { "open-todo": "loud" } }\n');
  const run = runAction({ paths: 'seeds', config });
  assert.equal(run.code, 0);
  assert.equal(run.outputs['exit-code'], '2');
  assert.equal(run.outputs.findings, '0');
  assert.match(run.summary, /❌ `govmd check seeds` could not run:\n\n```text\ngovmd: .*bad\.json:1:30: severity\.open-todo: expected one of .*, got "loud"\n```\n/);
  assert.doesNotMatch(run.summary, /Criteria progress/);
  assert.match(run.stdout, /^::error title=govmd::govmd: .*severity\.open-todo/m);
});

test('action.yml: a composite action whose steps pass every input, upload SARIF when asked, and fail by exit-code last', () => {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  const declared = Object.keys(action.inputs);
  const text = readFileSync(join(REPO, 'action.yml'), 'utf8');
  const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]));
  assert.deepEqual([...used].filter((name) => !declared.includes(name)), [], 'inputs used but not declared');
  assert.deepEqual(declared.filter((name) => !used.has(name)), [], 'inputs declared but never used');

  const steps = action.runs.steps as { id?: string; if?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[];
  const check = steps.find((s) => s.id === 'check')!;
  assert.match(check.run!, /action\/run\.mjs/);
  const script = readFileSync(SCRIPT, 'utf8');
  for (const [name, value] of Object.entries(check.env!)) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
    assert.ok(input, name);
    assert.equal(name, `INPUT_${input.toUpperCase().replace(/-/g, '_')}`);
    assert.ok(script.includes(`input('${input}'`), `run.mjs reads ${input}`);
  }
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
  assert.match(upload.if!, /inputs\.upload-sarif == 'true'/);
  assert.equal(upload.with!.sarif_file, '${{ steps.check.outputs.sarif-file }}');
  const last = steps[steps.length - 1];
  assert.ok(steps.indexOf(upload) < steps.indexOf(last));
  assert.match(last.if!, /steps\.check\.outputs\.exit-code != '0'/);
  assert.match(last.run!, /exit "\$EXIT_CODE"/);
  for (const output of Object.values(action.outputs) as { value: string }[]) {
    const name = /steps\.check\.outputs\.([\w-]+)/.exec(output.value)![1];
    assert.ok(script.includes(`'${name}'`) || new RegExp(`\\b${name}:`).test(script), `run.mjs sets ${name}`);
  }
});
