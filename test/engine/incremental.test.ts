import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../server/src/engine/parse/document';
import { editBetween, splitIntoChunks } from '../../server/src/engine/parse/chunks';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { SEED_DD, SEED_MEETING, read } from '../helpers/fixtures';

const comparable = (doc: ReturnType<DocumentParser['parse']>) => {
  const { lines, chunks, chunksParsed, ...facts } = doc;
  return facts;
};

test('chunks cover the text exactly and cut only before unindented lines after a blank line', () => {
  const text = read(SEED_DD);
  const chunks = splitIntoChunks(text);
  assert.equal(chunks[0].start, 0);
  assert.equal(chunks[chunks.length - 1].end, text.length);
  for (let i = 1; i < chunks.length; i++) {
    assert.equal(chunks[i].start, chunks[i - 1].end);
    assert.match(text.slice(0, chunks[i].start), /\n[ \t]*\r?\n$/);
    assert.match(text[chunks[i].start], /\S/);
  }
  assert.ok(chunks.length > 100, `the seed DD cuts into many chunks (${chunks.length})`);
});

test('no cut inside fenced code, multi-line HTML comments or front matter', () => {
  const text = ['---', 'governance: dd', '', 'title: x', '---', '', '```', 'a', '', 'b', '```', '', '<!--', '', 'c', '-->', '', 'd', ''].join('\n');
  const starts = splitIntoChunks(text).map((c) => text.slice(c.start).trimStart().split('\n')[0]);
  assert.deepEqual(starts, ['---', '```', '<!--', 'd']);
});

test('an edit re-parses only the chunk it touched, and the result equals a parse from scratch', () => {
  const texts = [read(SEED_DD), read(SEED_MEETING), `\ufeff---\ntitle: x\n---\n\n${read(SEED_DD)}`];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const edits = ['x', ' ', '\n', '*', '[', '`', '#', '\n\n', '- [ ] **A**\n', '\n```\n', '<!--\n', '-->', '\n[roadmap]: #a\n', '    ', '\r\n'];
  for (const original of texts) {
    // The same edits read by a parser that knows nothing of the document, and by one that was told
    // the text is the next version of an open document's (it reuses what the edit did not reach).
    const incremental = new DocumentParser();
    const typedInto = new DocumentParser();
    incremental.parse(original);
    typedInto.parse(original, undefined, 'file:///ws/open.md');
    let text = original;
    let earlier = splitIntoChunks(original);
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(random() * text.length);
      const insert = edits[Math.floor(random() * edits.length)];
      const before = text;
      text = random() < 0.3 && at < text.length ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40)) : text.slice(0, at) + insert + text.slice(at);
      const fresh = new DocumentParser().parse(text);
      assert.deepEqual(comparable(incremental.parse(text)), comparable(fresh), `edit ${i} at ${at}`);
      const next = typedInto.parse(text, undefined, 'file:///ws/open.md');
      assert.deepEqual(comparable(next), comparable(fresh), `edit ${i} at ${at}, as the next version`);
      assert.deepEqual(next.lines.lineStarts, fresh.lines.lineStarts, `edit ${i} at ${at}: lines found again after the edit only`);
      const chunks = splitIntoChunks(text);
      assert.deepEqual(splitIntoChunks(text, { text: before, chunks: earlier, edit: editBetween(before, text) }), chunks, `edit ${i} at ${at}: chunks cut again after the edit only`);
      earlier = chunks;
    }
  }
});

test('the next version of an open document keeps the facts before the edit as they were, and moves those after it', () => {
  const text = read(SEED_DD);
  const parser = new DocumentParser();
  const uri = 'file:///ws/dd.md';
  const before = parser.parse(text, undefined, uri);
  const middle = text.indexOf('Dragonfly documents the community roadmap');
  const after = parser.parse(`${text.slice(0, middle)}X${text.slice(middle)}`, undefined, uri);
  const firstMoved = after.headings.findIndex((heading) => heading.span.start > middle);
  assert.ok(firstMoved > 0);
  assert.equal(after.headings[0], before.headings[0]);
  assert.equal(after.headings[firstMoved - 1], before.headings[firstMoved - 1]);
  assert.equal(after.headings[firstMoved].span.start, before.headings[firstMoved].span.start + 1);
  assert.deepEqual(after.headings.map((heading) => heading.text), before.headings.map((heading) => heading.text));
});

