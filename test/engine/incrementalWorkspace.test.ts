import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project, DUPLICATE_GROUP_RULES } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { parseSettings } from '../../server/src/engine/settings';
import { replaceFindings } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/types';
import { COMMUNITY, SEED_DD, filesUnder, read } from '../helpers/fixtures';

// An edit re-derives only what the edited document contributes and re-checks only the documents
// `affectedBy` names: after any sequence of edits, what a host shows that way must be what a
// fresh check of every file gives.

const settings = parseSettings({ repositories: { 'dragonflyoss/community': 'community' } }).settings;
const DD = 'file:///ws/dd.md';
const MEMBERSHIP = 'file:///ws/community/COMMUNITY_MEMBERSHIP.md';
const LADDER = 'file:///ws/community/COMMUNITY_LADDER.md';
const DUPLICATE_GROUP_CODES = new Set(DUPLICATE_GROUP_RULES.map((rule) => rule.code));

function reviewerFiles(): Map<string, string> {
  const files = new Map(Object.entries({ [DD]: read(SEED_DD), ...filesUnder(COMMUNITY, 'community') }));
  files.set('file:///ws/community/docs/onboarding.md', [
    '# Onboarding',
    '',
    'Read [how members are added](../COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer) and',
    '[the ladder](../COMMUNITY_LADDER.md#contributor-ladder) first; the principles are in',
    '[GOVERNANCE.md](../GOVERNANCE.md#core-principles) and lines [3-4](../ROADMAP.md#L3-L4).',
    '',
  ].join('\n'));
  return files;
}

