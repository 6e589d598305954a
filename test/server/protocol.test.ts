import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, CodeLens, CompletionItem } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type LspSession } from '../helpers/lspClient';
import { COMMUNITY, SEED_DD, SEED_MEETING } from '../helpers/fixtures';
import { GOVMD } from '../helpers/cli';
import { barsOf, parseSvg } from '../helpers/svg';

// The reviewer's workspace: the seed DD and meeting note beside the community repository.
const root = mkdtempSync(join(tmpdir(), 'govmd-lsp-'));
cpSync(SEED_DD, join(root, 'dragonfly-graduation-dd.md'));
cpSync(SEED_MEETING, join(root, 'maintainer-meeting.md'));
cpSync(COMMUNITY, join(root, 'dragonflyoss-community'), { recursive: true });
writeFileSync(join(root, '.govmd.json'), JSON.stringify({ repositories: { 'dragonflyoss/community': 'dragonflyoss-community' } }, null, 2));
const ddUri = `file://${join(root, 'dragonfly-graduation-dd.md')}`;
const ddText = readFileSync(SEED_DD, 'utf8');
let server: LspSession;

before(async () => {
  server = await startServer(root);
});
after(async () => {
  await server.stop();
});

function open(uri: string, text: string, version = 1): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.severity}`;
const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

test('the seed DD: diagnostics over LSP equal the CLI report for the same file', async () => {
  await open(ddUri, ddText);
  const diagnostics = await server.waitForDiagnostics(ddUri, (d) => d.length > 0);
  const cli = spawnSync(process.execPath, [GOVMD, 'check', 'dragonfly-graduation-dd.md', '--format', 'json', '--hints'], { cwd: root, encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout).map((f: { line: number; column: number; endLine: number; endColumn: number; code: string; severity: string }) =>
    `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code} ${SEVERITY[f.severity]}`);
  assert.ok(expected.length >= 60, `CLI findings: ${expected.length}`);
  assert.deepEqual(diagnostics.map(brief), expected);
  const first = diagnostics.find((d) => d.code === 'unchecked-criterion')!;
  assert.equal(first.source, 'govmd');
  assert.match(first.codeDescription!.href, /docs\/rules\/unchecked-criterion\.md$/);
  assert.equal(first.message, 'Required criterion not met in "Application Process Principles": Engage with the domain specific TAG(s) to increase awareness through a presenta…');
  const withTodo = diagnostics.find((d) => d.code === 'checked-with-todo')!;
  assert.equal(withTodo.relatedInformation?.[0].location.range.start.line, 69);
});

test('a quick fix at the first open criterion checks the box, and the findings follow the edit', async () => {
  const position = { line: 51, character: 3 };
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: ddUri },
    range: { start: position, end: position },
    context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.title), ['Mark criterion met']);
  assert.equal(actions[0].kind, 'quickfix');
  assert.equal(actions[0].isPreferred, true);
  const document = TextDocument.create(ddUri, 'markdown', 1, ddText);
  const edited = TextDocument.applyEdits(document, actions[0].edit!.changes![ddUri]);
  assert.equal(edited.split('\n')[51], '- [x] **Engage with the domain specific TAG(s) to increase awareness through a presentation or completing a General Technical Review.**');

  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ddUri, version: 2 }, contentChanges: [{ range: actions[0].edit!.changes![ddUri][0].range, text: '[x]' }] });
  const after = await server.waitForDiagnostics(ddUri, (d) => !d.some((x) => x.code === 'unchecked-criterion' && x.range.start.line === 51));
  assert.equal(after.filter((d) => d.code === 'unchecked-criterion').length, 18);
});

test('source.fixAll.govmd returns the safe fixes as one edit', async () => {
  const uri = `file://${join(root, 'fix-me.md')}`;
  await open(uri, '# Foo Due Diligence\n\n- NOTABLE1\n- [] **One.**\n');
  await server.waitForDiagnostics(uri, (d) => d.length > 0);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe Governance Markdown problems', 'source.fixAll.govmd']]);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, '# Foo Due Diligence\n\n- NOTABLE1\n- [] **One.**\n'), actions[0].edit!.changes![uri]);
  assert.equal(fixed, '# Foo Due Diligence\n\n- [ ] **One.**\n');
});

