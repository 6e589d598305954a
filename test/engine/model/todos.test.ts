import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareTodos, findTodos, todoMarkers } from '../../../server/src/engine/model/todos';

// The regular expressions the TODO markers were found with until the fuzzer found them backtracking
// over every pair of characters of a run of blanks inside a marker. The readers must find exactly
// what they found.
const TODO_MARKER = /(\*\*|__)?\bTODO\b(?:[ \t]+[Ff][Oo][Rr][ \t]+([^*_:\r\n]+?))?[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)?)/g;
const BARE_TODO = /(?<![^\r\n])[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:(?:<[^>\r\n]*>|\[[^\]\r\n]*\]\([^)\r\n]*\)|https?:\/\/\S+)[ \t]+)?(\*\*|__)?(TODO)\1[ \t]*[.!]?[ \t]*(?![^\r\n])/g;

function markersByExpression(text: string) {
  return [...text.matchAll(TODO_MARKER)].map((match) => ({
    span: { start: match.index, end: match.index + match[0].length },
    ...(match[2] !== undefined && { owner: match[2] }),
  }));
}

function bareTodosByExpression(text: string) {
  return [...text.matchAll(BARE_TODO)].map((match) => {
    const start = match.index + match[0].lastIndexOf('TODO') - (match[1]?.length ?? 0);
    return { start, end: start + 4 + 2 * (match[1]?.length ?? 0) };
  });
}

const PIECES = [
  'TODO', 'TODO', 'todo', 'TODOS', 'for', 'For', 'FOR', 'fOr', ' ', ' ', '  ', '\t', '**', '__', '*', '_', ':', ':', '.', '!', '>', '> ',
  '- ', '* ', '+ ', '1. ', '2) ', '[ ] ', '[x] ', '[X]', '<https://a>', '<', '>', '[a](b)', '[a]', '(b)', '[', ']', '(', ')',
  'https://x.y/z', 'http://', 'x', 'Drag', 'onfly Team', '\u00a0', '\n', '\r', '\r\n', '\n\n', 'é',
];

/**
 * Lines shaped like markers (a prefix, bold, `TODO`, ` for <owner>`, a colon, bold, text), each part
 * at random kept, left out or replaced by another piece, so that most are near misses.
 */
const SHAPE = [
  ['', '> ', '- ', '1. ', '- [ ] ', '[x] ', '<https://a> ', '- [a](b) ', 'https://x.y/z '],
  ['**', '__', '*'],
  ['TODO'],
  [' ', '  ', '\t'],
  ['for', 'For', 'FOR'],
  [' ', '  ', '\t '],
  ['Drag', 'onfly Team', 'a b', 'x'],
  ['', ' ', '  '],
  ['**', '__'],
  [' ', ''],
  [':', '.', '!'],
  [' ', '\t'],
  ['**', '__'],
  [' write it', ' x', '\n', '\r\nTODO', ''],
];

/** Lines shaped like a bare `TODO` item: a prefix, bold, `TODO`, bold, a full stop, blanks. */
const BARE_SHAPE = [
  [' ', '> ', '>\t> ', '- ', '12) ', '* ', '+\t'],
  ['[ ] ', '[X]\t', '[x]'],
  ['<https://a> ', '[a](b) ', 'https://x.y/z\t', '<a>', '[a](b)'],
  ['**', '__'],
  ['TODO'],
  ['**', '__'],
  [' ', '\t\t'],
  ['.', '!', ':'],
  [' ', '\t'],
];

function randomTexts(count: number, seed: number): string[] {
  let random = seed;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const part = (choices: readonly string[]) => {
    const roll = next();
    return roll < 0.6 ? pick(choices) : roll < 0.8 ? '' : pick(PIECES);
  };
  const line = () => (next() < 0.5 ? SHAPE : BARE_SHAPE).map(part).join('');
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, line).join(pick(['\n', '\r', '\r\n', ' '])));
}

test('TODO markers are what the expression found, owner included, on 150,000 short texts of their characters', () => {
  const texts = [
    ...randomTexts(150_000, 11),
    '**TODO for Dragonfly Team:** write it', '**TODO for X**: y', 'TODO for   : y', 'TODO for : y', 'TODO For a b  :** c',
    '**TODO**: a', 'TODO: a', 'TODO:** a', '***TODO:**', 'TODO**TODO:', 'TODO:**TODO**:', 'x**TODO:', '__TODO__:', 'TODO for a*:',
  ];
  for (const text of texts) assert.deepEqual(todoMarkers(text), markersByExpression(text), JSON.stringify(text));
});

test('bare TODOs are what the expression found, on 150,000 short texts of their characters', () => {
  const texts = [
    ...randomTexts(150_000, 23),
    'TODO', '**TODO**', '__TODO__.', '> - [ ] <https://github.com/o/r/issues/1> TODO', '1. [link](x) **TODO** !', 'the TODO list',
    '**TODO', 'TODO**', '- https://x TODO', '-TODO', '> > TODO\r\n  TODO \rTODO!', '1234567890. TODO',
  ];
  for (const text of texts) assert.deepEqual(bareTodos(text), bareTodosByExpression(text), JSON.stringify(text));
});

test('a TODO owner with 400,000 blanks in it is read once (npm run fuzz, seed 3003: it never finished)', { timeout: 60_000 }, () => {
  const blanks = ' '.repeat(400_000);
  const text = `- [x] **Security audit**\n\n  **TODO for Drag${blanks}onfly Team:** need evidence of fixes.\n`;
  const [todo, ...others] = findTodos(text, []);
  assert.deepEqual(others, []);
  assert.equal(todo.owner, `Drag${blanks}onfly Team`);
  assert.equal(todo.text, 'need evidence of fixes.');
  assert.equal(text.slice(todo.span.start, todo.span.end), `**TODO for Drag${blanks}onfly Team:**`);
  assert.deepEqual(findTodos(`TODO for Drag${blanks}onfly Team`, []), [], 'no colon: not a marker');
});

test('a TODO followed by 400,000 tabs and more text is a word, found once (npm run fuzz, seed 3003: 11 s)', { timeout: 60_000 }, () => {
  const tabs = '\t'.repeat(400_000);
  assert.deepEqual(findTodos(`- TODO${tabs}[PR](https://github.com/o/r/pull/4087)\n`, []), []);
  const text = `> - TODO${tabs}.${tabs}\n`;
  assert.deepEqual(findTodos(text, []), [{ span: { start: 4, end: 8 }, lineSpan: { start: 4, end: 8 }, text: '' }]);
});
