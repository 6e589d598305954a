import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDelimiterRow } from '../../../server/src/engine/parse/lezerTable';
import { readFacts } from '../../../server/src/engine/parse/readFacts';
import { extractFacts } from '../../../server/src/engine/parse/facts';
import { parseMarkdown } from '../../oracle/remark';

// The regular expression lezer's tables test a delimiter row with: exact, but it tries every split
// of a run of white space between two `\s*` when the line is not a delimiter row.
const LEZER_DELIMITER_ROW = /^[>\s]*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?\s*$/;

test('a delimiter row is what lezer takes for one, on every short line of its characters', () => {
  const alphabet = [' ', '\t', '|', '-', ':', '>', 'a', '\u00a0', '\\'];
  let random = 7;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 200_000; n++) {
    const line = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    assert.equal(isDelimiterRow(line), LEZER_DELIMITER_ROW.test(line), JSON.stringify(line));
  }
  for (const line of ['|---|---|', '---|---', '| :-: | --: |  ', '> |-|', '|---', '---', '|', '| - | - | x', ':|-']) {
    assert.equal(isDelimiterRow(line), LEZER_DELIMITER_ROW.test(line), line);
  }
});

test('a table whose delimiter row holds 180,000 tabs is read as remark reads it (npm run fuzz: it never finished)', () => {
  for (const row of [`| ---- | ---${'\t'.repeat(180_000)}--- |`, `| ---- | ---${'\t'.repeat(180_000)}|`]) {
    const text = `| Role | Duties |\n${row}\n| **Member** | Review |\n`;
    assert.deepEqual(readFacts(text), extractFacts(parseMarkdown(text), text));
  }
});
