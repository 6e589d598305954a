import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GovDocument } from '../../../server/src/engine/govDocument';
import type { TextEdit } from '../../../server/src/engine/types';
import { toggleCriterion } from '../../../server/src/engine/generate/toggleCriterion';
import { openCriterionNear } from '../../../server/src/engine/generate/openCriterion';
import { applyEdits } from '../../../server/src/engine/fixes';
import { govDocument } from '../../helpers/documents';
import { SEED_DD, SEED_MEETING, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const dd = govDocument('dd.md', read(SEED_DD));
const meeting = govDocument('meetings/maintainer/2025-10-14/README.md', read(SEED_MEETING));

/** The offset of a 1-based line and column. */
const at = (doc: GovDocument, line: number, column = 1) => doc.parsed.lines.offsetAt({ line: line - 1, character: column - 1 });
/** `52:3-52:6 [x]`: 1-based range and the new text. */
const describe = (edit: TextEdit | undefined) =>
  edit && `${edit.range.start.line + 1}:${edit.range.start.character + 1}-${edit.range.end.line + 1}:${edit.range.end.character + 1} ${edit.newText}`;

const toggles: { name: string; doc: GovDocument; line: number; column?: number; edit: string | undefined }[] = [
  { name: 'on an open criterion', doc: dd, line: 52, column: 40, edit: '52:3-52:6 [x]' },
  { name: 'in the indentation of its evidence bullet', doc: dd, line: 53, edit: '52:3-52:6 [x]' },
  { name: 'a met criterion, two spaces after the box, from its indented TODO', doc: dd, line: 70, column: 10, edit: '57:3-57:6 [ ]' },
  { name: 'a sub-criterion: only the sub-criterion', doc: dd, line: 73, column: 8, edit: '73:5-73:8 [ ]' },
  { name: 'the evaluation marker at column 0 after the list belongs to the criterion above', doc: dd, line: 76, edit: '72:3-72:6 [ ]' },
  { name: 'a TODO in the body of an open criterion', doc: dd, line: 79, column: 20, edit: '77:3-77:6 [x]' },
  { name: 'one of five sub-criteria', doc: dd, line: 346, column: 30, edit: '346:5-346:8 [x]' },
  { name: 'a note among the sub-criteria is the parent’s', doc: dd, line: 349, column: 30, edit: '342:3-342:6 [x]' },
  { name: 'evaluation prose at column 0', doc: dd, line: 357, column: 5, edit: '354:3-354:6 [ ]' },
  { name: 'on an area heading: no criterion', doc: dd, line: 359, edit: undefined },
  { name: 'in the summary above the criteria', doc: dd, line: 14, column: 10, edit: undefined },
  { name: 'an action item of a meeting note', doc: meeting, line: 35, column: 12, edit: '35:3-35:6 [x]' },
  { name: 'a done sub-action', doc: meeting, line: 34, column: 30, edit: '34:5-34:8 [ ]' },
  { name: 'a topic is no task', doc: meeting, line: 26, column: 5, edit: undefined },
  { name: 'upper-case X', doc: govDocument('t.md', md('- [X] Done @a')), line: 1, column: 9, edit: '1:3-1:6 [ ]' },
];

for (const c of toggles) {
  test(`toggleCriterion: ${c.name}`, () => {
    assert.equal(describe(toggleCriterion(c.doc, at(c.doc, c.line, c.column))), c.edit);
  });
}

test('toggleCriterion twice gives back the text', () => {
  const once = applyEdits(dd.text, [toggleCriterion(dd, at(dd, 52))!]);
  const again = govDocument('dd.md', once);
  assert.equal(applyEdits(once, [toggleCriterion(again, at(again, 52))!]), dd.text);
});

// The seed's open criteria start on lines 52, 77, 96, 123, 140, 159, 175, 193, 208, 217, 224, 259, 278, 320, 342, 365, 395, 424, 429.
const jumps: { name: string; line: number; column?: number; next: number; previous: number }[] = [
  { name: 'from the top: the first; back: wraps to the last', line: 1, next: 52, previous: 429 },
  { name: 'on the first open criterion', line: 52, column: 3, next: 77, previous: 429 },
  { name: 'inside a met criterion’s body', line: 70, next: 77, previous: 52 },
  { name: 'in a sub-criterion: counted from its criterion', line: 344, next: 365, previous: 320 },
  { name: 'on the last open criterion: wraps to the first', line: 429, next: 52, previous: 424 },
  { name: 'in the adoption section after every criterion', line: 500, next: 52, previous: 429 },
];

for (const c of jumps) {
  test(`openCriterionNear: ${c.name}`, () => {
    const offset = at(dd, c.line, c.column);
    const next = openCriterionNear(dd, offset, 'next')!;
    const previous = openCriterionNear(dd, offset, 'previous')!;
    assert.deepEqual([next.range.start.line + 1, previous.range.start.line + 1], [c.next, c.previous]);
    assert.equal(dd.text.slice(next.span.start, next.span.end), '[ ]');
    assert.equal(next.range.start.character, 2);
  });
}

test('openCriterionNear: nothing open, nothing to go to', () => {
  const done = govDocument('dd.md', md('## Security', '### Required', '- [x] **Document Security Self-Assessment.**'));
  assert.equal(openCriterionNear(done, 0, 'next'), undefined);
  assert.equal(openCriterionNear(meeting, 0, 'previous'), undefined);
});