test('files nobody opened are checked in the background, with progress', async () => {
  const note = `file://${join(root, 'dragonflyoss-community', 'meetings', 'maintainer', '2025-09-09', 'README.md')}`;
  const diagnostics = await server.waitForDiagnostics(note, (d) => d.length > 0);
  assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), ['22 unknown-owner', '47 unknown-owner']);
  assert.ok(server.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'begin'));
});

test('document symbols: areas, kinds with counts, criteria with status', async () => {
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ddUri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => `${s.name} (${s.detail})`), [
    'Application Process Principles (Required 4/5)',
    'Governance and Maintainers (Required 7/15)',
    'Contributors and Community (Required 4/6)',
    'Engineering Principles (Required 5/7)',
    'Security (Required 5/6)',
    'Ecosystem (Required 2/4)',
  ]);
  const governance = symbols[1];
  assert.deepEqual(governance.children!.map((k) => `${k.name} ${k.detail}`), ['Suggested 0/1 met', 'Required 7/15 met']);
  assert.equal(governance.children![1].children![1].detail, 'open · 1 TODO');
});

test('hover on a criterion: status, area, TODOs with owners, and what the evaluation cites', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: ddUri }, position: { line: 148, character: 10 } })) as Hover;
  assert.equal((hover.contents as { value: string }).value, [
    '**Required** · ✅ met · Governance and Maintainers',
    '',
    'TODOs (1):',
    '- **Dragonfly Team**: There are duplicate definitions of "Adding New Member/Approver/Maintainer" in the community documents:',
    '',
    '**Evidence** cited: [dragonflyoss/community COMMUNITY\\_LADDER.md](https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md), [dragonflyoss/community COMMUNITY\\_LADDER.md](https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md?plain=1#L164), [dragonflyoss/community COMMUNITY\\_MEMBERSHIP.md](https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer)',
  ].join('\n'));
});

test('hover on seed line 175: the evaluation cites MAINTAINERS.md, and dragonflyoss/community in the workspace has one', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: ddUri }, position: { line: 174, character: 12 } })) as Hover;
  const lines = (hover.contents as { value: string }).value.split('\n');
  assert.equal(lines[0], '**Required** · ⬜ open · Governance and Maintainers');
  assert.deepEqual(lines.slice(-2), [
    '**Evidence** cited: [dragonflyoss/community MAINTAINERS.md](https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md)',
    '- MAINTAINERS file: cited ✓ ([dragonflyoss/community MAINTAINERS.md](https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md)) · in dragonflyoss/community ✓ (`MAINTAINERS.md`)',
  ]);
});

test('code lenses: the template comparison on the title, the counts on each area heading', async () => {
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: ddUri } })) as CodeLens[];
  assert.deepEqual(lenses.map((l) => `${l.range.start.line + 1} ${l.command!.title}`), [
    // No cncf/toc in this workspace: the built-in catalog, taken from cncf/toc's templates of 2026-06-29.
    '1 Template of 2026-06-29: 4 criteria missing · 1 moved', '1 Update DD to Current Template',
    '44 Required 4/5', '90 Required 7/15 · Suggested 0/1', '229 Required 4/6 · Suggested 1/1',
    '283 Required 5/7', '359 Required 5/6 · Suggested 0/1', '409 Required 2/4',
  ]);
});

