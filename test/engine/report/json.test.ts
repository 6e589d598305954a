import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonReportLines, toJsonFindings } from '../../../server/src/engine/report/json';
import type { Finding } from '../../../server/src/engine/types';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 3 } });

function findingsOf(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    uri: `file:///w/doc-${index % 7}.md`,
    code: index % 2 ? 'duplicate-section' : 'broken-link',
    severity: 'warning',
    range: at(index, index % 5),
    message: `Message ${index}: "quoted", a line\nbreak, a tab\t, and é`,
    ...(index % 3 === 0 ? { related: [{ uri: 'file:///w/other.md', range: at(2, 0), message: 'Also defined here: "x"' }, { uri: 'file:///w/third.md', range: at(9, 4), message: 'Also here' }] } : {}),
  }));
}

const fileOf = (uri: string) => uri.replace('file:///w/', '');

/** What `govmd check --format json` wrote before the report was written in pieces: one text and its line break. */
const wholeReport = (findings: Finding[]) => `${JSON.stringify(toJsonFindings(findings, fileOf), null, 2)}\n`;

/** The pieces as the CLI writes them, each followed by a line break. */
const writtenInPieces = (findings: Finding[], pieceLength?: number) => [...jsonReportLines(findings, fileOf, pieceLength)].map((piece) => `${piece}\n`).join('');

test('the JSON report written in pieces is the text written whole: no finding, one, many, in pieces of any size', () => {
  for (const count of [0, 1, 2, 25]) {
    const findings = findingsOf(count);
    for (const pieceLength of [1, 200, 1000, undefined]) {
      assert.equal(writtenInPieces(findings, pieceLength), wholeReport(findings), `${count} findings, pieces of ${pieceLength}`);
    }
  }
});

test('a large report comes in more than one piece, none much longer than asked', () => {
  const pieces = [...jsonReportLines(findingsOf(400), fileOf, 4096)];
  assert.ok(pieces.length > 10, `${pieces.length} pieces`);
  assert.ok(pieces.every((piece) => piece.length < 4096 + 1000), 'a piece is at most one finding longer than asked');
  assert.deepEqual(JSON.parse(pieces.join('\n')), toJsonFindings(findingsOf(400), fileOf));
});
