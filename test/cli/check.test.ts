import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { govmd, REPO } from '../helpers/cli';
import { SEED_DD, SEED_MEETING } from '../helpers/fixtures';

const seedDd = relative(REPO, SEED_DD);
const seedMeeting = relative(REPO, SEED_MEETING);

interface JsonFinding { file: string; line: number; column: number; code: string; severity: string; message: string }

test('check --format json: the seed DD report the issue asks for', () => {
  // --hints: template-drift is a hint (the DD follows an older template; see its rule page).
  const run = govmd(['check', seedDd, '--format', 'json', '--hints']);
  // Two malformed URLs are errors: exit 1 at the default --fail-on error.
  assert.equal(run.code, 1, run.stderr);
  const findings: JsonFinding[] = JSON.parse(run.stdout);
  const of = (code: string) => findings.filter((f) => f.code === code);
  const lines = (code: string, severity?: string) => of(code).filter((f) => !severity || f.severity === severity).map((f) => f.line);
  assert.deepEqual(lines('unchecked-criterion', 'warning'), [52, 77, 123, 140, 159, 175, 193, 208, 217, 224, 259, 278, 320, 342, 395, 424, 429]);
  assert.deepEqual(lines('unchecked-criterion', 'information'), [96, 365]);
  assert.equal(of('unchecked-criterion').length, 19);
  assert.deepEqual(lines('checked-with-todo'), [57, 149, 291, 371, 417]);
  assert.equal(of('open-todo').length, 21);
  assert.deepEqual(of('placeholder').map((f) => f.message.replace('Template placeholder left in the text: ', '')), [
    'NOTABLE1', 'NOTABLE2', 'NOTABLE3', 'BLOCKER1', 'BLOCKER2', 'BLOCKER3', 'RECOMMENDATION1', 'RECOMMENDATION2', 'RECOMMENDATION3',
    '[in use/too early]', '$INTERVIEWSUMMARY', '$LEVEL', '$CONDITIONS', 'Name / Industry',
  ]);
  assert.deepEqual(lines('missing-evaluation'), [365]);
  assert.equal(of('subcriteria-mismatch').length, 0);
  // Without a repositories setting the dragonflyoss/community URLs are external: only what the
  // document shows by itself is reported.
  assert.deepEqual(of('malformed-url').map((f) => `${f.line}:${f.column} ${f.severity}`), ['72:56 error', '104:244 error']);
  assert.deepEqual(of('link-text-mismatch').map((f) => `${f.line}:${f.column}`), ['137:7']);
  // test/fixtures/.govmd.json maps dragonflyoss/community to the fixture beside the seeds, as a
  // reviewer's workspace does: the renamed headings the DD still links to are found.
  assert.deepEqual(of('broken-fragment').map((f) => `${f.line}:${f.column} ${f.message}`), [
    '162:40 No heading or anchor #adding-new-maintainers in dragonflyoss-community/COMMUNITY_MEMBERSHIP.md; did you mean #adding-new-memberapprovermaintainer?',
    '164:42 No heading or anchor #removing-inactive-maintainers in dragonflyoss-community/COMMUNITY_MEMBERSHIP.md; did you mean #removing-inactive-memberapprovermaintainer?',
  ]);
  // It also maps cncf/toc to the fixture copy of its DD templates (2026-06-29): the seed, copied
  // from the template of 2025-09-11, lacks four criteria and has the TAG criterion as Required.
  assert.deepEqual(of('template-drift').map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`), [
    '44:1 hint Template of 2026-06-29 asks for a Required criterion this DD lacks in Application Process Principles: "Complete a General Technical Review (GTR)."',
    '44:1 hint Template of 2026-06-29 asks for a Required criterion this DD lacks in Application Process Principles: "Complete a Governance Review."',
    '52:7 hint Template of 2026-06-29 puts this criterion under Suggested, not Required, in Application Process Principles: "Engage with domain-specific TAG(s) to present the technical architecture of the project."',
    '90:1 hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Governance and Maintainers: "Complete a Governance Review with the Project Reviews subproject"',
    '359:1 hint Template of 2026-06-29 asks for a Suggested criterion this DD lacks in Security: "Complete a joint security assessment with TAG Security and Compliance"',
  ]);
  // Every met criterion cites its evidence but one: the organization's two-factor setting, asserted.
  assert.deepEqual(of('met-without-evidence').map((f) => `${f.line}:${f.column} ${f.severity}`), ['378:7 information']);
  assert.equal(findings.length, 19 + 5 + 21 + 14 + 1 + 3 + 2 + 5 + 1);
  assert.deepEqual(Object.keys(findings[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
  assert.equal(findings[0].file, seedDd);
});

test('check: the seed meeting note reports issue 4025 under TODO and WIP, and no action without owner', () => {
  const run = govmd(['check', seedMeeting, '--format', 'json']);
  const findings: JsonFinding[] = JSON.parse(run.stdout);
  const conflicts = findings.filter((f) => f.code === 'conflicting-status');
  assert.deepEqual(conflicts.map((f) => [f.line, f.message]), [
    [47, 'dragonflyoss/dragonfly#4025 is listed under TODO (line 47) and WIP (line 64)'],
    [64, 'dragonflyoss/dragonfly#4025 is listed under TODO (line 47) and WIP (line 64)'],
  ]);
  assert.equal(findings.filter((f) => f.code === 'action-without-owner').length, 0);
});

test('check: text output, summary, and exit codes by --fail-on', () => {
  const run = govmd(['check', seedDd]);
  assert.equal(run.code, 1);
  const out = run.stdout.trimEnd().split('\n');
  assert.equal(out[0], `${seedDd}:14:5: warning: Template placeholder left in the text: NOTABLE1 [placeholder]`);
  // The 5 template-drift hints are the editor's; --hints prints them.
  assert.equal(out[out.length - 1], '66 problems (2 errors, 39 warnings, 25 information) in 1 file.');
  assert.equal(govmd(['check', seedDd, '--hints']).stdout.trimEnd().split('\n').pop(), '71 problems (2 errors, 39 warnings, 25 information, 5 hints) in 1 file.');
  assert.equal(govmd(['check', seedDd, '--fail-on', 'warning']).code, 1);
  assert.equal(govmd(['check', seedDd, '--fail-on', 'none']).code, 0);
});

test('check --format sarif: valid SARIF 2.1.0 with rules, levels and relative paths', () => {
  const run = govmd(['check', seedDd, seedMeeting, '--format', 'sarif']);
  const log = JSON.parse(run.stdout);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'govmd');
  // Each rule carries its shipped page, which code scanning shows beside the alert.
  const rule = sarifRun.tool.driver.rules.find((r: { id: string }) => r.id === 'unchecked-criterion');
  assert.equal(rule.help.markdown, readFileSync(join(REPO, 'docs', 'rules', 'unchecked-criterion.md'), 'utf8'));
  assert.doesNotMatch(run.stdout, /governance-markdown\/governance-markdown/);
  // The seed DD's 66 findings (1 met-without-evidence; not its 5 template-drift hints), and the
  // meeting note's 2 conflicting-status and 1 unknown-owner (@Gaius).
  assert.equal(sarifRun.results.length, 66 + 3);
  const first = sarifRun.results[0];
  assert.equal(first.level, 'warning');
  assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, seedDd);
  assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 14, startColumn: 5, endLine: 14, endColumn: 13 });
  assert.equal(sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'open-todo').level, 'note');
  const conflict = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'conflicting-status');
  assert.equal(conflict.relatedLocations[0].physicalLocation.region.startLine, 64);
});

test('progress: Required and Suggested per area and in all', () => {
  const run = govmd(['progress', seedDd]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, [
    'Dragonfly Graduation Due Diligence',
    '',
    'Area                            Required  Suggested',
    '---------------------------------------------------',
    'Application Process Principles       3/5        0/0',
    'Governance and Maintainers          7/15        0/1',
    'Contributors and Community           4/6        1/1',
    'Engineering Principles               5/7        0/0',
    'Security                             5/6        0/1',
    'Ecosystem                            2/4        0/0',
    '---------------------------------------------------',
    'Total                              26/43        1/3',
    '',
  ].join('\n'));
  const json = JSON.parse(govmd(['progress', seedDd, '--format', 'json']).stdout);
  assert.deepEqual(json.required, { met: 26, total: 43 });
  assert.deepEqual(json.areas[1], { title: 'Governance and Maintainers', line: 90, required: { met: 7, total: 15 }, suggested: { met: 0, total: 1 } });
});

test('progress on a file without criteria, and bad usage, exit 2 with one line', () => {
  const notDd = govmd(['progress', seedMeeting]);
  assert.equal(notDd.code, 2);
  assert.equal(notDd.stderr, `govmd: ${seedMeeting}: no Due Diligence criteria found (task-list items that start with bold text)\n`);
  for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--bogus'], ['progress'], ['check', '--fail-on', 'loud']]) {
    const run = govmd(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^govmd: .*Try 'govmd --help'\.\n$/);
  }
  assert.equal(govmd(['--help']).code, 0);
});

function scratch(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

test('settings file: a bad value exits 2 naming the key and what was expected', () => {
  const folder = scratch({ '.govmd.json': '{\n  "severity": { "open-todo": "loud" }\n}\n', 'a.md': 'TODO: x\n' });
  const run = govmd(['check', '.'], { cwd: folder });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'govmd: .govmd.json:2:30: severity.open-todo: expected one of "off", "hint", "information", "warning", "error", got "loud"\n');
  const yaml = scratch({ '.govmd.yaml': 'severity: [\n', 'a.md': 'x\n' });
  const broken = govmd(['check'], { cwd: yaml });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^govmd: \.govmd\.yaml:\d+:\d+: \(syntax\): .+\n$/);
});

test('settings file: severities and off take effect', () => {
  const folder = scratch({ '.govmd.yaml': 'severity:\n  open-todo: error\n  placeholder: "off"\n', 'a.md': 'TODO: x\n\n$PROJECT\n' });
  const run = govmd(['check', '--format', 'json'], { cwd: folder });
  assert.equal(run.code, 1);
  assert.deepEqual(JSON.parse(run.stdout).map((f: JsonFinding) => `${f.code} ${f.severity}`), ['open-todo error']);
});

test('check --fix applies the safe fixes, says what it changed, and changes nothing the second time', () => {
  const original = [
    '# Foo Due Diligence',
    '',
    '- The following criteria implementations are noteworthy to call out.',
    '  - NOTABLE1',
    '  - NOTABLE2',
    '',
    '## Engineering Principles',
    '',
    '### Required',
    '',
    '- [ ] **Document the release process:**',
    '  - [x] Release expectations',
    '  - [x] Tagging',
    '- [] **Roadmap change process is documented.**',
    '-[x] **History of regular, quality releases.**',
    '',
  ].join('\n');
  const folder = scratch({ 'dd.md': original });
  const first = govmd(['check', '--fix', 'dd.md'], { cwd: folder });
  assert.deepEqual(first.stderr.trimEnd().split('\n'), [
    'dd.md:4:5: fixed placeholder: Remove the "NOTABLE1" line',
    'dd.md:5:5: fixed placeholder: Remove the "NOTABLE2" line',
    'dd.md:11:3: fixed subcriteria-mismatch: Mark criterion met, as its sub-criteria are',
    'dd.md:14:1: fixed malformed-checkbox: Write "- [ ]"',
    'dd.md:15:1: fixed malformed-checkbox: Write "- [x]"',
  ]);
  const fixed = readFileSync(join(folder, 'dd.md'), 'utf8');
  assert.equal(fixed, [
    '# Foo Due Diligence',
    '',
    '- The following criteria implementations are noteworthy to call out.',
    '',
    '## Engineering Principles',
    '',
    '### Required',
    '',
    '- [x] **Document the release process:**',
    '  - [x] Release expectations',
    '  - [x] Tagging',
    '- [ ] **Roadmap change process is documented.**',
    '- [x] **History of regular, quality releases.**',
    '',
  ].join('\n'));
  const second = govmd(['check', '--fix', 'dd.md'], { cwd: folder });
  assert.equal(second.stderr, '');
  assert.equal(readFileSync(join(folder, 'dd.md'), 'utf8'), fixed);
  // What needs a person's judgement (checking a criterion) is reported, never applied.
  assert.match(second.stdout, /dd\.md:12:3: warning: Required criterion not met/);
});

test('settings file: each file uses the nearest one above it', () => {
  const folder = scratch({
    'a/.govmd.json': '{ "severity": { "open-todo": "error" } }\n',
    'a/notes.md': 'TODO: in a\n',
    'b/.govmd.yaml': 'severity:\n  open-todo: "off"\n',
    'b/notes.md': 'TODO: in b\n',
    'c/notes.md': 'TODO: in c\n',
  });
  const run = govmd(['check', '--format', 'json'], { cwd: folder });
  assert.deepEqual(JSON.parse(run.stdout).map((f: JsonFinding) => `${f.file} ${f.code} ${f.severity}`), [
    'a/notes.md open-todo error',
    'c/notes.md open-todo information',
  ]);
  assert.equal(run.code, 1);
});

// open-telemetry/community elections/2019/governance-committee-candidates.md:7 (9f58973): GitHub
// matches `#Alois-Reitbauer` to the heading's `#alois-reitbauer`; the editor hints, the report does not.
test('check: hints are left out unless asked for (--hints, or --fail-on hint)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-hints-'));
  writeFileSync(join(folder, 'candidates.md'), '# Candidates\n\n- [Alois Reitbauer](#Alois-Reitbauer)\n\n## Alois Reitbauer\n\nBio.\n');
  const plain = govmd(['check', '.', '--format', 'json'], { cwd: folder });
  assert.equal(plain.code, 0, plain.stderr);
  assert.deepEqual(JSON.parse(plain.stdout), []);
  const hints = govmd(['check', '.', '--format', 'json', '--hints'], { cwd: folder });
  assert.equal(hints.code, 0, hints.stderr);
  assert.deepEqual(JSON.parse(hints.stdout).map((f: JsonFinding) => `${f.line}:${f.column} ${f.severity} ${f.code}`), ['3:3 hint broken-fragment']);
  const failing = govmd(['check', '.', '--fail-on', 'hint'], { cwd: folder });
  assert.equal(failing.code, 1);
  assert.match(failing.stdout, /candidates\.md:3:3: hint: #Alois-Reitbauer differs in letter case/);
});
