import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicOf, topicsOverlap, type Topic } from '../../../server/src/engine/duplicates/topics';
import { mergeLexicon } from '../../../server/src/engine/duplicates/lexicon';
import { parseSettings } from '../../../server/src/engine/settings';

/** `label` (under a heading naming `heading` roles) → `process [roles]`, or `-` for no topic. */
const topics: { label: string; heading?: string[]; topic: string }[] = [
  // Joining: become / add / nominate / promote, with plurals, articles, "New" and "/"-joined roles.
  { label: 'How to Become a Maintainer', topic: 'join [maintainer]' },
  { label: 'How to Become an Approver', topic: 'join [approver]' },
  { label: 'Adding New Member/Approver/Maintainer', topic: 'join [approver, maintainer, member]' },
  { label: 'Adding New Members', topic: 'join [member]' },
  { label: 'Becoming a Dragonfly Member', topic: 'join [member]' },
  { label: 'Nominating Reviewers and Approvers', topic: 'join [approver, reviewer]' },
  { label: 'Promotion to Committer, Maintainer', topic: 'join [committer, maintainer]' },
  { label: 'Onboarding New Reviewers', topic: 'join [reviewer]' },
  { label: 'Nomination', heading: ['maintainer'], topic: 'join [maintainer]' },
  { label: 'How to Become', heading: ['maintainer'], topic: 'join [maintainer]' },
  { label: 'Nomination Period', topic: '-' },
  // Removal and stepping down.
  { label: 'Removing Inactive Member/Approver/Maintainer', topic: 'remove [approver, maintainer, member]' },
  { label: 'Inactive Maintainers', topic: 'remove [maintainer]' },
  { label: 'Offboarding', heading: ['reviewer'], topic: 'remove [reviewer]' },
  { label: 'Voluntary Departure', topic: '-' },
  { label: 'Voluntary Departure', heading: ['member'], topic: 'step-down [member]' },
  { label: 'Stepping down', heading: ['maintainer'], topic: 'step-down [maintainer]' },
  { label: 'Stepping Down as a Chair', topic: 'step-down [chair]' },
  { label: 'Emeritus', heading: ['maintainer'], topic: 'step-down [maintainer]' },
  { label: 'Emeritus Maintainers', topic: 'step-down [maintainer]' },
  { label: 'Emeritus Maintainer Responsibilities', topic: 'responsibilities [emeritus, maintainer]' },
  // Roles' own terms: a label naming no role takes its role heading's.
  { label: 'Responsibilities', heading: ['maintainer'], topic: 'responsibilities [maintainer]' },
  { label: 'Responsibilities', topic: '-' },
  { label: 'Qualifications', heading: ['approver'], topic: 'qualifications [approver]' },
  { label: 'Requirements for Reviewers', topic: 'qualifications [reviewer]' },
  { label: 'Privileges', heading: ['member'], topic: 'privileges [member]' },
  { label: "Maintainer's Rights", topic: 'privileges [maintainer]' },
  { label: 'What is a Code Owner?', topic: 'define [owner]' },
  // Project-wide processes need no role and take none from the heading.
  { label: 'How We Make Decisions', topic: 'vote []' },
  { label: 'Decision Making', heading: ['maintainer'], topic: 'vote []' },
  { label: 'Voting', topic: 'vote []' },
  { label: 'Election Process', topic: 'elect []' },
  { label: 'Vacancies', topic: 'elect []' },
  { label: 'Steering Committee Elections', topic: 'elect [steering-committee]' },
  { label: 'Reporting a Vulnerability', topic: 'report-vulnerability []' },
  { label: 'Reporting Security Issues', topic: 'report-vulnerability []' },
  { label: 'Security Reporting', topic: 'report-vulnerability []' },
  { label: 'Code of Conduct violations', topic: 'report-violation []' },
  { label: 'Reporting Code of Conduct Incidents', topic: 'report-violation []' },
  { label: 'Enforcement', topic: 'report-violation []' },
  { label: 'Release process', topic: 'release []' },
  { label: 'Release Procedure', topic: 'release []' },
  { label: 'Roadmap changes', topic: 'change-roadmap []' },
  { label: 'Changing the Roadmap', topic: 'change-roadmap []' },
  { label: 'Amending this governance', topic: 'amend-governance []' },
  { label: 'Amending this Document', topic: 'amend-governance []' },
  { label: 'Changes to the Governance', topic: 'amend-governance []' },
  // Not definitions: roles alone, compound names, data, prose.
  { label: 'Maintainer', topic: '-' },
  { label: 'Security Response Team', topic: '-' },
  { label: 'Contributor Ladder', heading: [], topic: '-' },
  { label: 'Maintainer Meeting', topic: '-' },
  { label: 'Vote Results', topic: '-' },
  { label: 'Maintainer List', topic: '-' },
  { label: 'Release Version', topic: '-' },
  { label: 'Current Release', topic: '-' },
  { label: 'Dragonfly Roadmap', topic: '-' },
  { label: 'Code of Conduct', topic: '-' },
  { label: 'Consensus for Merging', topic: '-' },
  { label: 'Getting Involved', topic: '-' },
  { label: 'Join the discussion', topic: '-' },
  { label: 'Release manager', topic: '-' },
];

