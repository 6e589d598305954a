import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaceholders } from '../../../server/src/engine/model/placeholders';

// Each blank of the CNCF templates alone in its chunk: the quick look for any of them before the
// seven searches must let every one through.
const BLANKS = ['$TOCMEMBER', '$Project', '$COMPANY/$INDUSTRY', 'DD-MMM-YYYY', 'MONTH YEAR', '[in use/too early]', '[has/has not]', 'Name / Industry', 'TBD', '<TBD>'];

for (const blank of BLANKS) {
  test(`the blank ${blank} is found alone in a chunk`, () => {
    const text = `Written on ${blank} here.\n`;
    const found = findPlaceholders(text, [], [], []);
    assert.deepEqual(
      found.map((placeholder) => placeholder.text),
      [blank],
    );
    assert.equal(found[0].span.start, 'Written on '.length);
  });
}

test('a chunk with none of the blanks has no placeholder', () => {
  assert.deepEqual(findPlaceholders('The $ sign, a month, a year, and tbd in small letters.\n', [], [], []), []);
});
