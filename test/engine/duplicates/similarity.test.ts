import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicates } from '../../../server/src/engine/duplicates/findDuplicates';
import { findSimilarGroups, jaccard, shingleHashes } from '../../../server/src/engine/duplicates/similarity';
import { md, workspaceOf, describeGroup } from './helpers';

const BASE =
  'Maintainers meet every two weeks to triage new issues, review open pull requests and plan the next release. ' +
  'Anyone may add an item to the agenda by commenting on the tracking issue before the meeting.\n\n' +
  'Decisions taken in the meeting are recorded in the notes and announced on the mailing list within two days, ' +
  'so that contributors who could not attend can still object.';
const [FIRST, SECOND] = BASE.split('\n\n');

/**
 * Two files, `a.md` and `b.md`, each with one section (`## heading` over `body`), and the groups
 * found. Alike means at least 80% of the two bodies' three-word shingles are shared (Jaccard).
 */
const cases: { name: string; a: [string, string]; b: [string, string]; groups: string[]; options?: Parameters<typeof findDuplicates>[1] }[] = [
  {
    name: 'the same heading over the same body',
    a: ['Triage Meetings', BASE],
    b: ['Triage Meetings', BASE],
    groups: ['same-heading 1.00: *a.md:1 "Triage Meetings" | b.md:1 "Triage Meetings"'],
  },
  {
    name: 'the same heading, normalized (case, punctuation, plural)',
    a: ['Triage meetings', BASE],
    b: ['Triage Meeting:', BASE],
    groups: ['same-heading 1.00: *a.md:1 "Triage meetings" | b.md:1 "Triage Meeting:"'],
  },
  {
    name: 'a copy under another heading',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', BASE],
    groups: ['similar-body 1.00: *a.md:1 "Triage Meetings" | b.md:1 "How We Work"'],
  },
  {
    name: 'a copy with one word changed',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', BASE.replace('two weeks', 'three weeks')],
    groups: ['similar-body 0.91: *a.md:1 "Triage Meetings" | b.md:1 "How We Work"'],
  },
  {
    name: 'a copy with its paragraphs swapped',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', `${SECOND}\n\n${FIRST}`],
    groups: ['similar-body 0.94: *a.md:1 "Triage Meetings" | b.md:1 "How We Work"'],
  },
  {
    name: 'a copy with three words changed: 73% alike, not a copy',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', BASE.replace('two weeks', 'three weeks').replace('the agenda', 'our agenda').replace('mailing list', 'chat')],
    groups: [],
  },
  {
    name: 'a copy with a sentence added: still 85% alike; the longer body is the one to keep',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', `${BASE} Meetings are recorded and the recording is linked from the notes.`],
    groups: ['similar-body 0.85: a.md:1 "Triage Meetings" | *b.md:1 "How We Work"'],
  },
  {
    name: 'a copy with a paragraph added: 70% alike, not a copy',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', `${BASE}\n\nMeetings are recorded and the recording is linked from the notes. Recordings are kept for a year and then deleted, unless a maintainer asks to keep one.`],
    groups: [],
  },
  {
    name: 'the same words in another order',
    a: ['Triage Meetings', BASE],
    b: ['How We Work', BASE.split(/\s+/).reverse().join(' ')],
    groups: [],
  },
  {
    name: 'the same heading over different bodies',
    a: ['Triage Meetings', BASE],
    b: ['Triage Meetings', 'Triage happens asynchronously: a rotating triager labels every new issue within a week, asks for missing details and closes duplicates, and the weekly summary lists what is still open.'],
    groups: [],
  },
  {
    name: 'tiny bodies (under 25 words) are not compared',
    a: ['Contact', 'Write to the maintainers mailing list or ask in the Slack channel.'],
    b: ['Getting Help', 'Write to the maintainers mailing list or ask in the Slack channel.'],
    groups: [],
  },
  {
    name: 'structural headings repeat by design',
    a: ['Suggested', BASE],
    b: ['Suggested', BASE],
    groups: [],
  },
  {
    name: 'pointers are not definitions, copied or not',
    a: ['Meetings', 'We meet every two weeks; for how the agenda is set, who runs the meeting, where notes go and how decisions are announced, see the [meeting guide](MEETINGS.md).'],
    b: ['Meetings', 'We meet every two weeks; for how the agenda is set, who runs the meeting, where notes go and how decisions are announced, see the [meeting guide](MEETINGS.md).'],
    groups: [],
  },
  {
    name: 'files of two repositories are never compared',
    a: ['Triage Meetings', BASE],
    b: ['Triage Meetings', BASE],
    options: { scopeOf: (uri) => (uri.endsWith('a.md') ? 'repo-a' : 'repo-b') },
    groups: [],
  },
];

for (const { name, a, b, groups, options } of cases) {
  test(`near-duplicate bodies: ${name}`, () => {
    const workspace = workspaceOf({ 'a.md': md(`## ${a[0]}`, '', a[1]), 'b.md': md(`## ${b[0]}`, '', b[1]) });
    assert.deepEqual(
      findDuplicates(workspace.definitions, options).map((group) => describeGroup(workspace, group)),
      groups,
    );
  });
}

test('near-duplicate bodies: two copies inside one file are left to that file', () => {
  const workspace = workspaceOf({ 'a.md': md('## Major Release', '', BASE, '', '## Minor Release', '', BASE.replace('two weeks', 'three weeks')) });
  assert.deepEqual(findDuplicates(workspace.definitions), []);
});

test('near-duplicate bodies: a section copied into two more files is one group of three', () => {
  const workspace = workspaceOf({ 'a.md': md('## Triage', '', BASE), 'b.md': md('## Meetings', '', BASE), 'docs/c.md': md('## Process', '', BASE.replace('two days', 'a day')) });
  assert.deepEqual(
    findDuplicates(workspace.definitions).map((group) => describeGroup(workspace, group)),
    ['similar-body 0.88: *a.md:1 "Triage" | b.md:1 "Meetings" | docs/c.md:1 "Process"'],
  );
});

test('jaccard of shingles: exact on sets, 1 for equal, 0 for disjoint', () => {
  const words = (text: string) => text.split(' ');
  assert.equal(jaccard(shingleHashes(words('a b c d')), shingleHashes(words('a b c d'))), 1);
  assert.equal(jaccard(shingleHashes(words('a b c d')), shingleHashes(words('e f g h'))), 0);
  // {abc, bcd} and {abc, bce}: one of three shingles shared.
  assert.equal(jaccard(shingleHashes(words('a b c d')), shingleHashes(words('a b c e'))), 1 / 3);
});

test('MinHash and LSH find every planted near-copy among thousands of sections, and nothing else', () => {
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const vocabulary = Array.from({ length: 3000 }, (_, index) => `w${index.toString(36)}`);
  const body = () => Array.from({ length: 40 + Math.floor(random() * 80) }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
  const bodies = Array.from({ length: 4000 }, body);
  const planted: string[] = [];
  for (let copy = 0; copy < 40; copy++) {
    const original = Math.floor(random() * 3000);
    const edited = [...bodies[original]];
    edited[Math.floor(random() * edited.length)] = 'changed';
    bodies[3000 + copy] = edited;
    planted.push(`${original},${3000 + copy}`);
  }
  const groups = findSimilarGroups(bodies.map((words) => shingleHashes(words)));
  assert.deepEqual(groups.map((group) => group.members.join(',')).sort(), planted.sort());
  for (const group of groups) assert.ok(group.similarity >= 0.8);
});
