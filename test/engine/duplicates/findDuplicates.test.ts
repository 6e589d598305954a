import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicates } from '../../../server/src/engine/duplicates/findDuplicates';
import { mergeLexicon } from '../../../server/src/engine/duplicates/lexicon';
import { md, workspaceOf, describeGroup, describeRelated } from './helpers';

const LADDER = md(
  '### Member',
  '',
  '* **How to Become a Member**:',
  '    1. Submit a PR to the members file.',
  '    2. Get two approvals from existing Members.',
  '',
  '### Maintainer',
  '',
  '* **How to Become a Maintainer**:',
  '    1. Get nominated by an existing Maintainer.',
  '    2. Be approved by two thirds of the Maintainers.',
);

const ADDING = md(
  '## Managing Membership',
  '',
  '### Adding New Member/Maintainer',
  '',
  'New Members and Maintainers are nominated in an issue and need a supermajority vote of the current Maintainers.',
);

/** A workspace of files (path → text), and every group found, as `describeGroup` writes them. */
const cases: { name: string; files: Record<string, string>; groups: string[]; topics?: unknown }[] = [
  {
    name: 'one process for overlapping roles, worded differently: the heading in the membership file is canonical',
    files: { 'COMMUNITY_LADDER.md': LADDER, 'COMMUNITY_MEMBERSHIP.md': ADDING },
    groups: [
      'topic join [maintainer, member]: COMMUNITY_LADDER.md:3 "How to Become a Member" | COMMUNITY_LADDER.md:9 "How to Become a Maintainer" | *COMMUNITY_MEMBERSHIP.md:3 "Adding New Member/Maintainer"',
    ],
  },
  {
    name: 'the same process for roles that do not overlap',
    files: { 'COMMUNITY_LADDER.md': md('### Member', '', '* **How to Become a Member**:', '    1. Submit a PR.'), 'GOVERNANCE.md': md('## Adding Maintainers', '', 'Maintainers are nominated in an issue.') },
    groups: [],
  },
  {
    name: 'removal defined in one file only',
    files: {
      'COMMUNITY_MEMBERSHIP.md': md('### Removing Inactive Member/Maintainer', '', 'Members inactive for three months can be removed by a pull request.'),
      'COMMUNITY_LADDER.md': md('### Continued Contributions', '', 'Members who are inactive for an extended period will be removed.'),
    },
    groups: [],
  },
  {
    name: 'removal defined in two files',
    files: {
      'COMMUNITY_MEMBERSHIP.md': md('### Removing Inactive Member/Maintainer', '', 'Members inactive for three months can be removed by a pull request.'),
      'MAINTAINERS.md': md('## Maintainers', '', '**Inactivity**: a Maintainer who has not reviewed for six months moves to emeritus.'),
    },
    groups: ['topic remove [maintainer, member]: *COMMUNITY_MEMBERSHIP.md:1 "Removing Inactive Member/Maintainer" | MAINTAINERS.md:3 "Inactivity"'],
  },
  {
    name: 'a section nested in a section of the same process counts once, as the outer one',
    files: {
      'GOVERNANCE.md': md('## Election Process', '', 'Maintainers elect the chair every year.', '', '### Vacancies', '', 'The runner-up takes an empty seat.'),
      'CHARTER.md': md('## Elections', '', 'The chair is elected by the maintainers for two years.'),
    },
    groups: ['topic elect []: CHARTER.md:1 "Elections" | *GOVERNANCE.md:1 "Election Process"'],
  },
  {
    name: 'a project-wide process with and without a role',
    files: { 'GOVERNANCE.md': md('## Voting', '', 'Votes pass with a simple majority of maintainers.'), 'MAINTAINERS.md': md('## Maintainer Voting', '', 'Maintainers vote in the issue; two thirds decide.') },
    groups: ['topic vote [maintainer]: *GOVERNANCE.md:1 "Voting" | MAINTAINERS.md:1 "Maintainer Voting"'],
  },
  {
    name: 'between two bold labels, the one in the file named for the process is canonical',
    files: {
      'MAINTAINERS.md': md('## Maintainers', '', '- **Stepping down**: open an issue a week before.'),
      'GOVERNANCE.md': md('## Maintainers', '', '- **Stepping down**: tell the other maintainers on the mailing list.'),
    },
    groups: ['topic step-down [maintainer]: *GOVERNANCE.md:3 "Stepping down" | MAINTAINERS.md:3 "Stepping down"'],
  },
  {
    name: 'twice in one file is not two sources of truth',
    files: { 'GOVERNANCE.md': md('## Adding Maintainers', '', 'Nominate in an issue.', '', '## Maintainers', '', '- **How to Become a Maintainer**: get nominated in an issue.') },
    groups: [],
  },
  {
    name: 'empty sections (forms) and pointers define nothing',
    files: {
      'GOVERNANCE.md': md('## Adding Maintainers', '', 'Maintainers are nominated in an issue and approved by two thirds.'),
      '.github/ISSUE_TEMPLATE/nomination.md': md('### Maintainer Nomination', '', '<!-- Who, and why -->'),
      'CONTRIBUTING.md': md('## Becoming a Maintainer', '', 'See [GOVERNANCE.md](GOVERNANCE.md#adding-maintainers).'),
    },
    groups: [],
  },
  {
    name: 'a role added in settings',
    files: { 'GOVERNANCE.md': md('## Adding Maintainers', '', 'Nominated in an issue, approved by two thirds.'), 'TEAM.md': md('## Joining the Core Team', '', 'Ask a core team member to sponsor you.') },
    topics: { roles: { maintainer: ['core team'] } },
    groups: ['topic join [maintainer]: *GOVERNANCE.md:1 "Adding Maintainers" | TEAM.md:1 "Joining the Core Team"'],
  },
];

