import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../../server/src/engine/project';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { defaultSettings, parseSettings } from '../../../server/src/engine/settings';
import { applyEdits } from '../../../server/src/engine/fixes';
import type { Finding } from '../../../server/src/engine/types';
import { COMMUNITY, SEED_DD, filesUnder, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';

const community = (name: string) => `file:///ws/community/${name}`;
const only = (findings: Finding[]) => findings.filter((f) => f.code === 'duplicate-section');
const brief = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;

function fixtureProject(extra: Record<string, string> = {}, settings = defaultSettings()): Project {
  return new Project(new InMemoryWorkspace({ ...filesUnder(COMMUNITY, 'community'), 'file:///ws/dd.md': read(SEED_DD), ...extra }), settings);
}

test('duplicate-section on the fixture: the reviewer finding, both ways, with related places', async () => {
  const project = fixtureProject();
  const membership = only(await project.check(community('COMMUNITY_MEMBERSHIP.md')));
  assert.deepEqual(membership.map(brief), [
    '47:1 How to join or be added as approver, maintainer, member is also defined in COMMUNITY_LADDER.md: keep one source of truth',
  ]);
  assert.deepEqual(membership[0].related!.map((r) => `${r.uri.replace('file:///ws/community/', '')}:${r.range.start.line + 1} ${r.message}`), [
    'COMMUNITY_LADDER.md:138 Also defined here: "How to Become a Member"',
    'COMMUNITY_LADDER.md:164 Also defined here: "How to Become an Approver"',
    'COMMUNITY_LADDER.md:199 Also defined here: "How to Become a Maintainer"',
  ]);
  const ladder = only(await project.check(community('COMMUNITY_LADDER.md')));
  assert.deepEqual(ladder.map(brief), [
    '138:3 How to join or be added as member is also defined in COMMUNITY_MEMBERSHIP.md: keep one source of truth',
    '164:3 How to join or be added as approver is also defined in COMMUNITY_MEMBERSHIP.md: keep one source of truth',
    '199:3 How to join or be added as maintainer is also defined in COMMUNITY_MEMBERSHIP.md: keep one source of truth',
  ]);
  for (const finding of ladder) assert.deepEqual(finding.related!.map((r) => [r.uri, r.range.start.line + 1]), [[community('COMMUNITY_MEMBERSHIP.md'), 47]]);
});

test('duplicate-section: every finding on the fixture, and none on the seed DD', async () => {
  const project = fixtureProject();
  const all: string[] = [];
  for (const uri of await project.workspace.listFiles()) {
    for (const finding of only(await project.check(uri))) all.push(`${uri.replace('file:///ws/', '')}:${finding.range.start.line + 1}`);
  }
  assert.deepEqual(all.sort(), [
    'community/COMMUNITY_LADDER.md:138',
    'community/COMMUNITY_LADDER.md:164',
    'community/COMMUNITY_LADDER.md:199',
    'community/COMMUNITY_MEMBERSHIP.md:47',
    // Two procedures for one thing, and they disagree: a private e-mail in one, a draft GitHub advisory in the other.
    'community/CONTRIBUTING.md:13',
    'community/SECURITY.md:5',
  ]);
});

test('duplicate-section: the fix replaces a LADDER definition with a link to the canonical one, and the finding goes', async () => {
  const project = fixtureProject();
  const uri = community('COMMUNITY_LADDER.md');
  let text = read(`${COMMUNITY}/COMMUNITY_LADDER.md`);
  for (let round = 0; round < 3; round++) {
    const [first] = only(await project.check(uri));
    const fix = first.fixes![0];
    assert.equal(fix.title, 'Replace this definition with a link to COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer');
    text = applyEdits(text, fix.edits);
    project.setOpenText(uri, text);
  }
  assert.match(text, /\* \*\*How to Become a Member\*\*: See \[Adding New Member\/Approver\/Maintainer in COMMUNITY_MEMBERSHIP\.md\]\(COMMUNITY_MEMBERSHIP\.md#adding-new-memberapprovermaintainer\)\./);
  assert.deepEqual(only(await project.check(uri)), []);
  assert.deepEqual(only(await project.check(community('COMMUNITY_MEMBERSHIP.md'))), []);
});

test('duplicate-section: a pointer is not a definition; off means off', async () => {
  const files = {
    'file:///ws/GOVERNANCE.md': md('# Governance', '', '## Becoming a Maintainer', '', 'See [the ladder](LADDER.md#becoming-a-maintainer).'),
    'file:///ws/LADDER.md': md('# Ladder', '', '## Becoming a Maintainer', '', 'Open an issue, get two approvals from existing maintainers, and wait a week for objections.'),
  };
  assert.deepEqual(only(await new Project(new InMemoryWorkspace(files), defaultSettings()).check('file:///ws/LADDER.md')), []);
  const copied = { ...files, 'file:///ws/GOVERNANCE.md': md('# Governance', '', '## How to become a maintainer', '', 'Open a PR adding yourself; two maintainers approve.') };
  assert.equal(only(await new Project(new InMemoryWorkspace(copied), defaultSettings()).check('file:///ws/LADDER.md')).length, 1);
  const off = parseSettings({ severity: { 'duplicate-section': 'off' } }).settings;
  assert.deepEqual(only(await new Project(new InMemoryWorkspace(copied), off).check('file:///ws/LADDER.md')), []);
});

test('duplicate-section: the replacement links to the anchor GitHub gives a heading with markup, which link rules accept', async () => {
  const files = {
    'file:///ws/GOVERNANCE.md': md('# Governance', '', '## How to become a `maintainer` :rocket:', '', 'Open a PR adding yourself to MAINTAINERS.md; two maintainers approve it within a week.'),
    'file:///ws/LADDER.md': md('# Ladder', '', '## Becoming a Maintainer', '', 'Open an issue, get two approvals from existing maintainers, and wait a week for objections.'),
  };
  const project = new Project(new InMemoryWorkspace(files), defaultSettings());
  const [finding] = only(await project.check('file:///ws/LADDER.md'));
  const fixed = applyEdits(files['file:///ws/LADDER.md'], finding.fixes![0].edits);
  project.setOpenText('file:///ws/LADDER.md', fixed);
  const after = await project.check('file:///ws/LADDER.md');
  assert.match(fixed, /\(GOVERNANCE\.md#how-to-become-a-maintainer-\)/);
  assert.deepEqual(after.filter((f) => f.code === 'broken-fragment'), []);
});

/** Where the ladder's "How to Become …" definitions are reported when the ladder is copied to these paths. */
async function ladderCopiesAt(paths: string[], settings = defaultSettings()): Promise<string[]> {
  const ladder = read(`${COMMUNITY}/COMMUNITY_LADDER.md`);
  const files = Object.fromEntries(paths.map((path) => [`file:///ws/${path}`, ladder]));
  const project = new Project(new InMemoryWorkspace(files), settings);
  const found: string[] = [];
  for (const uri of Object.keys(files)) {
    for (const f of only(await project.check(uri))) if (f.message.startsWith('How to join')) found.push(`${uri.replace('file:///ws/', '')}:${f.range.start.line + 1}`);
  }
  return found.sort();
}

test('duplicate-section: only living definitions of one project take part (cncf/toc and fluxcd layouts)', async () => {
  // A governance review or annual review quoting the project's ladder, an archived copy, a
  // template, a README: records and copies that describe a moment, not a second definition.
  assert.deepEqual(await ladderCopiesAt(['COMMUNITY_LADDER.md', 'projects/k3s/governance-review/2024-07-22.md']), []);
  assert.deepEqual(await ladderCopiesAt(['COMMUNITY_LADDER.md', 'projects/k3s/2023-k3s-annual.md']), []);
  assert.deepEqual(await ladderCopiesAt(['COMMUNITY_LADDER.md', '.archive/COMMUNITY_LADDER.md']), []);
  assert.deepEqual(await ladderCopiesAt(['COMMUNITY_LADDER.md', 'templates/ladder-template.md']), []);
  assert.deepEqual(await ladderCopiesAt(['COMMUNITY_LADDER.md', 'README.md']), []);
  // Two projects of cncf/toc each define their own ladder.
  assert.deepEqual(await ladderCopiesAt(['projects/k3s/COMMUNITY_LADDER.md', 'projects/keptn/COMMUNITY_LADDER.md']), []);
  // One project, two living files: the duplicate the rule is for.
  assert.deepEqual(await ladderCopiesAt(['projects/k3s/COMMUNITY_LADDER.md', 'projects/k3s/community-roles.md']), [
    'projects/k3s/COMMUNITY_LADDER.md:138',
    'projects/k3s/COMMUNITY_LADDER.md:164',
    'projects/k3s/COMMUNITY_LADDER.md:199',
    'projects/k3s/community-roles.md:138',
    'projects/k3s/community-roles.md:164',
    'projects/k3s/community-roles.md:199',
  ]);
});

test('duplicate-section: repositories of different owners are different projects', async () => {
  const settings = parseSettings({ repositories: { 'argoproj/argoproj': 'argo', 'fluxcd/community': 'flux' } }).settings;
  assert.deepEqual(await ladderCopiesAt(['argo/COMMUNITY_LADDER.md', 'flux/COMMUNITY_LADDER.md'], settings), []);
});

test('duplicate-section: two charters constitute two bodies, each with its own elections', async () => {
  // open-telemetry/community governance-charter.md:117 and tech-committee-charter.md:96 (9f58973).
  const project = new Project(new InMemoryWorkspace({
    'file:///ws/governance-charter.md': md('# Governance Committee Charter', '', '## Elections', '', 'The Governance Committee consists of 9 individual members of the community elected for 2 year terms. The terms are staggered with elections each year.'),
    'file:///ws/tech-committee-charter.md': md('# Technical Committee Charter', '', '## Elections', '', 'New TC members can be nominated by any Member in Standing and must be sponsored by one of the existing TC members to bring it to a vote.'),
  }), defaultSettings());
  assert.deepEqual(only(await project.check('file:///ws/governance-charter.md')), []);
  assert.deepEqual(only(await project.check('file:///ws/tech-committee-charter.md')), []);
});
