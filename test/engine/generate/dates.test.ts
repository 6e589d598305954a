import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, dateInPath, daysBetween, findDates, replaceFirstDate } from '../../../server/src/engine/generate/dates';

// A date moves to another day written the way the author wrote it.
const rewrites: [written: string, to: string, expected: string][] = [
  ['Maintainer Meeting 2025-09-09', '2025-09-23', 'Maintainer Meeting 2025-09-23'],
  ['notes/2025_09_09.md', '2025-10-07', 'notes/2025_10_07.md'],
  ['20250909.md', '2025-10-07', '20251007.md'],
  ['Meeting 2025/09/09', '2025-10-07', 'Meeting 2025/10/07'],
  ['TSC — September 9, 2025', '2025-10-07', 'TSC — October 7, 2025'],
  ['TSC — Sep 9, 2025', '2025-12-01', 'TSC — Dec 1, 2025'],
  ['TSC — Sept. 9 2025', '2025-06-01', 'TSC — Jun. 1 2025'],
  ['TSC — June 3, 2025', '2025-10-07', 'TSC — October 7, 2025'],
  ['TSC — 9th September 2025', '2025-10-22', 'TSC — 22nd October 2025'],
  ['TSC — 9 SEP 2025', '2025-10-11', 'TSC — 11 OCT 2025'],
  ['No date here', '2025-10-11', 'No date here'],
  ['Not a date: 2025-02-30, issue #20251399', '2025-10-11', 'Not a date: 2025-02-30, issue #20251399'],
];

for (const [written, to, expected] of rewrites) {
  test(`replaceFirstDate: ${written} → ${expected}`, () => {
    assert.equal(replaceFirstDate(written, to), expected);
  });
}

test('findDates: every date, in order, as ISO', () => {
  assert.deepEqual(findDates('From 9 September 2025 to 2025-09-23 and Oct 7, 2025.').map((d) => d.iso), ['2025-09-09', '2025-09-23', '2025-10-07']);
});

test('dateInPath: the last file or folder name holding a date', () => {
  assert.equal(dateInPath('meetings/2024-01-01/maintainer/2025-09-09/README.md')?.iso, '2025-09-09');
  assert.equal(dateInPath('meetings/maintainer/README.md'), undefined);
});

test('calendar arithmetic in UTC, across months and leap days', () => {
  assert.equal(addDays('2025-12-25', 14), '2026-01-08');
  assert.equal(addDays('2024-02-22', 7), '2024-02-29');
  assert.equal(daysBetween('2025-10-14', '2025-10-28'), 14);
  assert.equal(daysBetween('2025-03-25', '2025-04-08'), 14);
});
