import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../../server/src/engine/parse/document';
import { md } from '../../helpers/ruleTester';

// cncf/toc projects/pixie/governance-review/2024-09-27.md:110 (4acc1dc): a line of spaces before a
// table was read as lists nested 64 columns deep, and the table went unchecked.
test('a line of white space nests nothing', () => {
  const parsed = new DocumentParser().parse(md('Findings:', ' '.repeat(90), '| Area | Status |', '| --- | --- |', '| [Governance](#governance) | ok |'));
  assert.deepEqual(parsed.skipped, []);
  assert.equal(parsed.links.length, 1);
});
