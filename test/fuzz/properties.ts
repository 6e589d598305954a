import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { defaultSettings } from '../../server/src/engine/settings';
import { applyAutomaticFixes, selectAutomaticFixes } from '../../server/src/engine/fixes';
import type { Finding, TextEdit } from '../../server/src/engine/types';
import { fileUri } from '../../server/src/engine/text/uriText';
import { main } from '../../server/src/cli';

/** A property of the engine that did not hold; the message says which and where. */
export class PropertyFailure extends Error {
  override name = 'PropertyFailure';
}

export interface CaseMeasure {
  /** UTF-8 bytes of the document. */
  bytes: number;
  /** Milliseconds `Project.check` took (what `govmd check` and the server's diagnostics call). */
  checkMs: number;
  /** Milliseconds fix-all took, every round with its re-check. */
  fixMs: number;
  findings: number;
  fixRounds: number;
}

const RULE_FAILED = /check failed on this document/;

/**
 * The three properties for one document, checked where the engine sits in the workspace a TOC
 * reviewer has open (the Dragonfly community repository beside it):
 * 1. the check throws nothing, and no rule fails on it (check.ts turns a rule's exception into a
 *    finding: that is a failure here);
 * 2. its work is measured (the caller decides what is too slow: npm test never does);
 * 3. fix-all, the function `govmd check --fix` and the server's `source.fixAll` call, changes only
 *    the text inside its edits' ranges as an LSP client reads them, writes only line breaks the
 *    document already has, keeps a byte order mark, and leaves a text that checks without failure.
 */
export async function checkDocumentProperties(project: Project, path: string, text: string): Promise<CaseMeasure> {
  const uri = `file:///ws/${path}`;
  project.setOpenText(uri, text);
  try {
    return await checkOpenDocument(project, uri, text);
  } finally {
    project.closeOpenText(uri);
  }
}

/**
 * The project a fuzzed document is checked in, as the language server holds one: the fuzzed text
 * is an open document, the workspace's facts (owners, links, duplicates) are gathered once.
 */
export function fuzzProject(workspaceFiles: Readonly<Record<string, string>>): Project {
  return new Project(new InMemoryWorkspace({ ...workspaceFiles }), defaultSettings());
}

async function checkOpenDocument(project: Project, uri: string, text: string): Promise<CaseMeasure> {
  const started = performance.now();
  const findings = await project.check(uri);
  const checkMs = performance.now() - started;
  assertNoRuleFailed(findings, 'the check');
  assertRangesOnTheirLines(findings, text);

  const rounds: { text: string; findings: Finding[] }[] = [{ text, findings }];
  const fixStarted = performance.now();
  const result = await applyAutomaticFixes(uri, text, findings, async (fixed) => {
    const found = await project.checkText(uri, fixed);
    rounds.push({ text: fixed, findings: found });
    return found;
  });
  const fixMs = performance.now() - fixStarted;
  for (let round = 0; round + 1 < rounds.length; round++) {
    const { edits } = selectAutomaticFixes(rounds[round].findings, uri);
    assertEditsKeepTheRest(rounds[round].text, edits, rounds[round].findings, rounds[round + 1].text, round + 1);
    assertNoRuleFailed(rounds[round + 1].findings, `the re-check after fix round ${round + 1}`);
  }
  if (rounds[rounds.length - 1].text !== result.text) throw new PropertyFailure('fix-all returned a text other than its last round made');
  return { bytes: Buffer.byteLength(text, 'utf8'), checkMs, fixMs, findings: findings.length, fixRounds: rounds.length - 1 };
}

/**
 * Every finding's and every fix's range names a place on a line as an LSP client counts lines
 * (`\r\n`, `\r` and `\n` each end one): not past the line's end, not past the last line.
 */
function assertRangesOnTheirLines(findings: readonly Finding[], text: string): void {
  const lineLengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  const check = (position: { line: number; character: number }, what: string) => {
    if (position.line >= lineLengths.length || position.character > lineLengths[position.line]) {
      throw new PropertyFailure(`${what} is at ${position.line + 1}:${position.character + 1}, past the end of ${position.line >= lineLengths.length ? 'the document' : `that line (${lineLengths[position.line]} characters)`}`);
    }
  };
  for (const finding of findings) {
    check(finding.range.start, `a ${finding.code} finding`);
    check(finding.range.end, `the end of a ${finding.code} finding`);
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) {
        if (edit.uri && edit.uri !== finding.uri) continue;
        check(edit.range.start, `an edit of the ${finding.code} fix "${fix.title}"`);
        check(edit.range.end, `the end of an edit of the ${finding.code} fix "${fix.title}"`);
      }
    }
  }
}

function assertNoRuleFailed(findings: readonly Finding[], when: string): void {
  const failed = findings.find((finding) => RULE_FAILED.test(finding.message));
  if (failed) throw new PropertyFailure(`${when}: ${failed.message}`);
}

/**
 * One round of fixes, read as an LSP client reads it (vscode-languageserver-textdocument's own
 * line model and edit application, not the engine's): the edits do not overlap, the text between
 * them is unchanged byte for byte, each stays on its finding's lines, and inserts no line break
 * the document does not already use.
 */
