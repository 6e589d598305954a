import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { defaultSettings } from '../../server/src/engine/settings';
import { progressOf } from '../../server/src/engine/model/dd';
import { COMMUNITY, SEED_DD, SEED_MEETING, filesUnder, read } from '../helpers/fixtures';

// The workspace a TOC reviewer has open: the DD, the meeting note, the project's community repository.
function reviewerProject(): Project {
  const files = { 'file:///ws/dd.md': read(SEED_DD), 'file:///ws/meeting.md': read(SEED_MEETING), ...filesUnder(COMMUNITY, 'community') };
  return new Project(new InMemoryWorkspace(files), defaultSettings());
}

const brief = (f: { range: { start: { line: number; character: number } }; code: string; severity: string }) =>
  `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity}`;

test('seed DD: the whole report', async () => {
  const project = reviewerProject();
  assert.equal((await project.document('file:///ws/dd.md'))!.kind, 'dd');
  const findings = (await project.check('file:///ws/dd.md')).map(brief);
  assert.deepEqual(findings, [
    '14:5 placeholder warning', '15:5 placeholder warning', '16:5 placeholder warning',
    '19:5 placeholder warning', '20:5 placeholder warning', '21:5 placeholder warning',
    '30:5 placeholder warning', '31:5 placeholder warning', '32:5 placeholder warning',
    '36:43 placeholder warning', '36:117 placeholder warning', '40:68 placeholder warning', '40:224 placeholder warning',
    // The template of 2026-06-29 (built-in): GTR and Governance Review missing in Application Process
    // Principles, the TAG criterion now Suggested, a Governance Review (Suggested) missing in
    // Governance and Maintainers, the joint security assessment (Suggested) missing in Security.
    '44:1 template-drift hint', '44:1 template-drift hint',
    '52:3 unchecked-criterion warning', '52:7 template-drift hint', '57:3 checked-with-todo warning', '70:3 open-todo information',
    '72:56 malformed-url error', '77:3 unchecked-criterion warning', '79:3 open-todo information', '90:1 template-drift hint',
    '96:3 unchecked-criterion information',
    '101:1 open-todo information', '104:244 malformed-url error', '123:3 unchecked-criterion warning', '129:3 open-todo information',
    '137:7 link-text-mismatch warning', '140:3 unchecked-criterion warning', '147:3 open-todo information', '149:3 checked-with-todo warning',
    '154:3 open-todo information', '159:3 unchecked-criterion warning', '166:3 open-todo information',
    '175:3 unchecked-criterion warning', '180:3 open-todo information', '193:3 unchecked-criterion warning',
    '200:3 open-todo information', '208:3 unchecked-criterion warning', '214:3 open-todo information',
    '217:3 unchecked-criterion warning', '222:3 open-todo information', '224:3 unchecked-criterion warning',
    '227:3 open-todo information', '259:3 unchecked-criterion warning', '266:3 open-todo information',
    '278:3 unchecked-criterion warning', '281:1 open-todo information', '291:3 checked-with-todo warning',
    '303:3 open-todo information', '320:3 unchecked-criterion warning', '325:3 open-todo information',
    '342:3 unchecked-criterion warning', '352:3 open-todo information', '359:1 template-drift hint', '365:3 unchecked-criterion information',
    '365:7 missing-evaluation information', '371:3 checked-with-todo warning', '376:3 open-todo information',
    // The one met criterion whose evaluation cites nothing: an assertion about an organization setting.
    '378:7 met-without-evidence information',
    '395:3 unchecked-criterion warning', '402:3 open-todo information', '417:3 checked-with-todo warning',
    '422:3 open-todo information', '424:3 unchecked-criterion warning', '429:3 unchecked-criterion warning',
    '432:3 open-todo information', '468:19 placeholder warning',
  ]);
});

