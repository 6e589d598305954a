import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseMarkdown } from '../../oracle/remark';
import { locateUnpositioned } from '../../../server/src/engine/parse/positions';

// The engine's GFM answers "is a `[` still open?" from micromark's stack of open brackets instead
// of walking back over the paragraph (parse/autolinkLiterals.ts). The answer must be the walk's:
// the trees are compared, positions included, with remark-gfm as it ships. (When it was written,
// every Markdown file of ../shared/corpus, the seeds and the fuzz's slow cases were compared too:
// 795 texts, none differed.)
const shipped = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

const BRACKETS = [
  '[a www.x.com', '[a](b) www.x.com', '[a [b](c) www.x.com', '[a] www.x.com', '![a www.x.com', '![a](b) www.x.com',
  '[^a] www.x.com\n\n[^a]: n', '[a\n\nwww.x.com', '| [a | www.x.com |\n|---|---|\n| b | c@d.org |', '[a ] x@y.org [b https://z.org',
  '[a]: www.y.org\n\n[a] www.x.com [a www.z.org', '*[a* www.x.com ]', '[`]` www.x.com', '[a <b]> www.x.com', '[[a] www.x.com',
  '[a [b] www.x.com] www.y.com', '[a [b [c www.x.com] d] e] f www.y.com', '- [ ] [open https://a.org\n- [x] https://b.org',
  '> [a\n> www.x.com\n\nwww.y.com', '[a](<www.x.com> "t") www.y.com [b](c', '\\[a www.x.com', '`[a` www.x.com', '[a\\] www.x.com',
];

function fixtures(): [string, string][] {
  const texts: [string, string][] = BRACKETS.map((text, index) => [`brackets #${index + 1}`, text]);
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) texts.push([path, readFileSync(path, 'utf8')]);
    }
  };
  walk(join(__dirname, '..', '..', 'fixtures'));
  return texts;
}

test('autolink literals: the same tree as remark-gfm gives, open brackets or not', () => {
  const texts = fixtures();
  assert.ok(texts.length > 40);
  for (const [name, text] of texts) {
    const expected = shipped.parse(text);
    locateUnpositioned(expected, text);
    assert.deepEqual(parseMarkdown(text), expected, name);
  }
});
