import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitIntoChunks } from '../../server/src/engine/parse/chunks';
import fc from 'fast-check';
import { MAX_CHUNKS, MAX_DOCUMENT_LENGTH, nestingOf, unparsableLineRead, unparsableReason, withinBoundsAtAGlance } from '../../server/src/engine/parse/limits';
import { CORPUS, FIXTURES } from '../helpers/fixtures';

function markdownUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownUnder(path));
    else if (/\.(md|markdown)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

/** What the parser would leave out of a real file, in the words of its finding. */
function limitsHit(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  if (text.length > MAX_DOCUMENT_LENGTH) return [`${path}: ${text.length} characters`];
  const chunks = splitIntoChunks(text);
  const hits = chunks.length > MAX_CHUNKS ? [`${path}: ${chunks.length} chunks`] : [];
  for (const chunk of chunks) {
    const reason = unparsableReason(text.slice(chunk.start, chunk.end));
    if (reason) hits.push(`${path}:${text.slice(0, chunk.start).split(/\r\n?|\n/).length}: ${reason}`);
  }
  return hits;
}

test('no limit fires on any real document: every file of test/corpus, the seeds and the fixtures', () => {
  assert.ok(existsSync(CORPUS), `the corpus of real repositories is expected at ${CORPUS}`);
  const files = [...markdownUnder(CORPUS), ...markdownUnder(FIXTURES)];
  assert.ok(files.length > 700, `${files.length} files`);
  assert.deepEqual(files.flatMap(limitsHit), []);
});

test('nesting: at least the real depth, from the prefix alone', () => {
  assert.equal(nestingOf('- a').depth, 1);
  assert.equal(nestingOf('  - b').depth, 2);
  assert.equal(nestingOf('    - c').depth, 3);
  assert.equal(nestingOf('- - - x').depth, 3);
  assert.equal(nestingOf('>   - b').depth, 3);
  assert.equal(nestingOf('>>>>> x').depth, 5);
  assert.equal(nestingOf('1. 1. 1. x').depth >= 3, true);
  // Indentation with no marker after it opens nothing; a thematic break is no list.
  assert.equal(nestingOf(`${' '.repeat(156)}`).depth, 0);
  assert.equal(nestingOf(`${' '.repeat(100)}text`).depth, 0);
  assert.equal(nestingOf('- - - -').depth, 0);
  assert.equal(nestingOf(`${'>'.repeat(40)} ---`).depth, 40);
});

test('a chunk passed at a glance is one the full reading passes too; each limit still fires', () => {
  const hostile = [
    `${'>'.repeat(33)} deep`,
    `${'  '.repeat(40)}- deep`,
    `${'\t'.repeat(9)}- ${'- '.repeat(30)}deep`,
    `a${'*'.repeat(65)}b`,
    ']'.repeat(1500),
    `x ${'<!--'.repeat(2000)}`,
    Array.from({ length: 2001 }, () => 'a').join('\n'),
  ];
  for (const chunk of hostile) {
    assert.ok(unparsableLineRead(chunk), `the full reading refuses ${JSON.stringify(chunk.slice(0, 40))}`);
    assert.equal(withinBoundsAtAGlance(chunk), false, JSON.stringify(chunk.slice(0, 40)));
    assert.equal(unparsableReason(chunk), unparsableLineRead(chunk));
  }
  // Plain prose is what the glance is for.
  assert.equal(withinBoundsAtAGlance('A [link](x.md) and **bold** text.\n\n- item\n  - nested\n'), true);
  const piece = fc.constantFrom('[', ']', '*', '**', '_', '~', '<!--', '-->', '<?', '<![CDATA[', '<!a', '<', '>', ' ', '  ', '\t', '- ', '1. ', '\n', '\r\n', '\r', 'a', 'word ', '`');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 40 }), (pieces, repeat) => {
      const chunk = pieces.join('').repeat(repeat);
      if (withinBoundsAtAGlance(chunk)) assert.equal(unparsableLineRead(chunk), undefined);
    }),
    { numRuns: 300 },
  );
});
