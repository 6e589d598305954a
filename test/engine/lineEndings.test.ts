import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { splitIntoChunks } from '../../server/src/engine/parse/chunks';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { defaultSettings } from '../../server/src/engine/settings';
import { applyAutomaticFixes, applyEdits } from '../../server/src/engine/fixes';
import type { Finding, TextEdit } from '../../server/src/engine/types';
import { COMMUNITY, SEED_DD, SEED_MEETING, filesUnder } from '../helpers/fixtures';

// LSP, like CommonMark, ends a line at `\n`, `\r\n` or a lone `\r`: positions, findings and
// edits must all count lines that way, or an edit meant for one line lands on another.
const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
const withEnding = (text: string, eol: string) => text.replace(/\r\n?|\n/g, eol);

test('line index: every offset maps to the position an LSP client computes, and back, for all three line endings', () => {
  const texts = [
    'a\nb\r\nc\rd',
    '\r\r\n\n\r',
    '- a\r  - NOTABLE1\r\rImportant paragraph that must survive.\r',
    'x\r\n',
    '',
    'no line break',
    '\u2028 and \u2029 are not line breaks\n',
  ];
  for (const text of texts) {
    const lines = new LineIndex(text);
    const client = TextDocument.create('file:///x.md', 'markdown', 1, text);
    assert.equal(lines.lineCount, client.lineCount, JSON.stringify(text));
    for (let offset = 0; offset <= text.length; offset++) {
      const expected = client.positionAt(offset);
      assert.deepEqual(lines.positionAt(offset), expected, `${JSON.stringify(text)} at ${offset}`);
      assert.equal(lines.offsetAt(expected), client.offsetAt(expected), `${JSON.stringify(text)} back from ${offset}`);
    }
    for (let line = 0; line < lines.lineCount; line++) {
      const next = line + 1 < lines.lineCount ? client.offsetAt({ line: line + 1, character: 0 }) : text.length;
      const withBreak = text.slice(client.offsetAt({ line, character: 0 }), next);
      assert.equal(lines.lineText(line), withBreak.replace(/\r?\n$|\r$/, ''), `${JSON.stringify(text)} line ${line}`);
    }
  }
});

/** The whole-file cases: the seeds beside the community repository they link into, plus a document of every fixable kind. */
function corpus(): Record<string, string> {
  const files: Record<string, string> = {
    'dd.md': readFileSync(SEED_DD, 'utf8'),
    'meeting.md': readFileSync(SEED_MEETING, 'utf8'),
    'fixable-dd.md': [
      '# Foo Due Diligence',
      '',
      '- The following criteria implementations are noteworthy to call out.',
      '  - NOTABLE1',
      '',
      'Important paragraph that must survive.',
      '',
      '## Engineering Principles',
      '',
      '### Required',
      '',
      '- [ ] **Document the release process:**',
      '  - [x] Release expectations',
      '  - [x] Tagging',
      '- []',
      '- [ ]',
      '-[x] **History of regular, quality releases.**',
      '',
      '<!-- (TOC Evaluation goes here) -->',
      '',
      '- [ ] **Roadmap change process is documented.**',
      '  **TODO for Dragonfly Team:** link the',
      '',
      '```',
      '- NOTABLE2',
      '```',
      '',
      '[broken](https://github.chttps://github.com/x) and [a][missing] and [b](#engineering-principle)',
      '',
      '[dup]: https://example.org',
      '[dup]: https://example.org/2',
      '',
    ].join('\n'),
  };
  for (const [uri, text] of Object.entries(filesUnder(COMMUNITY, 'dragonflyoss-community'))) files[uri.slice('file:///ws/'.length)] = text;
  return files;
}

interface Checked {
  findings: Finding[];
  fixed: string;
  quickFixed: string;
}

async function checkAll(files: Record<string, string>): Promise<Map<string, Checked>> {
  const project = new Project(
    new InMemoryWorkspace(Object.fromEntries(Object.entries(files).map(([path, text]) => [`file:///ws/${path}`, text]))),
    { ...defaultSettings(), repositories: { 'dragonflyoss/community': 'dragonflyoss-community' } },
  );
  const results = new Map<string, Checked>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.md')) continue;
    const uri = `file:///ws/${path}`;
    const findings = await project.check(uri);
    const fixed = (await applyAutomaticFixes(uri, text, findings, (trial) => project.checkText(uri, trial))).text;
    // Every finding's first fix, where it does not touch another's: what a user clicking through the light bulbs gets.
    const edits: TextEdit[] = [];
    const taken: [number, number][] = [];
    const lines = new LineIndex(text);
    for (const finding of findings) {
      const fix = finding.fixes?.[0];
      if (!fix || fix.edits.some((edit) => edit.uri && edit.uri !== uri)) continue;
      const spans = fix.edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)] as [number, number]);
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || s === ts))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
    }
    results.set(path, { findings, fixed, quickFixed: applyEdits(text, edits) });
  }
  return results;
}

