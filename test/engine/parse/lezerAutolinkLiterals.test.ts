import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InlineContext } from '@lezer/markdown';
import { readFacts } from '../../../server/src/engine/parse/readFacts';
import { extractFacts } from '../../../server/src/engine/parse/facts';
import { parseMarkdown } from '../../oracle/remark';

// Autolink literals are not links inside an open link's text. lezer answers "is a link open?" by
// reading back over every part of the paragraph made so far (links, brackets, marks, literals);
// asked at each literal, a line of 20,000 URLs (npm run fuzz, a meeting note with a pasted list of
// links) read 200 million parts. lezer itself, at each link it makes, read every part before it
// again (patches/@lezer+markdown+*.patch): a paragraph of 5,000 `[x](#a)` read 12.5 million.

/** How many times the inline parser reads an element of its parts while `read` runs. */
function countingPartsRead<T>(read: () => T): { result: T; reads: number } {
  let reads = 0;
  // InlineContext assigns `this.parts = []` in its constructor: each new one gets a counting view.
  Object.defineProperty(InlineContext.prototype, 'parts', {
    configurable: true,
    set(this: InlineContext, parts: unknown[]) {
      const counting = new Proxy(parts, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      Object.defineProperty(this, 'parts', { value: counting, writable: true, configurable: true, enumerable: true });
    },
  });
  try {
    return { result: read(), reads };
  } finally {
    delete (InlineContext.prototype as unknown as { parts?: unknown }).parts;
  }
}

test('a paragraph of 20,000 literals or links reads each part a bounded number of times', () => {
  const shapes = [
    { text: `Links: ${'https://github.com/o/r '.repeat(20_000)}\n`, links: 20_000, last: 'https://github.com/o/r' },
    { text: `${'[x](#a) '.repeat(20_000)}\n`, links: 20_000, last: '#a' },
    { text: `${'[x](#a) https://a.org '.repeat(10_000)}\n`, links: 20_000, last: 'https://a.org' },
    { text: `${'![i](a.png) [x](#a) '.repeat(10_000)}\n`, links: 20_000, last: '#a' },
  ];
  for (const { text, links, last } of shapes) {
    const { result, reads } = countingPartsRead(() => readFacts(text));
    assert.equal(result.links.length, links, text.slice(0, 30));
    assert.equal(result.links.at(-1)?.url, last);
    assert.ok(reads < 20 * links, `${text.slice(0, 30)}: ${reads} parts read for ${links} links`);
  }
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
    // Several texts of one parent hold literals, one inside emphasis, among inline tags: each is replaced in place.
    '[a https://b.org <x> c@d.org <y> [e www.f.org *[g https://h.org/i* <z> [j]: https://k.org',
    `[a ${'<x>'.repeat(2_000)} https://b.org ${'<y>'.repeat(2_000)} www.c.org`,
  ];
  for (const source of sources) {
    assert.deepEqual(readFacts(source), extractFacts(parseMarkdown(source), source), source);
  }
});

test('emphasis holding 150,000 inline HTML tags is read (it threw "Maximum call stack size exceeded")', () => {
  const text = `*x${'<a>'.repeat(150_000)} https://a.org*\n`;
  const facts = readFacts(text);
  assert.deepEqual(facts.links.map((link) => link.url), ['https://a.org']);
});
