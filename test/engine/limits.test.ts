import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitIntoChunks } from '../../server/src/engine/parse/chunks';
import { MAX_CHUNKS, MAX_DOCUMENT_LENGTH, nestingOf, unparsableReason } from '../../server/src/engine/parse/limits';
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