const summary = (f: Finding) => ({
  code: f.code,
  severity: f.severity,
  range: f.range,
  message: f.message,
  related: f.related?.map((r) => ({ uri: r.uri, range: r.range, message: r.message })),
  fixes: f.fixes?.map((fix) => ({ title: fix.title, ranges: fix.edits.map((edit) => edit.range), newText: fix.edits.map((edit) => edit.newText.replace(/\r\n?/g, '\n')) })),
});

test('the same documents with \\r\\n or lone \\r line endings: the same findings at the same places, and fixes that keep every other byte', async () => {
  const original = corpus();
  const byEnding = new Map<string, Awaited<ReturnType<typeof checkAll>>>();
  for (const [name, eol] of Object.entries(ENDINGS)) {
    byEnding.set(name, await checkAll(Object.fromEntries(Object.entries(original).map(([path, text]) => [path, withEnding(text, eol)]))));
  }
  const lf = byEnding.get('LF')!;
  assert.ok(lf.get('fixable-dd.md')!.findings.length >= 10, 'the fixable document has findings of many kinds');
  assert.notEqual(lf.get('fixable-dd.md')!.fixed, withEnding(original['fixable-dd.md'], '\n'), 'automatic fixes changed it');
  for (const [name, eol] of Object.entries(ENDINGS)) {
    if (name === 'LF') continue;
    const other = byEnding.get(name)!;
    for (const [path, expected] of lf) {
      const actual = other.get(path)!;
      assert.deepEqual(actual.findings.map(summary), expected.findings.map(summary), `${name} ${path}: findings`);
      assert.equal(actual.fixed, withEnding(expected.fixed, eol), `${name} ${path}: text after --fix`);
      assert.equal(actual.quickFixed, withEnding(expected.quickFixed, eol), `${name} ${path}: text after every quick fix`);
    }
  }
  // The fixes themselves, once, in the words a reader checks them by.
  assert.equal(lf.get('fixable-dd.md')!.fixed.split('\n').slice(0, 18).join('\n'), [
    '# Foo Due Diligence',
    '',
    '- The following criteria implementations are noteworthy to call out.',
    '',
    'Important paragraph that must survive.',
    '',
    '## Engineering Principles',
    '',
    '### Required',
    '',
    '- [x] **Document the release process:**',
    '  - [x] Release expectations',
    '  - [x] Tagging',
    '- [ ]',
    '- [ ]',
    '- [x] **History of regular, quality releases.**',
    '',
    '<!-- (TOC Evaluation goes here) -->',
  ].join('\n'));
});

test('chunks: the same cuts, at the same lines, whatever the line endings', () => {
  const text = readFileSync(SEED_DD, 'utf8');
  const cutLines = (eol: string) => {
    const converted = withEnding(text, eol);
    const lines = new LineIndex(converted);
    return splitIntoChunks(converted).map((chunk) => lines.positionAt(chunk.start));
  };
  const lf = cutLines('\n');
  assert.ok(lf.length > 100);
  assert.deepEqual(cutLines('\r\n'), lf);
  assert.deepEqual(cutLines('\r'), lf);
});

test('a code fence opened on a line that ends with a lone \r holds what follows, as remark reads it', async () => {
  const results = await checkAll({ 'notes.md': '# Notes\n\n```\rTODO: inside the code block\n\nTODO: still inside\n' });
  assert.deepEqual(results.get('notes.md')!.findings.map((f) => f.code), []);
});

test('mixed line endings in one document: each line keeps its own', async () => {
  const text = '# Foo Due Diligence\r\n\r\n- Notable:\r  - NOTABLE1\n  - keep this item\r\n  - NOTABLE2\r\rKeep me.\n';
  const results = await checkAll({ 'mixed.md': text });
  assert.equal(results.get('mixed.md')!.fixed, '# Foo Due Diligence\r\n\r\n- Notable:\r  - keep this item\r\n\rKeep me.\n');
});

test('a lone-\\r document: the placeholder line is removed, nothing else (govmd check --fix erased it)', async () => {
  const results = await checkAll({ 'a.md': '- a\r  - NOTABLE1\r\rImportant paragraph that must survive.\r' });
  const { findings, fixed } = results.get('a.md')!;
  assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.code}`), ['2:5-2:13 placeholder']);
  assert.equal(fixed, '- a\r\rImportant paragraph that must survive.\r');
});