const brief = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}${(f.related ?? []).map((r) => ` [${r.uri.slice(10)}:${r.range.start.line + 1}]`).join('')}`;

/** What an editor shows, kept the way the language server keeps it. */
class IncrementalHost {
  readonly shown = new Map<string, Finding[]>();
  recheckedFiles = 0;

  constructor(readonly project: Project) {}

  async checkAll(uris: readonly string[]): Promise<void> {
    for (const uri of uris) this.shown.set(uri, await this.project.check(uri));
  }

  async edit(uri: string, text: string): Promise<void> {
    this.project.setOpenText(uri, text);
    this.shown.set(uri, await this.project.check(uri));
    for (const [other, what] of await this.project.affectedBy([uri])) {
      this.recheckedFiles++;
      if (what === 'all') this.shown.set(other, await this.project.check(other));
      else this.shown.set(other, replaceFindings(this.shown.get(other)!, DUPLICATE_GROUP_CODES, await this.project.checkDuplicateGroups(other)));
    }
  }
}

async function freshFindings(files: Map<string, string>, uris: readonly string[]): Promise<Map<string, Finding[]>> {
  const project = new Project(new InMemoryWorkspace(files), settings);
  const findings = new Map<string, Finding[]>();
  for (const uri of uris) findings.set(uri, await project.check(uri));
  return findings;
}

function assertSameFindings(actual: Map<string, Finding[]>, expected: Map<string, Finding[]>, step: string): void {
  for (const [uri, findings] of expected) assert.deepEqual(actual.get(uri)?.map(brief), findings.map(brief), `${step}: ${uri}`);
  // Fixes and related places too, not only what the brief shows.
  for (const [uri, findings] of expected) assert.deepEqual(actual.get(uri), findings, `${step}: ${uri} (fixes, related)`);
}

async function startedHost(files: Map<string, string>): Promise<{ host: IncrementalHost; uris: string[] }> {
  const workspace = new InMemoryWorkspace(files);
  const uris = (await workspace.listFiles()).filter((uri) => uri.endsWith('.md'));
  const host = new IncrementalHost(new Project(workspace, settings));
  await host.checkAll(uris);
  return { host, uris };
}

test('renaming a heading that another file links to re-checks that file, and only the files that read it', async () => {
  const files = reviewerFiles();
  const { host } = await startedHost(files);
  const onboarding = 'file:///ws/community/docs/onboarding.md';
  assert.deepEqual(host.shown.get(onboarding)!.map(brief), []);

  const renamed = files.get(MEMBERSHIP)!.replace('### Adding New Member/Approver/Maintainer', '### Adding New Members');
  const affected = await (async () => {
    host.project.setOpenText(MEMBERSHIP, renamed);
    await host.project.check(MEMBERSHIP);
    return host.project.affectedBy([MEMBERSHIP]);
  })();
  // Every file that links to a section of the membership file (the DD, the onboarding page, the
  // role files…) is checked again in full; the ladder, which defines the same processes, for its
  // duplicate groups; nothing else.
  const linkingIn = [...files].filter(([uri, text]) => uri !== MEMBERSHIP && /COMMUNITY_MEMBERSHIP\.md#/.test(text)).map(([uri]) => uri);
  assert.ok(linkingIn.includes(onboarding) && linkingIn.includes(DD) && !linkingIn.includes(LADDER));
  assert.deepEqual(new Map([...affected].sort()), new Map([...linkingIn.map((uri) => [uri, 'all'] as const), [LADDER, 'duplicate-groups'] as const].sort()));
  for (const uri of affected.keys()) host.shown.set(uri, await host.project.check(uri));
  assert.deepEqual(host.shown.get(onboarding)!.map(brief), [
    '3:6 broken-fragment No heading or anchor #adding-new-memberapprovermaintainer in community/COMMUNITY_MEMBERSHIP.md; did you mean #adding-new-members?',
  ]);
});

test('a keystroke in a file that no other file reads, in no duplicate group, re-checks no other file', async () => {
  const files = reviewerFiles();
  const { host } = await startedHost(files);
  const procedure = 'file:///ws/community/RELEASE-PROCEDURE.md';
  await host.edit(procedure, files.get(procedure)!.replace(/\.\n/, '. Typed.\n'));
  assert.equal(host.recheckedFiles, 0);
  // The onboarding page reads ROADMAP.md's line count: an edit there re-checks it.
  const roadmap = 'file:///ws/community/ROADMAP.md';
  await host.edit(roadmap, files.get(roadmap)!.replace('\n', ' more words\n'));
  assert.equal(host.recheckedFiles, 1);
});

test('typing in a duplicated section re-checks the other members only when a place they list moves', async () => {
  const files = reviewerFiles();
  const { host, uris } = await startedHost(files);
  const duplicateGroupsAffected = async (text: string) => {
    files.set(MEMBERSHIP, text);
    host.project.setOpenText(MEMBERSHIP, text);
    host.shown.set(MEMBERSHIP, await host.project.check(MEMBERSHIP));
    const affected = await host.project.affectedBy([MEMBERSHIP]);
    for (const [uri, what] of affected) {
      if (what === 'all') host.shown.set(uri, await host.project.check(uri));
      else host.shown.set(uri, replaceFindings(host.shown.get(uri)!, DUPLICATE_GROUP_CODES, await host.project.checkDuplicateGroups(uri)));
    }
    return [...affected].filter(([, what]) => what === 'duplicate-groups').map(([uri]) => uri);
  };
  const ladderBefore = host.shown.get(LADDER)!.filter((finding) => finding.code === 'duplicate-section');
  assert.ok(ladderBefore.some((finding) => finding.related?.some((place) => place.uri === MEMBERSHIP)), 'the ladder lists a place in the membership file');

  const placesListed = (uri: string) => host.shown.get(uri)!.filter((finding) => finding.code === 'duplicate-section').flatMap((finding) => finding.related ?? []);
  const listedBefore = placesListed(MEMBERSHIP);
  assert.ok(listedBefore.length > 0, 'the membership file lists places in the ladder');

  // A word typed into the body of "Adding New Member/Approver/Maintainer", a member of the ladder's groups.
  const original = files.get(MEMBERSHIP)!;
  const typed = original.replace('for at least two months.', 'for at least two full months.');
  assert.notEqual(typed, original);
  assert.deepEqual(await duplicateGroupsAffected(typed), []);
  const listedAfter = placesListed(MEMBERSHIP);
  assert.ok(listedAfter.length === listedBefore.length && listedAfter.every((place, index) => place === listedBefore[index]), 'the places in the unchanged ladder are not read again');

  // A line typed above the section moves the place the ladder's findings point to.
  const moved = typed.replace('### Adding New Member/Approver/Maintainer', 'A new line.\n\n### Adding New Member/Approver/Maintainer');
  assert.deepEqual(await duplicateGroupsAffected(moved), [LADDER]);
  assertSameFindings(host.shown, await freshFindings(files, uris), 'after a line was typed above the section');
});

test('random edits with a fixed seed: what the host shows after each edit equals a fresh check of every file', async () => {
  const files = reviewerFiles();
  const { host, uris } = await startedHost(files);
  const edited = [MEMBERSHIP, LADDER, 'file:///ws/community/GOVERNANCE.md', 'file:///ws/community/ROADMAP.md', 'file:///ws/community/docs/onboarding.md', 'file:///ws/community/CONTRIBUTING.md'];
  const snippets = [
    '\n## Adding New Maintainers\n',
    '\n### How to become a Maintainer\n\nOpen an issue with two approvers and wait for a vote of the maintainers, then join the team.\n',
    '\n### Removing Inactive Member/Approver/Maintainer\n\nSee the ladder.\n',
    '[principles](GOVERNANCE.md#core-principles)',
    '[removal](COMMUNITY_MEMBERSHIP.md#removing-inactive-memberapprovermaintainer)',
    '[ladder](../COMMUNITY_LADDER.md#L12)',
    '\n\n',
    'x',
    ' ',
    '#',
  ];
  let seed = 20261202;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  for (let step = 0; step < 48; step++) {
    const uri = pick(edited);
    let text = files.get(uri)!;
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((at) => at < text.length);
    const at = pick(lineStarts);
    const operation = random();
    if (operation < 0.25) {
      // Delete a line: a heading other files link to may go.
      const end = text.indexOf('\n', at);
      text = text.slice(0, at) + text.slice(end < 0 ? text.length : end + 1);
    } else if (operation < 0.35) {
      // Rename a heading.
      text = text.replace(/^(#{2,3} )(\S+)/m, (_, marks: string, word: string) => `${marks}${word}s`);
    } else {
      const where = at + Math.floor(random() * Math.max(1, text.indexOf('\n', at) - at));
      text = text.slice(0, where) + pick(snippets) + text.slice(where);
    }
    files.set(uri, text);
    await host.edit(uri, text);
    // A fresh check of every file (the seed DD among them) is the slow part: every few edits, and after the last.
    if (step % 8 === 7) assertSameFindings(host.shown, await freshFindings(files, uris), `after edit ${step} (${uri.slice(10)})`);
  }
});