test('seed DD: criteria, sub-criteria, TODO owners as written', async () => {
  const doc = (await reviewerProject().document('file:///ws/dd.md'))!;
  const release = doc.dd.criteria.find((c) => c.title.startsWith("Document the project's release process"))!;
  assert.equal(release.subCriteria.length, 5);
  assert.equal(release.subCriteria.every((s) => !s.checked), true);
  const owners = new Set(doc.parsed.todos.map((t) => t.owner));
  // Typos and case are the author's: grouped case-insensitively elsewhere, never corrected.
  assert.ok(owners.has('Dragonlfy TEAM') && owners.has('Dragonfly team') && owners.has('Dragonfly Team'));
  const kevin = doc.dd.criteria.find((c) => c.todos.some((t) => t.owner === 'Kevin'))!;
  assert.match(kevin.title, /^Document project goals and objectives/);
});

test('seed DD: progress per area and in all', async () => {
  const doc = (await reviewerProject().document('file:///ws/dd.md'))!;
  const progress = progressOf(doc.dd);
  assert.deepEqual(progress.required, { met: 26, total: 43 });
  assert.deepEqual(progress.suggested, { met: 1, total: 3 });
  assert.deepEqual(
    progress.areas.map((a) => `${a.title}: ${a.required.met}/${a.required.total} · ${a.suggested.met}/${a.suggested.total}`),
    [
      'Application Process Principles: 3/5 · 0/0',
      'Governance and Maintainers: 7/15 · 0/1',
      'Contributors and Community: 4/6 · 1/1',
      'Engineering Principles: 5/7 · 0/0',
      'Security: 5/6 · 0/1',
      'Ecosystem: 2/4 · 0/0',
    ],
  );
});

// @LunaWhispers (63, 81) and @baowj-678 (65) are the contributors the listed issues are assigned
// to: neither attendees nor maintainers, and nothing is wrong. Only @Gaius, the display name of the
// attendee github.com/gaius-qi, is a slip.
test('seed meeting note: the whole report, with the fixture MAINTAINERS.md known', async () => {
  const project = reviewerProject();
  const doc = (await project.document('file:///ws/meeting.md'))!;
  assert.equal(doc.kind, 'meeting');
  const findings = await project.check('file:///ws/meeting.md');
  assert.deepEqual(findings.map((f) => `${brief(f)} ${f.message}`), [
    '23:100 unknown-owner information @Gaius is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @gaius-qi?',
    '47:3 conflicting-status warning dragonflyoss/dragonfly#4025 is listed under TODO (line 47) and WIP (line 64)',
    '64:3 conflicting-status warning dragonflyoss/dragonfly#4025 is listed under TODO (line 47) and WIP (line 64)',
  ]);
  assert.equal(findings.filter((f) => f.code === 'action-without-owner').length, 0);
});

test('seed meeting note: attendees, actions with owners, issues by status, next meeting', async () => {
  const doc = (await reviewerProject().document('file:///ws/meeting.md'))!;
  const meeting = doc.meeting;
  assert.equal(meeting.attendees.length, 13);
  assert.deepEqual(meeting.attendees[1], { ...meeting.attendees[1], name: 'Gaius', handle: 'gaius-qi', organization: 'Ant Group/Dragonfly' });
  assert.deepEqual(meeting.attendees[12], { item: meeting.attendees[12].item, name: 'Xuejin He', organization: 'Ant Group' });
  assert.equal(meeting.actions.length, 9);
  assert.deepEqual(meeting.actions[1].owners.map((o) => o.handle), ['chlins', 'gaius-qi']);
  assert.deepEqual(meeting.actions.filter((a) => !a.done).map((a) => a.text.slice(0, 30)), [
    'Support Model Artifact by OCI ',
    'Organize topics and attendees ',
  ]);
  const byStatus = (status: string) => meeting.issues.filter((i) => i.status === status).length;
  assert.deepEqual([byStatus('TODO'), byStatus('WIP'), byStatus('DONE')], [1, 12, 7]);
  assert.equal(meeting.nextMeeting?.date, '2025-10-28');
});

test('fixture meeting notes take their date from the folder name', async () => {
  const doc = (await reviewerProject().document('file:///ws/community/meetings/maintainer/2025-09-09/README.md'))!;
  assert.equal(doc.kind, 'meeting');
  assert.equal(doc.meeting.date, '2025-09-09');
});
