import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, selectAutomaticFixes } from '../../server/src/engine/fixes';
import type { Finding, TextEdit } from '../../server/src/engine/types';

const at = (line: number, character: number) => ({ line, character });
const edit = (from: [number, number], to: [number, number], newText: string): TextEdit => ({ range: { start: at(...from), end: at(...to) }, newText });
const finding = (name: string, ...edits: TextEdit[]): Finding => ({
  uri: 'file:///ws/a.md',
  code: name,
  severity: 'warning',
  range: edits[0].range,
  message: name,
  fixes: [{ title: name, edits, automatic: true }],
});

test('automatic fixes: one per finding, none touching another picked before it (that one waits a round)', () => {
  const findings = [
    finding('a', edit([0, 0], [0, 3], 'A')),
    finding('overlaps a', edit([0, 2], [0, 5], 'B')),
    finding('touches a', edit([0, 3], [0, 4], 'C')),
    finding('inserts where a starts', edit([0, 0], [0, 0], 'D')),
    finding('inserts where a ends', edit([0, 3], [0, 3], 'E')),
    finding('second line, two edits', edit([1, 0], [1, 1], 'F'), edit([2, 0], [2, 1], 'G')),
    finding('inside the first of those', edit([1, 0], [1, 0], 'H')),
    finding('between those two', edit([1, 2], [1, 3], 'I')),
    finding('spans both lines', edit([1, 5], [2, 0], 'J')),
    { ...finding('not automatic', edit([3, 0], [3, 1], 'K')), fixes: [{ title: 'manual', edits: [edit([3, 0], [3, 1], 'K')] }] },
    { ...finding('another file', edit([4, 0], [4, 1], 'L')), fixes: [{ title: 'other', edits: [{ ...edit([4, 0], [4, 1], 'L'), uri: 'file:///ws/b.md' }], automatic: true }] },
  ];
  const { applied, edits } = selectAutomaticFixes(findings, 'file:///ws/a.md');
  assert.deepEqual(applied.map((a) => a.title), ['a', 'touches a', 'second line, two edits', 'between those two', 'spans both lines']);
  assert.equal(applyEdits('abcdefg\nxyzuvw\npq\nr\ns\n', edits), 'ACefg\nFyIuvJGq\nr\ns\n');
});

test('applyEdits: edits given in any order, at the same offset kept in the order given', () => {
  const text = 'one\r\ntwo\rthree\n';
  // As LSP says: inserts at one position appear in the order of the array.
  assert.equal(applyEdits(text, [edit([2, 0], [2, 5], '3'), edit([0, 0], [0, 3], '1'), edit([1, 3], [1, 3], '!'), edit([1, 0], [1, 0], '<'), edit([1, 0], [1, 0], '>')]), '1\r\n<>two!\r3\n');
});
