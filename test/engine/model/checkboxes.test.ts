import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMalformedCheckboxes } from '../../../server/src/engine/model/checkboxes';

// The expression checkbox candidates were found with until it was tried at each line start alone:
// tried at every offset, it cost as much on lines that could never hold one. The findings must be
// the same.
const CANDIDATE = /(?<![^\r\n])([ \t]*(?:>[ \t]?)*)([-*+]|\d{1,9}[.)])([ \t]*)\[([^\]\r\n]{0,3})\]([^\r\n]?)/g;

function candidatesByExpression(text: string) {
  return [...text.matchAll(CANDIDATE)]
    .filter(([, , , gap, inside, after]) => {
      const inner = inside.trim();
      if ((inner !== '' && inner !== 'x' && inner !== 'X') || after === '(' || after === ':' || after === '[') return false;
      return !(gap.length >= 1 && (inside === ' ' || inside === 'x' || inside === 'X') && (after === '' || /[ \t]/.test(after)));
    })
    .map((match) => ({ start: match.index + match[1].length, end: match.index + match[0].length - match[5].length }));
}

const PIECES = ['- ', '-', '* ', '+\t', '1. ', '12)', '> ', '>', '  ', '\t', '[', ']', '[ ]', '[]', '[x]', '[ x]', '[X ]', '[  ]', '(', ':', 'text', 'x', '\n', '\r', '\r\n', '\u2028', 'é'];

function randomTexts(count: number, seed: number): string[] {
  let random = seed;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 16) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
}

test('malformed checkboxes: the same places as the unanchored expression on 100,000 random texts', () => {
  let found = 0;
  for (const text of randomTexts(100_000, 11)) {
    const spans = findMalformedCheckboxes(text, []).map((box) => box.span);
    found += spans.length;
    assert.deepEqual(spans, candidatesByExpression(text), JSON.stringify(text));
  }
  assert.ok(found > 1000, `${found} malformed checkboxes in all`);
});

test('malformed checkboxes: what GitHub would not render as a task, and what it would', () => {
  const text = '- [] none\n-[ ] no gap\n- [x] fine\n> * [ x] quoted\r\n1. [ ]text\n- [x](https://a) a link\n- [ ] fine';
  assert.deepEqual(
    findMalformedCheckboxes(text, []).map((box) => [box.written, box.replacement]),
    [['- []', '- [ ]'], ['-[ ]', '- [ ]'], ['* [ x]', '* [x]'], ['1. [ ]', '1. [ ] ']],
  );
});
