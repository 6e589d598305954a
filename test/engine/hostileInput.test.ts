import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root, Nodes } from 'mdast';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { defaultSettings } from '../../server/src/engine/settings';
import { extractFacts } from '../../server/src/engine/parse/facts';
import { outline } from '../../server/src/engine/editor/outline';

// Issue 11, items 6, 8 and 9, through the engine. No test here times anything: each is sized so
// that the old code (a crash, a recursion, a quadratic) fails or runs for many minutes, past the
// generous timeout, while bounded code finishes in seconds.
const GENEROUS = { timeout: 120_000 };

const brief = (f: { range: { start: { line: number; character: number } }; code: string; message: string }) =>
  `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`;

test('a byte order mark at the start of a chunk is text, and positions after it stay right (item 6)', async () => {
  const project = new Project(new InMemoryWorkspace({
    'file:///ws/a.md': '# T\n\n\ufeff`[docs](https://github.com/o/r)` TODO: x\n',
    'file:///ws/b.md': 'TODO: still checked\n',
  }), defaultSettings());
  assert.deepEqual((await project.check('file:///ws/a.md')).map(brief), [
    '3:2 malformed-link This does not render as a link: the link is inside backticks, so it shows as code',
    '3:35 open-todo TODO (no owner): x',
  ]);
  assert.deepEqual((await project.check('file:///ws/b.md')).map(brief), ['1:1 open-todo TODO (no owner): still checked']);
});

test('a byte order mark that opens the document is not part of it: headings and front matter still read', async () => {
  const project = new Project(new InMemoryWorkspace({
    'file:///ws/dd.md': '\ufeff# Foo Due Diligence\n\n## Area\n\n- [ ] **One**\n',
    'file:///ws/off.md': '\ufeff---\ngovernance: none\n---\nTODO: not checked\n',
  }), defaultSettings());
  const dd = (await project.document('file:///ws/dd.md'))!;
  assert.equal(dd.kind, 'dd');
  assert.deepEqual(dd.parsed.headings.map((h) => [h.text, h.span.start]), [['Foo Due Diligence', 1], ['Area', 22]]);
  assert.deepEqual((await project.check('file:///ws/dd.md')).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`), [
    '5:3 unchecked-criterion',
    '5:7 missing-evaluation',
  ]);
  assert.deepEqual(await project.check('file:///ws/off.md'), []);
});

test('the tree walk has no recursion: 100,000 nested list items and block quotes', GENEROUS, () => {
  const depth = 100_000;
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const position = { start: at(0), end: at(1) };
  let inner: Nodes = { type: 'paragraph', position, children: [{ type: 'strong', position, children: [{ type: 'text', value: 'x', position }] }] };
  for (let level = 0; level < depth; level++) {
    inner = level % 2
      ? { type: 'blockquote', position, children: [inner as never] }
      : { type: 'list', ordered: false, spread: false, position, children: [{ type: 'listItem', spread: false, checked: null, position, children: [inner as never] }] };
  }
  const facts = extractFacts({ type: 'root', children: [inner as never], position } as Root, 'x');
  assert.equal(facts.listItems.length, depth / 2);
  assert.equal(facts.listItems[facts.listItems.length - 1].parent, depth / 2 - 2);
  assert.equal(facts.listItems[facts.listItems.length - 1].inBlockquote, true);
  assert.equal(facts.listItems[facts.listItems.length - 1].leadingStrong?.text, 'x');
});

test('criteria are indexed once: 100,000 of them take one pass, not one pass each (item 9)', GENEROUS, async () => {
  // 25 equal blocks of 4,000 criteria: the parser reads one block and takes the others from its cache.
  const block = '- [ ] **Item** TODO: check\n'.repeat(4_000) + '\n';
  const text = `# Due Diligence\n\n## Area\n\n### Required\n\n${block.repeat(25)}`;
  const project = new Project(new InMemoryWorkspace({ 'file:///ws/dd.md': text }), defaultSettings());
  const doc = (await project.document('file:///ws/dd.md'))!;
  assert.equal(doc.dd.criteria.length, 100_000);
  assert.ok(doc.dd.criteria.every((criterion) => criterion.todos.length === 1 && criterion.kind === 'required'));
  const [area] = outline(doc);
  assert.equal(area.children[0].detail, '0/100000 met');
});
