import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InlineContext } from '@lezer/markdown';
import { readFacts } from '../../../server/src/engine/parse/readFacts';
import { extractFacts } from '../../../server/src/engine/parse/facts';
import { parseMarkdown } from '../../oracle/remark';

// Autolink literals are not links inside an open link's text. lezer answers "is a link open?" by
// reading back over everything parsed so far in the paragraph; asked at each literal, a line of
// 20,000 URLs (npm run fuzz, a meeting note with a pasted list of links) read 200 million parts.

function countingOpenLinkQuestions<T>(read: () => T): { result: T; asked: number } {
  const original = Object.getOwnPropertyDescriptor(InlineContext.prototype, 'hasOpenLink')!;
  let asked = 0;
  Object.defineProperty(InlineContext.prototype, 'hasOpenLink', {
    ...original,
    get(this: InlineContext) {
      asked++;
      return original.get!.call(this);
    },
  });
  try {
    return { result: read(), asked };
  } finally {
    Object.defineProperty(InlineContext.prototype, 'hasOpenLink', original);
  }
}

test('a line of 20,000 URL literals asks whether a link is open once, not at each literal', () => {
  const text = `Links: ${'https://github.com/o/r '.repeat(20_000)}\n`;
  const { result, asked } = countingOpenLinkQuestions(() => readFacts(text));
  assert.equal(result.links.length, 20_000);
  assert.equal(result.links[19_999].url, 'https://github.com/o/r');
  assert.ok(asked <= 1, `asked ${asked} times`);
});

/** How many characters the inline parser reads while `read` runs. */
function countingCharactersRead<T>(read: () => T): { result: T; reads: number } {
  const original = InlineContext.prototype.char;
  let reads = 0;
  InlineContext.prototype.char = function (this: InlineContext, pos: number) {
    reads++;
    return original.call(this, pos);
  };
  try {
    return { result: read(), reads };
  } finally {
    InlineContext.prototype.char = original;
  }
}

test('a literal is read once however long its runs of punctuation, and inside a link not at all', () => {
  // Each punctuation mark read the run after it to its end: a run of 100,000 dots read 5 billion.
  for (const text of [
    `See https://a.org/x${'.'.repeat(100_000)}y and more.\n`,
    `See https://a.org/x${'&amp;'.repeat(20_000)}y\n`,
    `See https://a.org/x${'.'.repeat(100_000)} and more.\n`,
    `[x ${'http://a.b/'.repeat(20_000)}\n`,
  ]) {
    const { reads } = countingCharactersRead(() => readFacts(text));
    assert.ok(reads < 10 * text.length, `${text.slice(0, 30)}: ${reads} characters read for ${text.length}`);
  }
  // What they make, on shorter runs (remark itself reads them in quadratic time).
  for (const text of [`See https://a.org/x${'.'.repeat(3_000)}y and more.`, `See https://a.org/x${'&amp;'.repeat(600)}y`, `See https://a.org/x${'.'.repeat(3_000)} and more.`, `[x ${'http://a.b/'.repeat(300)}`]) {
    assert.deepEqual(readFacts(text), extractFacts(parseMarkdown(text), text), text.slice(0, 30));
  }
});

test('literals around brackets are links exactly where remark makes them links', () => {
  const sources = [
    'https://a.org [x https://b.org] https://c.org [y](https://d.org) https://e.org ![z https://f.org',
    '[open https://a.org https://b.org ] https://c.org [[ https://d.org ]] https://e.org',
    '![i](x.png) https://a.org [t]: https://b.org\n\n[t]: https://c.org',
    '`[` https://a.org \\[ https://b.org \\] https://c.org [a `]` https://d.org]',
  ];
  for (const source of sources) {
    const { result, asked } = countingOpenLinkQuestions(() => readFacts(source));
    assert.deepEqual(result, extractFacts(parseMarkdown(source), source), source);
    assert.ok(asked <= (source.match(/[[\]]/g)?.length ?? 0) + 1, `${source}: asked ${asked} times`);
  }
});