test('completion: @handles and TODO owners', async () => {
  const uri = `file://${join(root, 'maintainer-meeting.md')}`;
  const text = readFileSync(SEED_MEETING, 'utf8') + '\n- [ ] new action @gai\n\n**TODO for Drag\n';
  await open(uri, text);
  const lines = text.split('\n');
  const handleLine = lines.findIndex((l) => l.endsWith('@gai'));
  const handles = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: handleLine, character: lines[handleLine].length } })) as CompletionItem[];
  assert.deepEqual(handles.map((c) => c.label), ['@gaius-qi']);
  const todoLine = lines.findIndex((l) => l.startsWith('**TODO for Drag'));
  const owners = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: todoLine, character: lines[todoLine].length } })) as CompletionItem[];
  // Owners are grouped case-insensitively, never corrected: the typo is an owner of its own.
  assert.deepEqual(owners.map((c) => c.label), ['Dragonfly Team', 'Dragonlfy TEAM']);
});

test('a broken settings file is a diagnostic on that file; everything else keeps working', async () => {
  const settingsUri = `file://${join(root, '.govmd.json')}`;
  const broken = '{\n  "severity": { "open-todo": "loud" }\n}\n';
  writeFileSync(join(root, '.govmd.json'), broken);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: settingsUri, type: 2 }] });
  const problems = await server.waitForDiagnostics(settingsUri, (d) => d.length > 0);
  assert.deepEqual(problems.map((d) => [brief(d), d.message]), [
    ['2:30-2:36 settings 1', 'severity.open-todo: expected one of "off", "hint", "information", "warning", "error", got "loud"; the default is used.'],
  ]);
  const dd = await server.waitForDiagnostics(ddUri, (d) => d.some((x) => x.code === 'open-todo'));
  assert.equal(dd.filter((d) => d.code === 'open-todo')[0].severity, 3);

  writeFileSync(join(root, '.govmd.json'), JSON.stringify({ repositories: { 'dragonflyoss/community': 'dragonflyoss-community' }, severity: { 'open-todo': 'off' } }));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: settingsUri, type: 2 }] });
  await server.waitForDiagnostics(settingsUri, (d) => d.length === 0);
  await server.waitForDiagnostics(ddUri, (d) => d.length > 0 && !d.some((x) => x.code === 'open-todo'));
});

test('editor settings: a severity set to off takes effect without a restart; a bad one is one notification', async () => {
  server.setSettings({ severity: { placeholder: 'off' } });
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.waitForDiagnostics(ddUri, (d) => d.length > 0 && !d.some((x) => x.code === 'placeholder'));
  server.setSettings({ severity: { placeholder: 'sometimes' } });
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.waitForDiagnostics(ddUri, (d) => d.some((x) => x.code === 'placeholder'));
  assert.deepEqual(server.messages, ['Governance Markdown: governance.severity.placeholder: expected one of "off", "hint", "information", "warning", "error", got "sometimes". The default is used for this setting.']);
});

const execute = <T>(command: string, ...args: unknown[]) => server.connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;

test('command govmd.progress: the status-bar text, the report, the chart and the open Required criteria', async () => {
  const result = await execute<{ status: string; report: string; title: string; svg: string; open: { area: string; title: string; line: number }[] }>('govmd.progress', ddUri);
  assert.equal(result.status, 'DD 27/43 required'); // one box was checked by the quick-fix test above
  assert.match(result.report, /Governance and Maintainers/);
  assert.equal(result.title, 'Dragonfly Graduation Due Diligence');
  const bars = barsOf(parseSvg(result.svg));
  assert.deepEqual(bars.get('Governance and Maintainers')!.map((b) => b.label), ['7/15', '0/1']);
  assert.deepEqual(bars.get('All areas')!.map((b) => b.label), ['27/43', '1/3']);
  assert.equal(result.open.length, 16);
  assert.deepEqual(result.open.at(-1), { area: 'Ecosystem', title: 'TOC verification of adopters.', line: 428 });
  assert.equal(await execute('govmd.progress', `file://${join(root, 'maintainer-meeting.md')}`), null);
});

