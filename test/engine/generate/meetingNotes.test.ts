import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { latestMeetingNote, newMeetingNotes, type MeetingNoteSource, type NewMeetingNotesOptions } from '../../../server/src/engine/generate/meetingNotes';
import { COMMUNITY, FIXTURES, SEED_MEETING, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const MAINTAINER = join(COMMUNITY, 'meetings', 'maintainer');
const fixtureNote = (date: string): MeetingNoteSource => ({ path: `meetings/maintainer/${date}/README.md`, text: read(join(MAINTAINER, date, 'README.md')) });
// The seed is the note of 2025-10-14 (its next meeting, 2025-10-28, is two weeks later).
const seed = (path = 'meetings/maintainer/2025-10-14/README.md'): MeetingNoteSource => ({ path, text: read(SEED_MEETING) });

interface Case {
  name: string;
  previous: MeetingNoteSource | undefined;
  today: string;
  options?: NewMeetingNotesOptions;
  path: string;
  date: string;
  next: string | undefined;
  /** The whole note, when the case is about the text. */
  text?: string;
  /** Lines the note must hold, in this order (for whole real notes, where the text is checked elsewhere). */
  contains?: string[];
}

const cases: Case[] = [
  {
    name: 'after the 2025-09-09 fixture note, two weeks later: the exact note',
    previous: fixtureNote('2025-09-09'),
    today: '2025-09-23',
    path: 'meetings/maintainer/2025-09-23/README.md',
    date: '2025-09-23',
    next: '2025-10-07',
    text: read(join(FIXTURES, 'generated', 'maintainer-meeting-2025-09-23.md')),
  },
  {
    name: "the seed's next meeting (2025-10-28) is after today: the note is dated by it",
    previous: seed(),
    today: '2025-10-20',
    path: 'meetings/maintainer/2025-10-28/README.md',
    date: '2025-10-28',
    next: '2025-11-11',
    contains: [
      '## Actions',
      '- [ ] Support Model Artifact by OCI Spec in Fluid, and Dragonfly needs to support P2P distribution of Model layers. @chlins @gaius-qi',
      '- [ ] Organize topics and attendees for KubeCon 2026 @mingcheng',
      '### Group discussion on design reviews, code reviews, issue reviews or other technical topics as needed',
      '### TODO',
      '- <https://github.com/dragonflyoss/dragonfly/issues/4025>',
      '### WIP',
      '#### Dragonfly',
      '- <https://github.com/dragonflyoss/dragonfly/issues/3713> @baowj-678',
      '#### Dragonfly Client',
      '#### Nydus',
      '- <https://github.com/dragonflyoss/nydus/issues> @imeoer @BraveY',
      '### Done',
      '## Next Meeting Schedule',
      'Date: 2025-11-11',
    ],
  },
  {
    name: 'the next meeting date is today: used',
    previous: seed(),
    today: '2025-10-28',
    path: 'meetings/maintainer/2025-10-28/README.md',
    date: '2025-10-28',
    next: '2025-11-11',
  },
  {
    name: "the seed's next meeting has passed: today, and the next one a cadence (14 days) later",
    previous: seed(),
    today: '2025-11-01',
    path: 'meetings/maintainer/2025-11-01/README.md',
    date: '2025-11-01',
    next: '2025-11-15',
  },
  {
    name: 'a dateless previous note: no cadence to read, the next date is left blank; the path takes the date',
    previous: seed('notes/maintainer-meeting.md'),
    today: '2025-10-20',
    path: 'notes/2025-10-28.md',
    date: '2025-10-28',
    next: undefined,
    contains: ['## Next Meeting Schedule', 'Date: TBD'],
  },
  {
    name: 'a configured cadence wins over the dates',
    previous: seed(),
    today: '2025-10-20',
    options: { cadenceDays: 7 },
    path: 'meetings/maintainer/2025-10-28/README.md',
    date: '2025-10-28',
    next: '2025-11-04',
  },
  {
    name: 'dates more than four weeks apart are no cadence',
    previous: fixtureNote('2024-06-27'),
    today: '2025-09-23',
    path: 'meetings/maintainer/2025-09-23/README.md',
    date: '2025-09-23',
    next: undefined,
    text: md(
      '# Maintainer Meeting',
      '',
      '## Topics',
      '',
      '<!-- One topic per item: - Topic @owner -->',
      '',
      '## Actions',
      '',
      '- [ ] The project will work on building out a roadmap and release plan.',
      '- [ ] The project will complete a security self assessment.',
      '- [ ] Find 4-5 end users to provide survey feedback for TOC review.',
      '',
      '## Next Meeting',
      '',
      'Date: TBD',
    ),
  },
  {
    name: 'a "meeting skipped" notice has no attendees, topics nor actions: a skeleton, in the folder\'s convention, its cadence kept',
    previous: fixtureNote('2025-08-12'),
    today: '2025-09-23',
    path: 'meetings/maintainer/2025-09-23/README.md',
    date: '2025-09-23',
    // The notice says the next meeting is "August 26, 2025": two weeks after its own date.
    next: '2025-10-07',
    contains: ['# Maintainer Meeting 2025-09-23', '## Attendees', '## Topics', '## Actions', '## Next Meeting', 'Date: 2025-10-07'],
  },
  {
    name: 'no previous note: a skeleton in the folder asked for',
    previous: undefined,
    today: '2025-09-23',
    options: { folder: 'meetings/', cadenceDays: 14 },
    path: 'meetings/2025-09-23.md',
    date: '2025-09-23',
    next: '2025-10-07',
    text: md(
      '# Maintainer Meeting 2025-09-23',
      '',
      '## Attendees',
      '',
      '<!-- One attendee per item: - [Name](https://github.com/handle) (Organization) -->',
      '',
      '## Topics',
      '',
      '<!-- One topic per item: - Topic @owner -->',
      '',
      '## Actions',
      '',
      '<!-- One action per item: - [ ] Action @owner -->',
      '',
      '## Next Meeting',
      '',
      'Date: 2025-10-07',
    ),
  },
  {
    name: 'flat folder: the date in the file name, the title and the front matter, each written as it was',
    previous: {
      path: 'community/meetings/2025_09_09.md',
      text: md('---', 'date: 2025-09-09', '---', '', '# TSC Meeting — September 9, 2025', '', 'Zoom: https://zoom.us/j/1 (every other Tuesday)', '', '## Attendees', '', '- @alice', '', '## Agenda', '', '- Release 1.0 @alice'),
    },
    today: '2025-09-23',
    path: 'community/meetings/2025_09_23.md',
    date: '2025-09-23',
    next: '2025-10-07',
    text: md('---', 'date: 2025-09-23', '---', '', '# TSC Meeting — September 23, 2025', '', 'Zoom: https://zoom.us/j/1 (every other Tuesday)', '', '## Attendees', '', '- @alice', '', '## Agenda', '', '<!-- One topic per item: - Topic @owner -->', '', '## Next Meeting', '', 'Date: 2025-10-07'),
  },
  {
    name: 'actions: done ones go, done sub-tasks of open ones go, a done action with an open sub-task stays for context',
    previous: {
      path: 'meetings/2025-09-09.md',
      text: md(
        '# Sync',
        '## Actions',
        '- [x] Ship it @a',
        '  - [x] Tag @b',
        '- [ ] Write the blog @c',
        '  - [x] Draft @c',
        '  - [ ] Review @d',
        '  - Waiting for legal',
        '- [x] CFP submitted @e',
        '  - [ ] Book travel @f',
        '- [X] Upper-case X is done too @g',
        '- Note kept as written',
      ),
    },
    today: '2025-09-16',
    path: 'meetings/2025-09-16.md',
    date: '2025-09-16',
    next: '2025-09-23',
    text: md(
      '# Sync',
      '',
      '## Actions',
      '',
      '- [ ] Write the blog @c',
      '  - [ ] Review @d',
      '  - Waiting for legal',
      '- [x] CFP submitted @e',
      '  - [ ] Book travel @f',
      '- Note kept as written',
      '',
      '## Next Meeting',
      '',
      'Date: 2025-09-23',
    ),
  },
  {
    name: 'issues: every open status carried (sub-headings too), done lists emptied, an issue also listed as done dropped; topics and other sections emptied',
    previous: {
      path: 'meetings/2025-09-09/README.md',
      text: md(
        '# Sync',
        '## Topics',
        '### Release 1.0 @a',
        'We agreed to ship.',
        '## Issues',
        'Triaged on Monday.',
        '### TODO',
        '- https://github.com/o/r/issues/1',
        '### WIP',
        '- https://github.com/o/r/issues/2 @a',
        '- o/r#3 @b',
        '#### Client',
        '- https://github.com/o/client/pull/4 @c',
        '### Blocked',
        '- https://github.com/o/r/issues/5',
        '### Done',
        '- https://github.com/o/r/issues/3 @b',
        '#### Client',
        '- https://github.com/o/client/pull/6',
        '## Slack',
        '### To Reply',
        '- https://slack.example/p1 @d',
        '### Resolved',
        '- https://slack.example/p0',
        '## Next Meeting',
        '- Date: 2025-09-23',
        '- Host: @a',
        '- Time: 11:00 UTC',
      ),
    },
    today: '2025-09-20',
    path: 'meetings/2025-09-23/README.md',
    date: '2025-09-23',
    next: '2025-10-07',
    text: md(
      '# Sync',
      '',
      '## Topics',
      '',
      '<!-- One topic per item: - Topic @owner -->',
      '',
      '## Issues',
      '',
      '### TODO',
      '',
      '- https://github.com/o/r/issues/1',
      '',
      '### WIP',
      '',
      '- https://github.com/o/r/issues/2 @a',
      '',
      '#### Client',
      '',
      '- https://github.com/o/client/pull/4 @c',
      '',
      '### Blocked',
      '',
      '- https://github.com/o/r/issues/5',
      '',
      '### Done',
      '',
      '#### Client',
      '',
      '## Slack',
      '',
      '### To Reply',
      '',
      '- https://slack.example/p1 @d',
      '',
      '### Resolved',
      '',
      '## Next Meeting',
      '',
      '- Date: 2025-10-07',
      '- Host: TBD',
      '- Time: 11:00 UTC',
    ),
  },
  {
    name: 'the next meeting in its heading, in prose, no date at all',
    previous: { path: 'm/2025-09-09.md', text: md('# Sync', '## Actions', '- [ ] One @a', '## Next meeting: 2025-09-16', 'Zoom link in the calendar.') },
    today: '2025-09-10',
    path: 'm/2025-09-16.md',
    date: '2025-09-16',
    next: '2025-09-23',
    text: md('# Sync', '', '## Actions', '', '- [ ] One @a', '', '## Next meeting: 2025-09-23', '', 'Zoom link in the calendar.'),
  },
  {
    name: 'a next meeting written in words dates the note and is rewritten in words',
    previous: { path: 'm/2025-08-12.md', text: md('# Sync', '## Topics', '- x', '## Next Meeting', 'We meet on **August 26, 2025** at the usual time.') },
    today: '2025-08-20',
    path: 'm/2025-08-26.md',
    date: '2025-08-26',
    next: '2025-09-09',
    text: md('# Sync', '', '## Topics', '', '<!-- One topic per item: - Topic @owner -->', '', '## Next Meeting', '', 'We meet on **September 9, 2025** at the usual time.'),
  },
  {
    name: 'Windows line endings stay Windows line endings',
    previous: { path: 'm/2025-09-09.md', text: '# Sync\r\n\r\n## Actions\r\n\r\n- [ ] One @a\r\n- [x] Two @b\r\n' },
    today: '2025-09-23',
    path: 'm/2025-09-23.md',
    date: '2025-09-23',
    next: '2025-10-07',
    text: '# Sync\r\n\r\n## Actions\r\n\r\n- [ ] One @a\r\n\r\n## Next Meeting\r\n\r\nDate: 2025-10-07\r\n',
  },
];

for (const c of cases) {
  test(`newMeetingNotes: ${c.name}`, () => {
    const note = newMeetingNotes(c.previous, c.today, c.options);
    assert.deepEqual({ path: note.path, date: note.date, next: note.nextMeetingDate }, { path: c.path, date: c.date, next: c.next });
    if (c.text !== undefined) assert.equal(note.text, c.text);
    if (c.contains) {
      const lines = note.text.split('\n');
      let from = 0;
      for (const line of c.contains) {
        const at = lines.indexOf(line, from);
        assert.ok(at !== -1, `expected, after line ${from + 1}: ${line}\n\n${note.text}`);
        from = at + 1;
      }
    }
  });
}

test('newMeetingNotes: the seed note loses its topics, done actions and Done list, keeps attendees as they were', () => {
  const previous = seed();
  const note = newMeetingNotes(previous, '2025-10-20');
  const attendees = (text: string) => text.slice(text.indexOf('## Attendees'), text.indexOf('## Topics'));
  assert.equal(attendees(note.text), attendees(previous.text));
  assert.doesNotMatch(note.text, /Member Nomination|\[x\]|issues\/4333/);
});

test('newMeetingNotes: today must be a date', () => {
  assert.throws(() => newMeetingNotes(undefined, '23/09/2025'), /YYYY-MM-DD/);
});

const latest: { name: string; paths: string[]; expected: string | undefined }[] = [
  {
    name: 'the fixture folder: by the date in the folder name, not the sort order of other names',
    paths: ['2021-12-29', '2024-04-25', '2025-09-09', '2025-08-26', '2025-08-12'].map((d) => `meetings/maintainer/${d}/README.md`),
    expected: 'meetings/maintainer/2025-09-09/README.md',
  },
  { name: 'flat folder, dateless files passed over', paths: ['notes/2025-10-01.md', 'notes/README.md', 'notes/2025-01-31.md'], expected: 'notes/2025-10-01.md' },
  { name: 'other date forms', paths: ['m/20250101.md', 'm/2025_03_01.md', 'm/2024-12-31.md'], expected: 'm/2025_03_01.md' },
  { name: 'same date: README wins', paths: ['m/2025-09-09/agenda.md', 'm/2025-09-09/README.md'], expected: 'm/2025-09-09/README.md' },
  { name: 'not Markdown, or not a real date', paths: ['m/2025-09-30.pdf', 'm/2025-02-30.md', 'm/2025-09-01.md'], expected: 'm/2025-09-01.md' },
  { name: 'nothing dated', paths: ['m/README.md', 'm/notes.md'], expected: undefined },
];

for (const c of latest) {
  test(`latestMeetingNote: ${c.name}`, () => {
    assert.equal(latestMeetingNote(c.paths), c.expected);
  });
}
