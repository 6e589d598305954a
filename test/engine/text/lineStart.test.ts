import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lineStartAt } from '../../../server/src/engine/text/lineIndex';
import { DocumentParser } from '../../../server/src/engine/parse/document';

test('the start of the line holding an offset is where the last line break before it ends, on 100,000 short texts', () => {
  const pieces = ['a', ' ', '\n', '\r', '\r\n', ']:', 'é'];
  let random = 3;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 100_000; n++) {
    const text = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let offset = 0; offset <= text.length; offset++) {
      assert.equal(lineStartAt(text, offset), Math.max(text.lastIndexOf('\n', offset), text.lastIndexOf('\r', offset)) + 1, JSON.stringify([text, offset]));
    }
  }
});

test('200,000 definitions in a document whose other lines end in lone \\r are each read once (npm run fuzz, seed 3005: 1.9 s for 23,907)', { timeout: 60_000 }, () => {
  // Each definition's line start was found by reading back to the last `\r`: to the text's start.
  const text = `See [a] and [b].\n\n${'[a]: https://a.org\n'.repeat(200_000)}[b]: https://b.org\r\rend\r`;
  const parsed = new DocumentParser().parse(text);
  // The definitions are past the paragraph limit, so not parsed; their labels still make references.
  assert.deepEqual(parsed.links.map((link) => [link.kind, link.identifier]), [['reference', 'a'], ['reference', 'b']]);
  assert.deepEqual(parsed.skipped.map((skipped) => skipped.reason), ['a paragraph or table of more than 2000 lines']);
});

test('a text\'s line starts are where a reading character by character puts them (\\n, \\r\\n, a lone \\r; not U+2028), on 100,000 short texts', () => {
  const pieces = ['a', '\n', '\r', '\r\n', '\u2028', '\n\r'];
  let random = 5;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 100_000; n++) {
    const text = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const expected = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) expected.push(i + 1);
    }
    assert.deepEqual(new LineIndex(text).lineStarts, expected, JSON.stringify(text));
  }
});