test('template-drift quick fix at an area heading inserts the missing criterion there', async () => {
  const position = { line: 43, character: 0 };
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: ddUri },
    range: { start: position, end: position },
    context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.title), [
    'Insert "Complete a General Technical Review (GTR)." from the template (Required)',
    'Insert "Complete a Governance Review." from the template (Required)',
  ]);
  const [edit] = actions[0].edit!.changes![ddUri];
  assert.equal(edit.range.start.line, 56);
  assert.match(edit.newText, /^- \[ \] \*\*Complete a \[General Technical Review \(GTR\)\]\(https:\/\/github\.com\/cncf\/toc\/blob\/main\/toc_subprojects\/project-reviews-subproject\/general-technical-questions\.md\)\.\*\*\n  - This was most recently revised on DD-MMM-YYYY\. .*\n\n<!-- \(Project assertion goes here\) -->\n\n$/);
});

test('command govmd.templateDiff and govmd.updateToTemplate: the list, then every change as one edit; a second run has none', async () => {
  const diff = (await server.connection.sendRequest('workspace/executeCommand', { command: 'govmd.templateDiff', arguments: [ddUri] })) as { text: string };
  assert.match(diff.text, /^dragonfly-graduation-dd\.md: Template of 2026-06-29: 4 criteria missing · 1 moved \(built-in catalog, cncf\/toc at 4acc1dcf3e5c\)\n\nmissing  Application Process Principles \/ Required/);
  const first = (await server.connection.sendRequest('workspace/executeCommand', { command: 'govmd.updateToTemplate', arguments: [ddUri] })) as { edits: { range: CodeLens['range']; newText: string }[]; message: string };
  assert.equal(first.message, 'Template of 2026-06-29: inserted 4 missing criteria and moved 1.');
  // The quick-fix test above ticked the TAG criterion: that is the server's text now.
  const current = ddText.replace('- [ ] **Engage with the domain specific', '- [x] **Engage with the domain specific');
  const updated = TextDocument.applyEdits(TextDocument.create(ddUri, 'markdown', 1, current), first.edits);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ddUri, version: 50 }, contentChanges: [{ text: updated }] });
  const second = (await server.connection.sendRequest('workspace/executeCommand', { command: 'govmd.updateToTemplate', arguments: [ddUri] })) as { edits: unknown[]; message: string };
  assert.deepEqual(second, { edits: [], message: 'This DD already has every criterion of the template of 2026-06-29 where it puts them.' });
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: ddUri } })) as CodeLens[];
  assert.equal(lenses[0].command!.title, 'Template of 2026-06-29: all 50 criteria in place');
  // Application Process Principles: six Required (two inserted) and the TAG criterion, ticked, as Suggested.
  assert.equal(`${lenses[1].range.start.line + 1} ${lenses[1].command!.title}`, '44 Required 3/6 · Suggested 1/1');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ddUri, version: 51 }, contentChanges: [{ text: current }] });
  const notDd = (await server.connection.sendRequest('workspace/executeCommand', { command: 'govmd.updateToTemplate', arguments: [`file://${join(root, 'maintainer-meeting.md')}`] })) as { edits: unknown[]; message: string };
  assert.deepEqual(notDd.edits, []);
});

test('command govmd.toggleCriterion and govmd.openCriterion', async () => {
  const edit = await execute<{ range: { start: { line: number; character: number } }; newText: string }>('govmd.toggleCriterion', ddUri, { line: 76, character: 10 });
  assert.deepEqual([edit.range.start, edit.newText], [{ line: 76, character: 2 }, '[x]']);
  const next = await execute<{ line: number }>('govmd.openCriterion', ddUri, { line: 60, character: 0 }, 'next');
  assert.deepEqual(next, { line: 76, character: 2 });
  const previous = await execute<{ line: number }>('govmd.openCriterion', ddUri, { line: 60, character: 0 }, 'previous');
  assert.deepEqual(previous, { line: 428, character: 2 }); // wraps around: the first criterion is met now
});

test('command govmd.exportOpenItems: a checklist of the workspace', async () => {
  const { text } = await execute<{ text: string }>('govmd.exportOpenItems', '2025-10-20');
  assert.match(text, /2025-10-20/);
  assert.match(text, /- \[ \] .*Engineering Principles|Engineering Principles/);
  assert.match(text, /Dragonfly Team/);
});

