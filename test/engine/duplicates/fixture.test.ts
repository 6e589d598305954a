import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findDuplicates } from '../../../server/src/engine/duplicates/findDuplicates';
import { linkReplacement } from '../../../server/src/engine/duplicates/replacement';
import { GovDocument } from '../../../server/src/engine/govDocument';
import { defaultSettings } from '../../../server/src/engine/settings';
import { COMMUNITY, SEED_DD, filesUnder, workspaceOf, describeGroup, describeRelated, uriOf, lineOf, applySpanEdits, type Workspace } from './helpers';

/**
 * github.com/dragonflyoss/community at 485cbfe, as a TOC reviewer has it open. duplicate-section
 * looks at governance files: meeting notes record processes being applied ("Member Nomination for
 * @Zephyrcf", "Perform the first maintainer election"), they do not define them.
 */
function community(): { files: Record<string, string>; governance: Record<string, string> } {
  const files = filesUnder(COMMUNITY);
  const settings = defaultSettings();
  const governance: Record<string, string> = {};
  const parsed = workspaceOf(files).parsed;
  for (const [path, text] of Object.entries(files)) {
    if (new GovDocument(uriOf(path), path, parsed.get(uriOf(path))!, settings).kind === 'governance') governance[path] = text;
  }
  return { files, governance };
}

const EXPECTED_GROUPS = [
  // The TOC reviewer's finding (seed DD, "Governance and Maintainers"): how a Member, an Approver and
  // a Maintainer are added is defined in COMMUNITY_MEMBERSHIP.md and again, differently, in the
  // ladder's "How to Become …" items (two months of activity and a supermajority of Maintainers
  // there; a members.yaml PR with two Members' LGTMs, or two Maintainers' approval, here). The
  // membership file's heading is canonical: it covers all three roles and has an anchor.
  'topic join [approver, maintainer, member]: COMMUNITY_LADDER.md:138 "How to Become a Member" | COMMUNITY_LADDER.md:164 "How to Become an Approver" | COMMUNITY_LADDER.md:199 "How to Become a Maintainer" | *COMMUNITY_MEMBERSHIP.md:47 "Adding New Member/Approver/Maintainer"',
  // Right too, and a finding the reviewer did not make: how to report a vulnerability is defined in
  // CONTRIBUTING.md (send a private email to dragonfly-maintainers@googlegroups.com) and in
  // SECURITY.md (open a draft advisory from the repository's Security tab) — two different
  // procedures. SECURITY.md is where GitHub and reporters look: it is canonical.
  'topic report-vulnerability []: CONTRIBUTING.md:13 "Reporting Security Issues" | *SECURITY.md:5 "Reporting a Vulnerability"',
];
// Not groups, on purpose:
// - GOVERNANCE.md "Security Reporting", CONTRIBUTING.md "Becoming a Dragonfly Member", RELEASE.md
//   "Release Procedure", roles/*.md: short sections that send the reader elsewhere (pointers).
// - COMMUNITY_MEMBERSHIP.md "Removing Inactive Member/Approver/Maintainer": no other file defines
//   removal. COMMUNITY_LADDER.md "Continued Contributions" says in passing that inactive Members
//   "will be removed" (after "an extended period", where the membership file says three months) —
//   prose under a heading that names neither removal nor a role, not a definition.
// - COMMUNITY_MEMBERSHIP.md "Voluntary Departure": its heading and the headings above it name no
//   role, so it has no topic; nor does any other file define stepping down. MAINTAINERS.md
//   "Emeritus Maintainers" (step-down [maintainer]) is the roster the departure section links to.
// - README.md "Project Governance" repeats GOVERNANCE.md "Core Principles" word for word but adds
//   an introduction and a pointer to GOVERNANCE.md: 70% alike, under the 80% bar.
// - RELEASE-PROCEDURE.md's release candidate and alpha/beta procedures are 88% alike, but inside
//   one file: parallel variants of one procedure, not two sources of truth.

test('dragonflyoss/community: every duplicated definition, and only those', () => {
  const { governance } = community();
  const workspace = workspaceOf(governance);
  assert.deepEqual(
    findDuplicates(workspace.definitions).map((group) => describeGroup(workspace, group)),
    EXPECTED_GROUPS,
  );
});

test('dragonflyoss/community: COMMUNITY_MEMBERSHIP.md line 47 relates to the three labels, and each label back to it', () => {
  const workspace = workspaceOf(community().governance);
  const [adding] = findDuplicates(workspace.definitions);
  assert.deepEqual(describeRelated(workspace, adding), [
    'COMMUNITY_LADDER.md:138 → COMMUNITY_MEMBERSHIP.md:47',
    'COMMUNITY_LADDER.md:164 → COMMUNITY_MEMBERSHIP.md:47',
    'COMMUNITY_LADDER.md:199 → COMMUNITY_MEMBERSHIP.md:47',
    'COMMUNITY_MEMBERSHIP.md:47 → COMMUNITY_LADDER.md:138, COMMUNITY_LADDER.md:164, COMMUNITY_LADDER.md:199',
  ]);
});

