import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todoBlock } from '../../../server/src/engine/generate/todoBlock';
import { knownOwners } from '../../../server/src/engine/generate/knownOwners';
import { govDocument } from '../../helpers/documents';
import { SEED_DD, SEED_MEETING, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const blocks: [owner: string, indent: string, expected: string][] = [
  ['Dragonfly Team', '  ', '  **TODO for Dragonfly Team:** '],
  ['@gaius-qi', '', '**TODO for @gaius-qi:** '],
  ['  TOC   Reviewer ', '', '**TODO for TOC Reviewer:** '],
  ['a*b_c:d', '', '**TODO for a b c d:** '],
  ['', '    ', '    **TODO:** '],
];

for (const [owner, indent, expected] of blocks) {
  test(`todoBlock(${JSON.stringify(owner)}, ${JSON.stringify(indent)})`, () => {
    const block = todoBlock(owner, indent);
    assert.equal(block, expected);
    // What it inserts is a TODO of that owner, as the engine reads TODOs.
    const todos = govDocument('t.md', `- [ ] **Criterion.**\n\n${block}text\n`).parsed.todos;
    assert.deepEqual(todos.map((t) => [t.owner, t.text]), [[expected.includes(' for ') ? expected.split(' for ')[1].replace(':** ', '') : undefined, 'text']]);
  });
}

test('knownOwners: the seed DD and meeting note, grouped case-insensitively, most used first', () => {
  const owners = knownOwners([govDocument('dd.md', read(SEED_DD)), govDocument('meetings/maintainer/2025-10-14/README.md', read(SEED_MEETING))]);
  assert.deepEqual(owners.slice(0, 4), [
    { name: 'Dragonfly Team', source: 'todo', uses: 16 },
    { name: '@gaius-qi', source: 'handle', uses: 12 },
    { name: '@mingcheng', source: 'handle', uses: 6 },
    { name: '@chlins', source: 'handle', uses: 5 },
  ]);
  const names = owners.map((o) => o.name);
  // Written differently, kept apart: a typo is not corrected, a different handle is a different person.
  for (const name of ['Dragonlfy TEAM', 'TOC Reviewer', 'Kevin', '@Gaius', '@taofengliu']) assert.ok(names.includes(name), name);
  assert.ok(!names.includes('Dragonfly team'));
});

test('knownOwners: a handle written as a TODO owner and as a mention is one owner; owners files add the rest', () => {
  const owners = knownOwners([
    govDocument('dd.md', md('- [ ] **A.**', '', '**TODO for @Ann:** x', '', 'Asked @ann and @bo.')),
    govDocument('MAINTAINERS.md', md('| Name | GitHub |', '| --- | --- |', '| Ann | [ann](https://github.com/ann) |', '| Cy | [cy](https://github.com/Cy) |')),
    govDocument('meetings/2025-01-01.md', md('# Sync', '## Attendees', '- [Dee](https://github.com/dee-x) (Org)', '## Actions', '- [ ] Go @bo')),
  ]);
  assert.deepEqual(owners, [
    { name: '@Ann', source: 'todo', uses: 2 },
    { name: '@bo', source: 'handle', uses: 2 },
    { name: '@Cy', source: 'handle', uses: 1 },
    { name: '@dee-x', source: 'handle', uses: 1 },
  ]);
});