test('a one-character edit in the middle of the seed DD parses one chunk', () => {
  const text = read(SEED_DD);
  const parser = new DocumentParser();
  parser.parse(text);
  const middle = text.indexOf('Dragonfly documents the community roadmap');
  const edited = parser.parse(`${text.slice(0, middle)}X${text.slice(middle)}`);
  assert.equal(edited.chunksParsed, 1);
});

test('typing in an open document keeps only its latest chunks: the cache does not grow with the edits, and the next keystroke still parses one chunk', () => {
  const text = read(SEED_DD);
  const parser = new DocumentParser();
  const uri = 'file:///ws/dd.md';
  parser.parse(text, undefined, uri);
  const held = parser.cachedChunks;
  const middle = text.indexOf('Dragonfly documents the community roadmap');
  let typed = '';
  for (const character of 'Typing a sentence, one keystroke at a time. ') {
    typed += character;
    const edited = parser.parse(`${text.slice(0, middle)}${typed}${text.slice(middle)}`, undefined, uri);
    assert.equal(edited.chunksParsed, 1);
    assert.equal(parser.cachedChunks, held, `after typing ${JSON.stringify(typed)}`);
  }
  // Closing it lets its chunks go.
  parser.release(uri);
  assert.equal(parser.cachedChunks, 0);
});

test('chunks parsed for no document are kept while their texts fit the bound, the least recently used let go first; a document\'s own are kept', () => {
  const parser = new DocumentParser([], 30);
  const open = parser.parse('# Open\n\nOne.\n\nTwo.\n', undefined, 'file:///ws/open.md');
  assert.equal(open.chunksParsed, 3);
  // Chunks of 10 characters: three fit.
  for (const name of ['A', 'B', 'C']) assert.equal(parser.parse(`# File ${name}1\n`).chunksParsed, 1);
  assert.equal(parser.cachedChunks, 3 + 3);
  assert.equal(parser.parse('# File A1\n').chunksParsed, 0, 'A is kept, and now the most recently used');
  parser.parse('# File D1\n');
  assert.equal(parser.cachedChunks, 3 + 3, 'D in, B out');
  assert.equal(parser.parse('# File A1\n').chunksParsed, 0);
  assert.equal(parser.parse('# File B1\n').chunksParsed, 1, 'B was let go; parsed again it lets C go');
  assert.equal(parser.parse('# File D1\n').chunksParsed, 0);
  assert.equal(parser.parse('# File C1\n').chunksParsed, 1);
  assert.equal(parser.parse('# Open\n\nOne.\n\nTwo.\n', undefined, 'file:///ws/open.md').chunksParsed, 0, 'an open document\'s chunks are never let go');
});

test('reference links resolve across chunks, and a new definition changes how they parse', () => {
  const parser = new DocumentParser();
  const without = parser.parse('See [the ladder][ladder].\n\nMore text.\n');
  assert.deepEqual(without.links, []);
  const withDefinition = parser.parse('See [the ladder][ladder].\n\nMore text.\n\n[ladder]: COMMUNITY_LADDER.md\n');
  assert.deepEqual(withDefinition.links.map((l) => [l.kind, l.identifier]), [['reference', 'ladder']]);
  assert.deepEqual(withDefinition.definitions.map((d) => [d.identifier, d.url]), [['ladder', 'COMMUNITY_LADDER.md']]);
});

test('the lines of the next version are found again from the edited line on: a \\n typed after a \\r makes one line break of them', () => {
  const cases = [['a\rb', 'a\r\nb'], ['a\r\nb', 'a\rb'], ['x\n\ny', 'x\n\n\ny'], ['x\ny\nz', 'x\nz'], ['', 'a\nb'], ['a\nb', ''], ['a\nb\n', 'a\nb\nc\n']];
  for (const [before, after] of cases) {
    const edited = new LineIndex(after, { lines: new LineIndex(before), ...editBetween(before, after) });
    assert.deepEqual(edited.lineStarts, new LineIndex(after).lineStarts, JSON.stringify([before, after]));
  }
});
