import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentParser, LISTED_FACTS, STRUCTURE_FACTS } from '../../server/src/engine/parse/document';
import { splitIntoChunks } from '../../server/src/engine/parse/chunks';
import { LINK_SCANNER, normalizeLabel, scanLinkChunk } from '../../server/src/engine/links/linkScan';
import { generateLinkWorkspace } from '../helpers/linkWorkspace';
import { FIXTURES, read } from '../helpers/fixtures';
import { md } from '../helpers/ruleTester';

// Cases where a reading without the parser could go wrong: definitions and their titles, headings
// and their closing #s, task boxes, destinations in <> or with parentheses, shortcut and collapsed
// references, comments, setext underlines, indented code, CRLF.
const CRAFTED = [
  md('[a]: <b c>', '[B]: b "t"', "[c]: c 'u'", '[d]: d (v)', '', 'See [a], [b][], [C][c], [d][D] and [e].'),
  md('## Foo ##', '#', '#5 item', '##Foo', '  ## Two spaces', '### Foo (bar) / baz: qux?', '# Trailing #s here ###   '),
  md('- [ ] [link](x)', '- [x] done [l](y)', '1. [X] ordered [o](z)', '2. [ ]'),
  md('[a](b) [c](<d e>) ![i](j "t") [k](l \'m\') [n](o (p))'),
  md('[Foo Bar] and [foo  bar][]', '', '[foo bar]: x'),
  md('<!-- block -->', 'after [x](y)'),
  md('text <!-- c --> more [l](x)', '', '<!--', 'multi [z](q)', '--> tail'),
  md('- <https://a.b/c> and <mailto:me@x.io>'),
  md('[a]: <https://a.b/c>', '[b]:  \t<mailto:me@x.io>', 'x]:<https://d.e> and ]: <https://f.g> [a] [b]'),
  md('[foo]: /url', '"title"', '', '[foo]'),
  md('[a](b(c)d) [e]( f ) [g](#frag \'title\') [](x) [ ](y)'),
  md('**[a](b)** _[c](d)_ and *e*'),
  md('see [a]: here', '', '[a]: x'),
  'line one [a](b)\r\n\r\n# Heading\r\n\r\n[c]: d\r\n',
  md('[a](b "multi', 'line title")'),
  md('- item', '', '      [indented](code)'),
  md('- item', '  continued [x](y)', '    - nested [n](m)'),
  md('Title', '---', '', '[x](y)'),
  md('[text][undefined] and [x][y]', '', '[text]: z'),
  md('[a]', '[a]: b'),
  md('a [b] c', '[b]: x', 'd'),
  md('![alt][img] and ![missing]', '', '[img]: i.png'),
  md('[a](b)c[d](e)', '[f] (g)'),
  md('x](y) [a](b)'),
  md('[a]: b   ', '   [c]: d', '', '[a] [c]'),
  md('   ### Three', '    # four is code'),
  md('text', '[a]: b', '', '[a]'),
  md('# H', '[a]: b', '[a]'),
  md('- one', '- two [t](u)', '', '- three'),
  md('[a](b)', '===', ''),
  md('[a](b) <!-- x', 'y --> [c](d)'),
  md('See https://github.com/o/r/blob/main/x.md#frag, and www.example.com. Also (https://x.io/a_(b)) and https://x.io/path?q=1&b=2!'),
  md('[host] https://x.io and "https://y.io" and xhttps://no and (www.z.io)'),
  md('- https://github.com/dragonflyoss/dragonfly/issues/4025 @gaius-qi', '- *https://x.io/emph*'),
  md('https://x.io/a]b https://x.io/c] end https://x.io/d](e)'),
  md('www.x_y.z.io www.a.b_c.io https://_x.io https://x.io/_a_ www.'),
  md('a https://x.io<!-- c --> b', '', 'https://x.io/a&b;c https://x.io/a?x=&y'),
  md('[a](b)https://x.io [c][d]www.e.io', '', '[d]: f'),
  md('[a](`b`) and `c`', '', '[a][`b`]', '', 'x `y` [z](w) `v` and `` a ` b `` [l](m)'),
  md('```js', 'code [x](y)', '```'),
  md('~~~', '[a](b)', '~~~', '', 'text'),
  md('  ```', '  indented fence', '  ```', ''),
  md('`unpaired [a](b)', '`'),
  md('[COMMUNITY_MEMBERSHIP.md#x](y) and [_emph_](z) and [a_](b)', '', '## snake_case_heading', '## _emphasis_'),
  md('- Developers: <dragonfly-developers@googlegroups.com> and <mailto:a@b.io>', '- me@x.io'),
  md('[@dragonfly_oss](https://twitter.com/dragonfly_oss) [a@b.io](mailto:a@b.io) [https://x.io](y) [see https://z.io][r] [www.q.io]', '', '[r]: s'),
  md('Use `git clone https://github.com/<your-username>/x.git` and `[a](b)` and `<!-- c -->` <!-- `d` --> `e'),
  md('`a <!--` b --> [l](m)'),
];