function show(topic: Topic | undefined): string {
  return topic ? `${topic.process} [${topic.roles.join(', ')}]` : '-';
}

for (const { label, heading, topic } of topics) {
  test(`topic of "${label}"${heading ? ` under [${heading.join(', ')}]` : ''} is ${topic}`, () => {
    assert.equal(show(topicOf(label, { headingRoles: heading ?? [] })), topic);
  });
}

/** Processes and roles added in settings (`topics.processes`, `topics.roles`). */
const extended: { settings: unknown; label: string; topic: string }[] = [
  { settings: { topics: { roles: { maintainer: ['core team member'] } } }, label: 'Joining the Core Team Members', topic: 'join [maintainer]' },
  { settings: { topics: { roles: { ambassador: ['ambassador', 'community ambassador'] } } }, label: 'Becoming a Community Ambassador', topic: 'join [ambassador]' },
  { settings: { topics: { processes: { join: ['sponsorship'] } } }, label: 'Maintainer Sponsorship', topic: 'join [maintainer]' },
  { settings: { topics: { processes: { 'trademark-use': ['trademark', 'logo usage'] } } }, label: 'Logo Usage', topic: 'trademark-use []' },
  { settings: { topics: { processes: { 'trademark-use': ['trademark'] } } }, label: 'Trademark Guidelines for Maintainers', topic: 'trademark-use [maintainer]' },
  { settings: {}, label: 'Logo Usage', topic: '-' },
];

for (const { settings, label, topic } of extended) {
  test(`topic of "${label}" with ${JSON.stringify(settings)} is ${topic}`, () => {
    const parsed = parseSettings(settings);
    assert.deepEqual(parsed.problems, []);
    assert.equal(show(topicOf(label, { lexicon: mergeLexicon(parsed.settings.topics) })), topic);
  });
}

/** Two definitions duplicate each other when they define one process for an overlapping role. */
const overlaps: [Topic, Topic, boolean][] = [
  [{ process: 'join', roles: ['member'] }, { process: 'join', roles: ['approver', 'maintainer', 'member'] }, true],
  [{ process: 'join', roles: ['member'] }, { process: 'join', roles: ['maintainer'] }, false],
  [{ process: 'join', roles: ['member'] }, { process: 'remove', roles: ['member'] }, false],
  [{ process: 'report-vulnerability', roles: [] }, { process: 'report-vulnerability', roles: [] }, true],
  [{ process: 'vote', roles: ['maintainer'] }, { process: 'vote', roles: [] }, true],
];

for (const [a, b, expected] of overlaps) {
  test(`${show(a)} and ${show(b)} ${expected ? 'overlap' : 'do not overlap'}`, () => {
    assert.equal(topicsOverlap(a, b), expected);
    assert.equal(topicsOverlap(b, a), expected);
  });
}
