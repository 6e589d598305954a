import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todoBlock } from '../../../server/src/engine/generate/todoBlock';
import { knownOwners } from '../../../server/src/engine/generate/knownOwners';
import { govDocument } from '../../helpers/documents';
import { SEED_DD, SEED_MEETING, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';
import { Project } from '../../../server/src/engine/project';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { defaultSettings, type Settings } from '../../../server/src/engine/settings';
import { ownerCandidates } from '../../../server/src/engine/editor/completion';

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

const meetingUri = 'file:///ws/meetings/maintainer/2025-10-14/README.md';

/** A workspace of the seed DD and meeting note, and what the picker offers in the meeting note. */
async function seedPicker(files: Record<string, string> = {}, settings: Partial<Settings> = {}) {
  const project = new Project(new InMemoryWorkspace({ 'file:///ws/dd.md': read(SEED_DD), [meetingUri]: read(SEED_MEETING), ...files }), { ...defaultSettings(), ...settings });
  const meeting = (await project.document(meetingUri))!;
  const docs = [(await project.document('file:///ws/dd.md'))!, meeting];
  return { project, meeting, owners: knownOwners(docs, await project.knownHandlesFor(meeting)) };
}

test('knownOwners: the seed DD and meeting note, grouped case-insensitively, most used first', async () => {
  const { owners } = await seedPicker();
  assert.deepEqual(owners.slice(0, 4), [
    { name: 'Dragonfly Team', source: 'todo', uses: 16 },
    { name: '@gaius-qi', source: 'handle', uses: 12 },
    { name: '@mingcheng', source: 'handle', uses: 6 },
    { name: '@chlins', source: 'handle', uses: 5 },
  ]);
  const names = owners.map((o) => o.name);
  // Written differently, kept apart: a typo is not corrected.
  for (const name of ['Dragonlfy TEAM', 'TOC Reviewer', 'Kevin', '@taofengliu']) assert.ok(names.includes(name), name);
  assert.ok(!names.includes('Dragonfly team'));
  // Mentioned, but neither an attendee nor in an owners file: the slip unknown-owner reports, not offered.
  assert.ok(!names.includes('@Gaius'));
});

test('the Insert TODO picker and @-completion offer no handle unknown-owner flags, and every handle it knows', async () => {
  // The picker once offered every @mention, so the slip `@Gaius` the rule flags was one click away.
  const maintainers = md('| Name | GitHub |', '| --- | --- |', '| Luna | [LunaWhispers](https://github.com/LunaWhispers) |');
  const { project, meeting, owners } = await seedPicker({ 'file:///ws/MAINTAINERS.md': maintainers }, { owners: ['@toc-reviewer'] });
  const flagged = (await project.check(meetingUri)).filter((f) => f.code === 'unknown-owner');
  assert.deepEqual(flagged.map((f) => f.message), ['@Gaius is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @gaius-qi?']);
  const offered = owners.filter((o) => o.source === 'handle').map((o) => o.name.slice(1).toLowerCase());
  const completed = ownerCandidates([meeting], await project.knownHandlesFor(meeting)).handles.map((h) => h.toLowerCase());
  for (const finding of flagged) {
    const handle = /^@(\S+)/.exec(finding.message)![1].toLowerCase();
    assert.ok(!offered.includes(handle), `the picker offers @${handle}, which unknown-owner flags`);
    assert.ok(!completed.includes(handle), `completion offers @${handle}, which unknown-owner flags`);
  }
  // Every attendee, the owners file's handle and the settings' owner: offered, and never flagged.
  for (const handle of [...meeting.meeting.attendees.flatMap((a) => (a.handle ? [a.handle.toLowerCase()] : [])), 'lunawhispers', 'toc-reviewer']) {
    assert.ok(offered.includes(handle), `the picker offers @${handle}`);
    assert.ok(completed.includes(handle), `completion offers @${handle}`);
  }
  // Writing each offered handle into the note draws no unknown-owner.
  const withAll = `${meeting.text}\n${offered.map((h) => `- [ ] ask @${h}`).join('\n')}\n`;
  assert.deepEqual((await project.checkText(meetingUri, withAll)).filter((f) => f.code === 'unknown-owner').map((f) => f.message), flagged.map((f) => f.message));
});

test('knownOwners: a handle written as a TODO owner and as a mention is one owner; owners files add the rest', () => {
  const owners = knownOwners(
    [
      govDocument('dd.md', md('- [ ] **A.**', '', '**TODO for @Ann:** x', '', 'Asked @ann and @bo.')),
      govDocument('meetings/2025-01-01.md', md('# Sync', '## Attendees', '- [Dee](https://github.com/dee-x) (Org)', '## Actions', '- [ ] Go @bo')),
    ],
    // What the owners files name and the note's attendees: `knownHandles`.
    new Map([['ann', 'ann'], ['cy', 'Cy'], ['dee-x', 'dee-x']]),
  );
  assert.deepEqual(owners, [
    { name: '@Ann', source: 'todo', uses: 2 },
    { name: '@Cy', source: 'handle', uses: 1 },
    { name: '@dee-x', source: 'handle', uses: 1 },
  ]);
});
