import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicates } from '../../../server/src/engine/duplicates/findDuplicates';
import { linkReplacement } from '../../../server/src/engine/duplicates/replacement';
import { linkBetween } from '../../../server/src/engine/workspaceIndex';
import { md, workspaceOf, uriOf, applySpanEdits } from './helpers';

const MEMBERSHIP = md('# Membership', '', '### Adding New Member/Approver/Maintainer', '', 'Nominated by an existing Member in an issue, approved by a supermajority of Maintainers.');

/**
 * A workspace, and the text of `file` after "replace this definition with a link" is applied to
 * every member of every group but the canonical one. Applied again, nothing is left to fix.
 */
const cases: { name: string; files: Record<string, string>; file: string; output: string; titles: string[] }[] = [
  {
    name: 'a bold label in a list item keeps its label; the item becomes a link',
    files: {
      'COMMUNITY_MEMBERSHIP.md': MEMBERSHIP,
      'COMMUNITY_LADDER.md': md('### Member', '', '* **How to Become a Member**:', '    1. Submit a PR.', '    2. Get two LGTMs.', '', '### Approver'),
    },
    file: 'COMMUNITY_LADDER.md',
    output: md(
      '### Member',
      '',
      '* **How to Become a Member**: See [Adding New Member/Approver/Maintainer in COMMUNITY_MEMBERSHIP.md](COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer).',
      '',
      '### Approver',
    ),
    titles: ['Replace this definition with a link to COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer'],
  },
  {
    name: 'a heading keeps its heading (and anchor); the body up to the next heading becomes a link, across folders',
    files: {
      'SECURITY.md': md('## Reporting a Vulnerability', '', 'Open a draft advisory in the Security tab; we answer within a day.'),
      'docs/CONTRIBUTING.md': md('## Reporting Security Issues', '', 'Email the maintainers privately.', '', '- Do not open an issue.', '', '## Reporting Bugs', '', 'Open an issue.'),
    },
    file: 'docs/CONTRIBUTING.md',
    output: md('## Reporting Security Issues', '', 'See [Reporting a Vulnerability in SECURITY.md](../SECURITY.md#reporting-a-vulnerability).', '', '## Reporting Bugs', '', 'Open an issue.'),
    titles: ['Replace this definition with a link to ../SECURITY.md#reporting-a-vulnerability'],
  },
  {
    name: 'a heading at the end of the file',
    files: { 'SECURITY.md': md('## Reporting a Vulnerability', '', 'Open a draft advisory.'), 'CONTRIBUTING.md': md('## Reporting Security Issues', '', 'Email the maintainers.') },
    file: 'CONTRIBUTING.md',
    output: md('## Reporting Security Issues', '', 'See [Reporting a Vulnerability in SECURITY.md](SECURITY.md#reporting-a-vulnerability).'),
    titles: ['Replace this definition with a link to SECURITY.md#reporting-a-vulnerability'],
  },
  {
    name: 'label paragraphs: a colon is added where the label had none, and the body ends at the next label',
    files: {
      'COMMUNITY_MEMBERSHIP.md': MEMBERSHIP,
      'MAINTAINERS.md': md('## Maintainers', '', '**How to Become a Maintainer**', '', 'Ask in the Slack channel.', '', '**Responsibilities**: review.'),
    },
    file: 'MAINTAINERS.md',
    output: md(
      '## Maintainers',
      '',
      '**How to Become a Maintainer**: See [Adding New Member/Approver/Maintainer in COMMUNITY_MEMBERSHIP.md](COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer).',
      '',
      '**Responsibilities**: review.',
    ),
    titles: ['Replace this definition with a link to COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer'],
  },
  {
    name: 'a label ending with a period, and a link into a file whose name needs encoding',
    files: {
      'Community Membership (draft).md': MEMBERSHIP,
      'roles/MAINTAINERS.md': md('## Maintainers', '', '- **Becoming one.** Ask in the Slack channel.'),
    },
    file: 'roles/MAINTAINERS.md',
    output: md(
      '## Maintainers',
      '',
      '- **Becoming one.** See [Adding New Member/Approver/Maintainer in Community Membership (draft).md](../Community%20Membership%20%28draft%29.md#adding-new-memberapprovermaintainer).',
    ),
    titles: ['Replace this definition with a link to ../Community Membership (draft).md#adding-new-memberapprovermaintainer'],
  },
];