for (const { name, files, groups, topics } of cases) {
  test(`duplicates: ${name}`, () => {
    const lexicon = topics ? mergeLexicon(topics as Parameters<typeof mergeLexicon>[0]) : undefined;
    const workspace = workspaceOf(files, lexicon);
    assert.deepEqual(
      findDuplicates(workspace.definitions, lexicon ? { lexicon } : {}).map((group) => describeGroup(workspace, group)),
      groups,
    );
  });
}

test('duplicates: each member relates to the members of other files it duplicates, not to its neighbours', () => {
  const workspace = workspaceOf({ 'COMMUNITY_LADDER.md': LADDER, 'COMMUNITY_MEMBERSHIP.md': ADDING });
  const [group] = findDuplicates(workspace.definitions);
  assert.deepEqual(describeRelated(workspace, group), [
    'COMMUNITY_LADDER.md:3 → COMMUNITY_MEMBERSHIP.md:3',
    'COMMUNITY_LADDER.md:9 → COMMUNITY_MEMBERSHIP.md:3',
    'COMMUNITY_MEMBERSHIP.md:3 → COMMUNITY_LADDER.md:3, COMMUNITY_LADDER.md:9',
  ]);
});

test('duplicates: the order files are given in does not change the groups', () => {
  const forward = workspaceOf({ 'COMMUNITY_LADDER.md': LADDER, 'COMMUNITY_MEMBERSHIP.md': ADDING });
  const backward = workspaceOf({ 'COMMUNITY_MEMBERSHIP.md': ADDING, 'COMMUNITY_LADDER.md': LADDER });
  assert.deepEqual(
    findDuplicates(backward.definitions).map((group) => describeGroup(backward, group)),
    findDuplicates(forward.definitions).map((group) => describeGroup(forward, group)),
  );
});

test('duplicates: one process defined in 300 files is one group; each member lists at most 20 related places', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`repo/doc-${String(i).padStart(3, '0')}.md`] = md('## Maintainers', '', `- **How to Become**: ask maintainer number ${i} in the issue tracker.`);
  const workspace = workspaceOf(files);
  const groups = findDuplicates(workspace.definitions);
  assert.equal(groups.length, 1);
  assert.equal(groups[0].members.length, 300);
  assert.ok(groups[0].members.every((member) => member.duplicates.length === 20 && !member.duplicates.some((other) => groups[0].members[other].uri === member.uri)));
});