test('dragonflyoss/community: the fix leaves one source of truth', () => {
  const { governance } = community();
  const workspace = workspaceOf(governance);
  const edits = new Map<string, ReturnType<typeof linkReplacement>[]>();
  for (const group of findDuplicates(workspace.definitions)) {
    const canonical = group.members[group.canonical];
    for (const [index, member] of group.members.entries()) {
      if (index === group.canonical) continue;
      const path = member.uri.replace('file:///ws/', '');
      edits.set(path, [...(edits.get(path) ?? []), linkReplacement(governance[path], member, canonical)]);
    }
  }
  const fixed: Record<string, string> = { ...governance };
  for (const [path, replacements] of edits) fixed[path] = applySpanEdits(governance[path], replacements);
  const link = 'See [Adding New Member/Approver/Maintainer in COMMUNITY_MEMBERSHIP.md](COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer).';
  assert.deepEqual(
    fixed['COMMUNITY_LADDER.md'].split('\n').filter((line) => line.includes('How to Become')),
    [`* **How to Become a Member**: ${link}`, `* **How to Become an Approver**: ${link}`, `* **How to Become a Maintainer**: ${link}`],
  );
  assert.deepEqual(fixed['CONTRIBUTING.md'].split('\n').slice(12, 16), [
    '## Reporting Security Issues',
    '',
    'See [Reporting a Vulnerability in SECURITY.md](SECURITY.md#reporting-a-vulnerability).',
    '',
  ]);
  assert.deepEqual(findDuplicates(workspaceOf(fixed).definitions), []);
});

test('dragonflyoss/community: removal and departure are definitions, each defined once', () => {
  const workspace = workspaceOf(community().governance);
  const membership = workspace.definitions.get(uriOf('COMMUNITY_MEMBERSHIP.md'))!;
  const topicOf = (label: string) => membership.find((definition) => definition.label === label)?.topic;
  assert.deepEqual(topicOf('Removing Inactive Member/Approver/Maintainer'), { process: 'remove', roles: ['approver', 'maintainer', 'member'] });
  assert.equal(topicOf('Voluntary Departure'), undefined);
  const elsewhere = [...workspace.definitions]
    .filter(([uri]) => uri !== uriOf('COMMUNITY_MEMBERSHIP.md'))
    .flatMap(([uri, definitions]) =>
      definitions
        .filter((definition) => definition.topic && ['remove', 'step-down'].includes(definition.topic.process))
        .map((definition) => `${uri.replace('file:///ws/', '')}:${lineOf(workspace, uri, definition.labelSpan.start)} ${definition.topic!.process} [${definition.topic!.roles.join(', ')}]`),
    );
  assert.deepEqual(elsewhere, ['MAINTAINERS.md:25 step-down [maintainer]']);
});

function withSeed(): { workspace: Workspace; seed: string } {
  const files = { ...community().governance, 'dragonfly-graduation-dd.md': readFileSync(SEED_DD, 'utf8') };
  return { workspace: workspaceOf(files), seed: uriOf('dragonfly-graduation-dd.md') };
}

test('seed DD: no definitions, so no duplicate-section, even read as a governance file beside the fixture', () => {
  // The DD repeats `### Suggested` / `### Required` under every area, and its criteria are long
  // bold sentences (not labels): it defines no topic and no section of it is compared.
  const { workspace, seed } = withSeed();
  assert.deepEqual(
    workspace.definitions.get(seed)!.filter((definition) => definition.topic),
    [],
  );
  const groups = findDuplicates(workspace.definitions);
  assert.deepEqual(
    groups.map((group) => describeGroup(workspace, group)),
    EXPECTED_GROUPS,
  );
  assert.ok(groups.every((group) => group.members.every((member) => member.uri !== seed)));
});

test('meeting notes and GitHub templates of the fixture are not governance files (and so not searched for definitions)', () => {
  const { files, governance } = community();
  const others = Object.keys(files).filter((path) => !(path in governance));
  assert.ok(others.filter((path) => path.startsWith('meetings/')).length >= 10);
  assert.deepEqual(others.filter((path) => !path.startsWith('meetings/')), [
    '.github/ISSUE_TEMPLATE/bug-report.md',
    '.github/ISSUE_TEMPLATE/custom.md',
    '.github/ISSUE_TEMPLATE/election.md',
    '.github/ISSUE_TEMPLATE/feature-request.md',
    '.github/PULL_REQUEST_TEMPLATE.md',
  ]);
});
