import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, medianPairedRatio, percentile } from '../../bench/stats';
import { duration, markdownTable, megabytes, ratio } from '../../bench/table';

test('median: the middle sample, or the mean of the two middle ones; order does not matter', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.ok(Number.isNaN(median([])));
});

test('percentile: nearest rank, so p95 of 20 samples is the 19th and a single stall only moves the max', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => 20 - i);
  assert.equal(percentile(oneToTwenty, 95), 19);
  assert.equal(percentile(oneToTwenty, 50), 10);
  assert.equal(percentile(oneToTwenty, 100), 20);
  assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95), 95);
  assert.equal(percentile([5], 95), 5);
  assert.equal(percentile([1, 2], 0), 1);
  assert.ok(Number.isNaN(percentile([], 95)));
});

test('medianPairedRatio: ratios are taken round by round, then their median', () => {
  // A slow second round moves both runs; the ratio of each round is 2.
  assert.equal(medianPairedRatio([2, 20, 4], [1, 10, 2]), 2);
  // Unpaired runs and a zero baseline are left out.
  assert.equal(medianPairedRatio([3, 6, 9], [0, 2]), 3);
  assert.ok(Number.isNaN(medianPairedRatio([], [])));
});

test('the table and its cells: aligned Markdown, n/a for what was not measured', () => {
  assert.equal(
    markdownTable(['measure', 'govmd'], [['cold', '1.5 s'], ['warm', 'n/a']]),
    ['| measure | govmd |', '|---------|-------|', '| cold    | 1.5 s |', '| warm    | n/a   |'].join('\n'),
  );
  assert.equal(duration(18_240), '18.2 s');
  assert.equal(duration(123_456), '123 s');
  assert.equal(duration(950.4), '950 ms');
  assert.equal(duration(4.44), '4.4 ms');
  assert.equal(duration(undefined), 'n/a');
  assert.equal(megabytes(334.4), '334 MB');
  assert.equal(megabytes(Number.NaN), 'n/a');
  assert.equal(ratio(6.514), '6.51×');
  assert.equal(ratio(24.4), '24×');
  assert.equal(ratio(undefined), 'n/a');
});
