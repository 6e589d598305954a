import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../oracle/remark';
import { extractFacts } from '../../../server/src/engine/parse/facts';
import { readFacts } from '../../../server/src/engine/parse/readFacts';
import { chunkSources } from '../../../server/src/engine/parse/document';

// readFacts reads Markdown with @lezer/markdown and must give what remark gives (extractFacts over
// remark's tree, the oracle): the same spans, texts, urls and identifiers. Each case below is a
// construct where lezer, as it ships, reads the text otherwise than micromark.
const CONSTRUCTS = [
  // A reference to a label no definition names is text, and does not hide the link around it.
  '[[Governance Review]: x](https://a.org/1) and [TBD] and [a][b] and ![c]',
  '[a] [b][] [c][a]\n\n[a]: <https://x.org/a%20b> "t"\n[B]: /b',
  // Footnotes: a definition is a block with its own paragraphs; a call renders nothing.
  'x[^1] and [^2]\n\n[^1]: note\n    more\n\n    second',
  // One tilde strikes through as two do; three do not.
  '~one~ ~~two~~ ~~~three~~~ a~b~c',
  // Autolink literals end where micromark ends them.
  '(see https://a.org/x#roadmap)] https://host/path "http://foo/bar" https://x.com[200+ www.a.b_c.org a.b@c.org. x@y',
  'https://a.org/(b)c) www.x.org/a?b=1&amp; <https://y.org> <a@b.org> [t https://z.org/in-brackets x@y.org]',
  '| a | b |\n|---|---|\n| [x https\\://y.org/z] | x |',
  // `<scheme:…>` autolinks as CommonMark has them.
  '<https://a.org/d<a> x <ab:> <a_b:c> <a+b.c-d:x> <a@b.org>',
  // A list item interrupts a paragraph as micromark lets it.
  '1. a\n    4. b\n5. c\n\n> a\n2. b\n\n- a\n  - b\n    c\n2. d\n\n- a\n-\n',
  // A lazy line goes on with a paragraph: it starts no table, and is no table's row.
  '- a\n| h | h |\n|---|---|\n| x | y |\n\n> | h | h |\n> |---|---|\n| x | y |\n\n> | h |\n|---|',
  // A destination nests its parentheses 32 deep at most.
  `${'[x]('.repeat(40)}a${')'.repeat(40)} [a](b(c)d) [e]( <f> ) [g](h\\(i)`,
  // A self-closing tag alone on a line opens an HTML block.
  '<img src="x.png" width="5" />\ntext\n\n  <div>\n  <!-- c -->\n  </div>',
  // A table whose delimiter row ends in white space.
  'intro\n| a | [b](c) |\n|---|---| \n| `x \\| y` | www.d.org |',
  // U+0000 reads as U+FFFD.
  '# a\u0000b\n\n<!-- \u0000 -->\n\n[x\u0000](y\u0000) `\u0000`',
  // Front matter, line endings, tasks, HTML inside containers, inline code across lines.
  '---\ntitle: x\n---\n# Title\r\n\r\n- [ ]  **Crit** one\r\n  two  \r\n  three\\\r\n- [x]\tdone\r\n',
  '+++\na = 1\n+++\n> - <!-- a\n>   b -->\n>   `code\n>   span` &amp; &#35; \\* text',
  '* [ ] x\n\n  [ ] y\n\n1) **a** b\n   ```\n   code\n   ```\n\n      indented code\n\nSetext *x*\n  line  \n===\n\n# ATX #  ',
];

function markdownFiles(folder: string, into: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) markdownFiles(path, into);
    else if (name.endsWith('.md')) into.push(path);
  }
  return into;
}

function assertSameFacts(source: string, name: string): void {
  assert.deepEqual(readFacts(source), extractFacts(parseMarkdown(source), source), `${name}: ${JSON.stringify(source.slice(0, 200))}`);
}

test('readFacts: the facts remark gives, on each construct lezer reads otherwise', () => {
  for (const [index, source] of CONSTRUCTS.entries()) {
    assertSameFacts(source, `construct #${index + 1}`);
    for (const chunk of chunkSources(source)) assertSameFacts(chunk, `construct #${index + 1}, a chunk`);
  }
});

test('readFacts: the facts remark gives, on every chunk of the corpus, the seeds and the fixtures', () => {
  const root = join(__dirname, '..', '..', '..');
  const files = [join(root, 'test', 'corpus'), join(root, '..', 'shared', 'seeds'), join(root, 'test', 'fixtures')].flatMap((folder) => {
    try {
      return markdownFiles(folder);
    } catch {
      return [];
    }
  });
  assert.ok(files.length > 700, `found ${files.length} Markdown files`);
  let sources = 0;
  for (const file of files) {
    for (const source of chunkSources(readFileSync(file, 'utf8'))) {
      assertSameFacts(source, file);
      sources++;
    }
  }
  assert.ok(sources > 25_000, `compared ${sources} chunks`);
});
