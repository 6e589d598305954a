import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionLabels } from '../../../server/src/engine/parse/document';

// The expression the labels were found with until it was tried at each line start alone: tried at
// every offset, it took a tenth of a cold check of cncf/toc. The labels must be the same.
const DEFINITION_LINE = /(?<![^\r\n])[ \t>]{0,8}\[((?:[^\]\\\r\n]|\\.){1,999})\]:[ \t]*\S/g;

function labelsByExpression(text: string): string[] {
  return [...new Set([...text.matchAll(DEFINITION_LINE)].map((match) => match[1]))].sort();
}

const PIECES = ['[', ']', ']:', ':', '[a]:', '[a b]: x', '\\]', '\\', ' ', '\t', '>', '> ', '         ', 'x', 'é', '\n', '\r', '\r\n', '\u2028', '[^1]: n', '`[c]: d`'];

function randomTexts(count: number, seed: number): string[] {
  let random = seed;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 24) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
}

test('definition labels: the same as the unanchored expression on 100,000 random texts', () => {
  for (const text of randomTexts(100_000, 7)) assert.deepEqual(definitionLabels(text), labelsByExpression(text), JSON.stringify(text));
});

test('definition labels: the same as the unanchored expression on every file of the fixtures and the corpus', () => {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|markdown)$/i.test(entry.name)) files.push(path);
    }
  };
  walk(join(__dirname, '..', '..', 'fixtures'));
  walk(join(__dirname, '..', '..', 'corpus'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(definitionLabels(text), labelsByExpression(text), file);
  }
});