test('command govmd.newMeetingNotes: the next note after the latest in the series', async () => {
  const base = `file://${join(root, 'dragonflyoss-community', 'meetings', 'maintainer', '2025-09-09', 'README.md')}`;
  const note = await execute<{ uri: string; text: string }>('govmd.newMeetingNotes', base, '2025-09-23');
  assert.equal(note.uri, `file://${join(root, 'dragonflyoss-community', 'meetings', 'maintainer', '2025-09-23', 'README.md')}`);
  assert.equal(note.text, readFileSync(join(__dirname, '..', 'fixtures', 'generated', 'maintainer-meeting-2025-09-23.md'), 'utf8'));
});

test('command govmd.newDueDiligence: the built-in skeleton for the level, with the project filled in', async () => {
  const { text } = await execute<{ text: string }>('govmd.newDueDiligence', { level: 'incubation', project: 'Foo' });
  assert.match(text, /^# Foo Incubation Due Diligence/);
  assert.equal((text.match(/^## /gm) ?? []).length >= 6, true);
});

test('command govmd.knownOwners: TODO owners and handles for the TODO block, none that unknown-owner flags there', async () => {
  const meetingUri = `file://${join(root, 'maintainer-meeting.md')}`;
  await open(meetingUri, readFileSync(SEED_MEETING, 'utf8'));
  const flagged = (await server.waitForDiagnostics(meetingUri, (d) => d.length > 0)).filter((d) => d.code === 'unknown-owner');
  // `@Gaius` for the attendee [Gaius](https://github.com/gaius-qi): the one slip in the seed note.
  assert.deepEqual(flagged.map((d) => /^@(\S+)/.exec(String(d.message))![1]), ['Gaius']);
  const owners = await execute<{ todoOwners: string[]; handles: string[] }>('govmd.knownOwners', meetingUri);
  assert.ok(owners.todoOwners.includes('Dragonfly Team'));
  // An attendee of the note, and a maintainer the community repository's MAINTAINERS.md names.
  for (const handle of ['taofengliu', 'allencloud']) assert.ok(owners.handles.includes(handle), handle);
  const offered = [...owners.handles, ...owners.todoOwners].map((name) => name.replace(/^@/, '').toLowerCase());
  assert.ok(!offered.includes('gaius'), `offered: ${offered.join(', ')}`);
});

test('command govmd.duplicates: every duplicated topic with its places', async () => {
  const { text } = await execute<{ text: string }>('govmd.duplicates');
  assert.match(text, /^# Duplicated definitions\n\n2 topics are defined in more than one place/);
  assert.match(text, /## join or be added — approver, maintainer, member\n\n- \[ \] \[Adding New Member\/Approver\/Maintainer\]\(dragonflyoss-community\/COMMUNITY_MEMBERSHIP\.md#L47\) — dragonflyoss-community\/COMMUNITY_MEMBERSHIP\.md:47 \(keep\)\n- \[ \] \[How to Become a Member\]/);
});

test('fixing the target file on disk clears the broken fragment in the DD without reopening it', async () => {
  const target = join(root, 'dragonflyoss-community', 'COMMUNITY_MEMBERSHIP.md');
  const before = await server.waitForDiagnostics(ddUri, (d) => d.some((x) => x.code === 'broken-fragment' && x.range.start.line === 161));
  assert.equal(before.filter((d) => d.code === 'broken-fragment').length, 2);
  writeFileSync(target, `${readFileSync(target, 'utf8')}\n### Adding New Maintainers\n\nSee above.\n`);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${target}`, type: 2 }] });
  const after = await server.waitForDiagnostics(ddUri, (d) => d.length > 0 && !d.some((x) => x.code === 'broken-fragment' && x.range.start.line === 161));
  assert.deepEqual(after.filter((d) => d.code === 'broken-fragment').map((d) => d.range.start.line + 1), [164]);
});