function assertEditsKeepTheRest(before: string, edits: readonly TextEdit[], findings: readonly Finding[], after: string, round: number): void {
  const document = TextDocument.create('file:///ws/fuzzed.md', 'markdown', 1, before);
  let expected: string;
  try {
    expected = TextDocument.applyEdits(document, edits as TextEdit[]);
  } catch (error) {
    throw new PropertyFailure(`fix round ${round}: an LSP client refuses the edits: ${(error as Error).message}`);
  }
  if (expected !== after) {
    const at = firstDifference(expected, after);
    throw new PropertyFailure(`fix round ${round}: the engine's text differs from the edits applied as LSP says, at offset ${at}: ${JSON.stringify(after.slice(at, at + 40))} where ${JSON.stringify(expected.slice(at, at + 40))}`);
  }
  const spans = edits
    .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = 0;
  let written = 0;
  for (const span of spans) {
    const kept = before.slice(cursor, span.start);
    if (after.slice(written, written + kept.length) !== kept) throw new PropertyFailure(`fix round ${round}: text outside the edits changed between offsets ${cursor} and ${span.start}`);
    written += kept.length + span.newText.length;
    cursor = Math.max(cursor, span.end);
    if (isLowSurrogate(before.charCodeAt(span.start)) && isHighSurrogate(before.charCodeAt(span.start - 1))) throw new PropertyFailure(`fix round ${round}: an edit starts inside a surrogate pair at ${span.start}`);
    if (isLowSurrogate(before.charCodeAt(span.end)) && isHighSurrogate(before.charCodeAt(span.end - 1))) throw new PropertyFailure(`fix round ${round}: an edit ends inside a surrogate pair at ${span.end}`);
  }
  if (after.slice(written) !== before.slice(cursor)) throw new PropertyFailure(`fix round ${round}: text after the last edit changed`);
  if (before.charCodeAt(0) === 0xfeff && after.charCodeAt(0) !== 0xfeff) throw new PropertyFailure(`fix round ${round}: the byte order mark was removed`);

  const breaks = new Set(before.match(/\r\n|\r|\n/g) ?? ['\n']);
  for (const edit of edits) {
    for (const lineBreak of edit.newText.match(/\r\n|\r|\n/g) ?? []) {
      if (!breaks.has(lineBreak)) throw new PropertyFailure(`fix round ${round}: an edit writes ${JSON.stringify(lineBreak)} into a document with only ${JSON.stringify([...breaks])} line breaks`);
    }
  }
  for (const finding of findings) {
    const chosen = finding.fixes?.find((fix) => fix.automatic);
    for (const edit of chosen?.edits ?? []) {
      if (edit.range.start.line < finding.range.start.line || edit.range.end.line > finding.range.end.line + 1) {
        throw new PropertyFailure(`fix round ${round}: the ${finding.code} fix "${chosen!.title}" edits lines ${edit.range.start.line + 1}-${edit.range.end.line + 1}, outside its finding's lines ${finding.range.start.line + 1}-${finding.range.end.line + 1}`);
      }
    }
  }
}

/**
 * `govmd check --fix` itself on the document written to a file (with a byte order mark when the
 * text starts with U+FEFF): it exits 0 or 1, reports no internal error, and the file then holds
 * exactly what fix-all makes of the text in the engine, with its byte order mark.
 */
export async function checkCliFix(path: string, text: string): Promise<void> {
  // A file holds UTF-8: no lone surrogates; NUL makes it a binary file, which is refused (exit 2).
  const fileText = text.replace(LONE_SURROGATE, '\ufffd').replace(/\0/g, '');
  const folder = mkdtempSync(join(tmpdir(), 'govmd-fuzz-'));
  try {
    mkdirSync(join(folder, '.git'));
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    const hasBom = fileText.charCodeAt(0) === 0xfeff;
    writeFileSync(file, fileText);
    const seen = hasBom ? fileText.slice(1) : fileText;

    const uri = fileUri(file);
    const project = new Project(new InMemoryWorkspace({ [uri]: seen }, [fileUri(folder)]), defaultSettings());
    const expected = (await applyAutomaticFixes(uri, seen, await project.check(uri), (fixed) => project.checkText(uri, fixed))).text;

    const errors: string[] = [];
    const code = await main(['check', '--fix', '--format', 'json', '--hints', path], { cwd: folder, out: () => undefined, err: (line) => errors.push(line) });
    const internal = errors.find((line) => /internal error|check failed/.test(line));
    if (code === 2 || internal) throw new PropertyFailure(`govmd check --fix exited ${code}: ${internal ?? errors.join(' | ')}`);
    const written = readFileSync(file, 'utf8');
    const wanted = (hasBom ? '\ufeff' : '') + expected;
    if (written !== wanted) {
      const at = firstDifference(written, wanted);
      throw new PropertyFailure(`govmd check --fix wrote other text than fix-all makes, at offset ${at}: ${JSON.stringify(written.slice(at, at + 40))} where ${JSON.stringify(wanted.slice(at, at + 40))}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