for (const { name, files, file, output, titles } of cases) {
  test(`link replacement: ${name}`, () => {
    const workspace = workspaceOf(files);
    const groups = findDuplicates(workspace.definitions);
    const uri = uriOf(file);
    const replacements = groups.flatMap((group) =>
      group.members
        .filter((member, index) => member.uri === uri && index !== group.canonical)
        .map((member) => linkReplacement(files[file], member, group.members[group.canonical])),
    );
    assert.deepEqual(
      replacements.map((replacement) => replacement.title),
      titles,
    );
    const fixed = applySpanEdits(files[file], replacements);
    assert.equal(fixed, output);
    const after = workspaceOf({ ...files, [file]: fixed });
    assert.deepEqual(findDuplicates(after.definitions), []);
  });
}

test('link replacement: a CRLF document gets CRLF line breaks', () => {
  const files = { 'SECURITY.md': md('## Reporting a Vulnerability', '', 'Open a draft advisory.'), 'CONTRIBUTING.md': '## Reporting Security Issues\r\n\r\nEmail the maintainers.\r\n' };
  const workspace = workspaceOf(files);
  const [group] = findDuplicates(workspace.definitions);
  const replacement = linkReplacement(files['CONTRIBUTING.md'], group.members[0], group.members[group.canonical]);
  assert.equal(
    applySpanEdits(files['CONTRIBUTING.md'], [replacement]),
    '## Reporting Security Issues\r\n\r\nSee [Reporting a Vulnerability in SECURITY.md](SECURITY.md#reporting-a-vulnerability).\r\n',
  );
});

test('link replacement: `A **Maintainer** is …` is replaced whole', () => {
  const files = { 'ROLES.md': md('## Roles', '', 'A **Maintainer** is someone who merges code.', ''), 'GOVERNANCE.md': md('## What is a Maintainer?', '', 'Maintainers own the code and the releases.') };
  const workspace = workspaceOf(files);
  const [group] = findDuplicates(workspace.definitions);
  const member = group.members.find((candidate) => candidate.uri === uriOf('ROLES.md'))!;
  const replacement = linkReplacement(files['ROLES.md'], member, group.members[group.canonical]);
  assert.equal(applySpanEdits(files['ROLES.md'], [replacement]), md('## Roles', '', 'See [What is a Maintainer? in GOVERNANCE.md](GOVERNANCE.md#what-is-a-maintainer).', ''));
});

const targets: [string, string, string | undefined, string][] = [
  ['file:///ws/COMMUNITY_LADDER.md', 'file:///ws/COMMUNITY_MEMBERSHIP.md', 'adding-new-memberapprovermaintainer', 'COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer'],
  ['file:///ws/roles/Maintainers.md', 'file:///ws/COMMUNITY_MEMBERSHIP.md', 'maintainer', '../COMMUNITY_MEMBERSHIP.md#maintainer'],
  ['file:///ws/GOVERNANCE.md', 'file:///ws/docs/roles/ladder.md', undefined, 'docs/roles/ladder.md'],
  ['file:///ws/a/b/c.md', 'file:///ws/a/d/e.md', 'x', '../d/e.md#x'],
  ['file:///ws/README.md', 'untitled:Untitled-1', undefined, 'untitled:Untitled-1'],
];

for (const [from, to, anchor, expected] of targets) {
  test(`link target from ${from} to ${to}${anchor ? `#${anchor}` : ''} is ${expected}`, () => {
    assert.equal(linkBetween(from, to, anchor), expected);
  });
}