/** Every fact the scanner's reading gives: all but the structure only the parser reads. */
const SCANNED_FACTS = [...LISTED_FACTS.filter((fact) => !(STRUCTURE_FACTS as readonly string[]).includes(fact)), 'frontMatter', 'skipped'] as const;
const CORPUS = join(__dirname, '..', 'corpus');

function corpus(): [string, string][] {
  const texts: [string, string][] = CRAFTED.map((text, index) => [`crafted #${index + 1}`, text]);
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) texts.push([path, read(path)]);
    }
  };
  walk(FIXTURES);
  walk(join(FIXTURES, '..', '..', 'docs'));
  walk(CORPUS);
  for (const [uri, text] of Object.entries(generateLinkWorkspace(30, 3))) if (uri.endsWith('.md')) texts.push([uri, text]);
  return texts;
}

// The differential test of the scanner: over every Markdown file of test/corpus/ (real governance
// repositories), the fixtures, the docs and crafted cases, a document read by the scanner holds
// exactly the links, anchors and prose facts the full parse gives. One parser serves both readings
// of a file, so the chunks the scanner leaves to the parser are parsed once.
test('the scanner\'s reading gives exactly the facts the parser gives, on every Markdown file of the corpus', () => {
  let files = 0;
  const differences: string[] = [];
  for (const [name, text] of corpus()) {
    const parser = new DocumentParser();
    const parsed = parser.parse(text);
    const scanned = parser.parse(text, LINK_SCANNER);
    for (const fact of SCANNED_FACTS) {
      // A blank alone on a list item (`NOTABLE1`) is found from list items: the structure's.
      const expected = fact === 'placeholders' ? parsed.placeholders.filter((blank) => !blank.itemLines) : parsed[fact];
      try {
        assert.deepEqual(scanned[fact], expected);
      } catch (error) {
        differences.push(`${name}: ${fact}\n${(error as Error).message.slice(0, 1500)}`);
      }
    }
    assert.equal(scanned.structured, false);
    files += name.startsWith(CORPUS) ? 1 : 0;
  }
  assert.deepEqual(differences.slice(0, 10), []);
  assert.ok(files > 700, `${files} corpus files`);
});

// The differential test of parsing neighbouring chunks in one call: over the same files, every
// fact (list items and paragraphs too) is what parsing each chunk alone gives, read in full and
// read with the scanner.
test('chunks parsed in runs give exactly the facts of each chunk parsed alone, on every Markdown file of the corpus', () => {
  const differences: string[] = [];
  let batchedCalls = 0;
  for (const [name, text] of corpus()) {
    for (const scanner of [undefined, LINK_SCANNER]) {
      const together = new DocumentParser().parse(text, scanner);
      const alone = new DocumentParser([], undefined, false).parse(text, scanner);
      const facts = scanner ? SCANNED_FACTS : ([...LISTED_FACTS, 'frontMatter', 'skipped', 'chunks', 'chunksParsed'] as const);
      for (const fact of facts) {
        try {
          assert.deepEqual(together[fact], alone[fact]);
        } catch (error) {
          differences.push(`${name}${scanner ? ' (scanned)' : ''}: ${fact}\n${(error as Error).message.slice(0, 1500)}`);
        }
      }
      batchedCalls += together.chunksParsed > 1 ? 1 : 0;
    }
  }
  assert.deepEqual(differences.slice(0, 10), []);
  assert.ok(batchedCalls > 500, `${batchedCalls} readings parsed more than one chunk`);
});

test('a document read by the scanner says so rather than having no list items', () => {
  const scanned = new DocumentParser().parse(md('- [ ] **item**', '', 'Paragraph.'), LINK_SCANNER);
  assert.throws(() => scanned.listItems, /listItems were not read/);
  assert.throws(() => scanned.paragraphs, /paragraphs were not read/);
});

test('most chunks of real governance files are read without the parser', () => {
  let chunks = 0;
  let read = 0;
  for (const [name, text] of corpus()) {
    if (name.startsWith('crafted') || name.startsWith('file:') || name.startsWith(CORPUS)) continue;
    const labels = new Set(new DocumentParser().parse(text).definitions.map((definition) => normalizeLabel(definition.label)));
    for (const chunk of splitIntoChunks(text)) {
      chunks++;
      if (scanLinkChunk(text.slice(chunk.start, chunk.end), labels)) read++;
    }
  }
  // Code, tables, bare URLs and HTML send the rest to the parser.
  assert.ok(read / chunks > 0.6, `${read} of ${chunks} chunks`);
});
