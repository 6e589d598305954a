import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { parseSettings } from '../../server/src/engine/settings';
import { DocumentParser } from '../../server/src/engine/parse/document';
import { anchorsOf } from '../../server/src/engine/links/anchors';
import { LINK_SCANNER } from '../../server/src/engine/links/linkScan';
import { join } from 'node:path';
import { githubRemotesOf } from '../../server/src/engine/links/repositories';
import type { Finding } from '../../server/src/engine/types';
import { COMMUNITY, SEED_DD, filesUnder, read } from '../helpers/fixtures';
import { md } from '../helpers/ruleTester';

const LINK_CODES = new Set(['broken-link', 'broken-fragment', 'broken-line-anchor', 'malformed-url', 'malformed-link', 'link-text-mismatch', 'undefined-reference', 'duplicate-definition', 'duplicate-heading']);
const mapped = parseSettings({ repositories: { 'dragonflyoss/community': 'community' } }).settings;

function reviewerWorkspace(): InMemoryWorkspace {
  return new InMemoryWorkspace({ 'file:///ws/dd.md': read(SEED_DD), ...filesUnder(COMMUNITY, 'community') });
}

const linkFindings = (findings: Finding[]) => findings.filter((f) => LINK_CODES.has(f.code));
const brief = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity} ${f.message}`;

test('seed DD with the community repository mapped: exactly the five link findings', async () => {
  const project = new Project(reviewerWorkspace(), mapped);
  const findings = linkFindings(await project.check('file:///ws/dd.md'));
  assert.deepEqual(findings.map(brief), [
    '72:56 malformed-url error Malformed URL: sandbox.cncf.io is a domain without "https://", so GitHub links to a file of that name; did you mean https://sandbox.cncf.io?',
    '104:244 malformed-url error Malformed URL: the scheme is written twice ("https://github.chttps://"); did you mean https://github.com/dragonflyoss/community/blob/master/GOVERNANCE.md?',
    '137:7 link-text-mismatch warning The link text names COMMUNITY_MEBMERSHIP.md#maximum-representation but the link goes to COMMUNITY_MEMBERSHIP.md#maximum-representation',
    '162:40 broken-fragment warning No heading or anchor #adding-new-maintainers in community/COMMUNITY_MEMBERSHIP.md; did you mean #adding-new-memberapprovermaintainer?',
    '164:42 broken-fragment warning No heading or anchor #removing-inactive-maintainers in community/COMMUNITY_MEMBERSHIP.md; did you mean #removing-inactive-memberapprovermaintainer?',
  ]);
  const proposals = findings.filter((f) => f.code === 'broken-fragment').map((f) => f.fixes?.[0]?.edits[0]?.newText);
  assert.deepEqual(proposals, ['adding-new-memberapprovermaintainer', 'removing-inactive-memberapprovermaintainer']);
  // Lines 155 and 166 link COMMUNITY_LADDER.md?plain=1#L164 and #L199-L201: within its 204 lines.
  assert.equal(findings.some((f) => f.code === 'broken-line-anchor'), false);
});

test('the same repository found from its git remote instead of the setting', async () => {
  const workspace = reviewerWorkspace();
  workspace.set('file:///ws/community/.git/config', '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://github.com/dragonflyoss/community.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
  const project = new Project(workspace, parseSettings({}).settings);
  const codes = linkFindings(await project.check('file:///ws/dd.md')).map((f) => `${f.range.start.line + 1} ${f.code}`);
  assert.deepEqual(codes, ['72 malformed-url', '104 malformed-url', '137 link-text-mismatch', '162 broken-fragment', '164 broken-fragment']);
});

test("the fixture repository's own defects", async () => {
  const workspace = reviewerWorkspace();
  const project = new Project(workspace, mapped);
  const found: string[] = [];
  for (const uri of await workspace.listFiles()) {
    if (!uri.startsWith('file:///ws/community/')) continue;
    for (const f of linkFindings(await project.check(uri))) found.push(`${uri.slice('file:///ws/community/'.length)}:${brief(f)}`);
  }
  assert.deepEqual(found, [
    'COMMUNITY_LADDER.md:139:27 broken-link error No file or folder ladder/members.yaml',
    'COMMUNITY_MEMBERSHIP.md:5:5 broken-fragment warning No heading or anchor #adding-new-members in this document; did you mean #adding-new-memberapprovermaintainer?',
    'COMMUNITY_MEMBERSHIP.md:6:5 broken-fragment warning No heading or anchor #removing-inactive-members in this document; did you mean #removing-inactive-memberapprovermaintainer?',
    'GOVERNANCE.md:37:61 undefined-reference warning No definition for [discussion]',
    'MAINTAINERS.md:3:177 broken-fragment warning No heading or anchor #maintainer in community/COMMUNITY_MEMBERSHIP.md',
    'roles/Community-Managers.md:3:72 broken-fragment warning No heading or anchor #community-manager in community/COMMUNITY_MEMBERSHIP.md',
    'roles/Maintainers.md:3:65 broken-fragment warning No heading or anchor #maintainer in community/COMMUNITY_MEMBERSHIP.md',
    'roles/Security-Team.md:3:64 broken-fragment warning No heading or anchor #security-response-team in community/SECURITY.md; did you mean #our-security-response-team?',
  ]);
});

test('checking one document reads only its targets, each once; a second pass reads none', async () => {
  const workspace = reviewerWorkspace();
  const project = new Project(workspace, mapped);
  await project.check('file:///ws/dd.md');
  // The DD's fragments point into COMMUNITY_MEMBERSHIP, COMMUNITY_LADDER, CONTRIBUTING, GOVERNANCE
  // and README: five files read for their anchors, and kept for their own check.
  assert.deepEqual(project.links.stats, { targetReads: 5, targetsKnown: 0 });

  const uris = await workspace.listFiles();
  for (const uri of uris) await project.check(uri);
  const { targetReads, targetsKnown } = project.links.stats;
  // Seven files are fragment targets in all (MAINTAINERS and SECURITY too): each read once.
  assert.equal(targetReads + targetsKnown, 7);
  for (const uri of uris) await project.check(uri);
  assert.deepEqual(project.links.stats, { targetReads, targetsKnown });
});

const ANCHOR_CASES = [
  md('# A', '', '```', '# not a heading', '<a name="no"></a>', '```', '', '~~~', '## nor this', '~~~'),
  md('<!--', '# hidden', '<a name="hidden"></a>', '-->', '# Shown', '', '<!-- <a name="c"></a> --> <a name="d"></a>'),
  md('---', 'title: x', '---', '# T', '', '## Foo ##', '## #', '##', '#hashtag', '### Über  Straße (v1.2)?'),
  md('> <a name="q"></a>', '', '- <span id="s">x</span>', '', 'text <a id=\'single\'>', '', '<div id="block">', '</div>'),
  md('<div>', '# inside html', '</div>'),
  md('Title', '=====', '', 'Sub', '---'),
  md('- # In a list', '> ## In a quote'),
  md('text', '', '    # indented code', '    <a name="code"></a>'),
  md('## Foo `bar`', '## *em* and _em_', '## [link](x)', '## :rocket: launch', '## a &amp; b'),
  md('<a', 'name="split"></a>'),
  md('`<a name="code">`'),
];

test('the scanner reads the anchors the parser reads: code, comments, front matter, HTML, setext, nesting', () => {
  for (const text of ANCHOR_CASES) {
    const parser = new DocumentParser();
    const expected = anchorsOf(parser.parse(text));
    const actual = anchorsOf(parser.parse(text, LINK_SCANNER));
    assert.deepEqual(actual.headingSlugs, expected.headingSlugs, text.slice(0, 80));
    assert.deepEqual([...actual.ids].sort(), [...expected.ids].sort(), text.slice(0, 80));
  }
});

test('fixing the target clears the finding in the DD without reopening it', async () => {
  const workspace = reviewerWorkspace();
  const project = new Project(workspace, mapped);
  const dd = 'file:///ws/dd.md';
  const membership = 'file:///ws/community/COMMUNITY_MEMBERSHIP.md';
  const fragmentLines = async () => (await project.check(dd)).filter((f) => f.code === 'broken-fragment').map((f) => f.range.start.line + 1);
  assert.deepEqual(await fragmentLines(), [162, 164]);

  // The target open in the editor, a heading added in its buffer.
  const text = read(`${COMMUNITY}/COMMUNITY_MEMBERSHIP.md`);
  const withHeading = text.replace('### Voluntary Departure', '### Adding New Maintainers\n\nSee above.\n\n### Voluntary Departure');
  project.setOpenText(membership, withHeading);
  assert.deepEqual(await fragmentLines(), [164]);

  // Closed without saving: back to the file on disk.
  project.closeOpenText(membership);
  assert.deepEqual(await fragmentLines(), [162, 164]);

  // Saved to disk by another tool: the watcher says the file changed.
  workspace.set(membership, withHeading.replace('### Voluntary Departure', '### Removing Inactive Maintainers\n\n### Voluntary Departure'));
  project.fileChanged(membership);
  assert.deepEqual(await fragmentLines(), []);

  // Deleted: the fragments cannot be checked, the link is broken.
  workspace.delete(membership);
  project.fileChanged(membership);
  const broken = (await project.check(dd)).filter((f) => f.code === 'broken-link').map((f) => f.range.start.line + 1);
  assert.deepEqual(broken, [137, 143, 156, 162, 164, 171, 212]);
});

test('a file created later makes a broken relative link whole once the host says so', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/a.md': md('[b](b.md)') });
  const project = new Project(workspace, parseSettings({}).settings);
  assert.deepEqual((await project.check('file:///ws/a.md')).map((f) => f.code), ['broken-link']);
  workspace.set('file:///ws/b.md', '# B\n');
  project.fileChanged('file:///ws/b.md');
  assert.deepEqual(await project.check('file:///ws/a.md'), []);
});

test('repositories setting: relative to the settings folder the host names', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/toc/dd.md': md('<https://github.com/o/r/blob/main/missing.md>'), 'file:///ws/r/README.md': '# R\n' });
  const settings = parseSettings({ repositories: { 'o/r': '../r' } }).settings;
  const project = new Project(workspace, settings, { settingsFolder: 'file:///ws/toc' });
  assert.deepEqual((await project.check('file:///ws/toc/dd.md')).map((f) => f.message), ['No file or folder r/missing.md (o/r in this workspace)']);
});

test('a worktree: .git is a file naming the git folder, whose commondir holds the config', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/checkout/.git': 'gitdir: ../main/.git/worktrees/checkout\n',
    'file:///ws/main/.git/worktrees/checkout/commondir': '../..\n',
    'file:///ws/main/.git/config': '[remote "upstream"]\n\turl = git@github.com:cncf/toc.git\n',
    'file:///ws/checkout/README.md': '# TOC\n',
    'file:///ws/notes.md': md('<https://github.com/cncf/toc#toc> <https://github.com/cncf/toc#nope>'),
  });
  const project = new Project(workspace, parseSettings({}).settings);
  const repositories = await project.links.repositories();
  assert.deepEqual([...repositories.byName.keys()].sort(), ['cncf/toc']);
  assert.equal(repositories.byName.get('cncf/toc')!.uri, 'file:///ws/checkout');
  assert.deepEqual((await project.check('file:///ws/notes.md')).map((f) => f.message), ['No heading or anchor #nope in checkout/README.md']);
});

test('git remotes in the forms git writes them', () => {
  assert.deepEqual(githubRemotesOf([
    '[remote "origin"]', '\turl = git@github.com:me/toc.git',
    '[remote "upstream"]', '\turl = https://github.com/cncf/toc', '\tpushurl = no_push',
    '[remote "mirror"]', '\turl = ssh://git@github.com/cncf/toc.git',
    '[remote "gitlab"]', '\turl = https://gitlab.com/x/y.git',
    '[branch "main"]', '\turl = https://github.com/not/a-remote',
  ].join('\n')), ['me/toc', 'cncf/toc']);
});

test("heading anchors: github-slugger's collisions, emoji, code, links, punctuation, HTML", () => {
  const parsed = new DocumentParser().parse(md(
    '# echo', '## echo', '## echo 1', '## echo-1', '## echo',
    '## 🚀 Launch', '## The `govmd` [CLI](https://x.io) — v1.0!', '## Über <img src="x.png"> uns', '## Ship it :rocket:',
    'Setext Heading', '---',
    '',
    '- ## In a list',
    '> ## In a quote',
    '',
    '<a name="vote"></a>',
  ));
  const anchors = anchorsOf(parsed);
  assert.deepEqual(anchors.headingSlugs, [
    'echo', 'echo-1', 'echo-1-1', 'echo-1-2', 'echo-2',
    '-launch', 'the-govmd-cli--v10', 'über--uns', 'ship-it-', 'setext-heading', 'in-a-list', 'in-a-quote',
  ]);
  assert.ok(anchors.ids.has('vote'));
});

test('references resolve to definitions in other chunks, in any case and spacing, and only those', () => {
  const parser = new DocumentParser();
  const text = md('Intro [Foo', 'BAR] and [baz][] and [qux][Nope].', '', 'Plain prose without brackets.', '', '[foo bar]: https://x.io', '[BAZ]: https://y.io');
  const parsed = parser.parse(text);
  assert.deepEqual(parsed.links.map((link) => `${link.kind} ${link.identifier}`), ['reference foo bar', 'reference baz']);
  assert.deepEqual(parsed.unresolvedReferences.map((reference) => reference.label), ['Nope']);
  // The same chunk after a definition elsewhere changes is parsed again, not taken from the cache.
  const changed = parser.parse(text.replace('[BAZ]: https://y.io', '[other]: https://y.io'));
  assert.deepEqual(changed.links.map((link) => link.identifier), ['foo bar']);
});

test('a document read by the scanner gets the findings the full parse gives it', async () => {
  const workspace = reviewerWorkspace();
  workspace.set('file:///ws/meeting.md', read(`${COMMUNITY}/../seeds/maintainer-meeting.md`));
  const uris = await workspace.listFiles();
  // Open documents are parsed in full whatever their kind; the others only where their structure is used.
  const full = new Project(workspace, mapped);
  for (const uri of uris) full.setOpenText(uri, (await workspace.readFile(uri))!);
  const project = new Project(workspace, mapped);
  let scanned = 0;
  for (const uri of uris) {
    assert.deepEqual(await project.check(uri), await full.check(uri), uri);
    if (!(await project.document(uri))!.parsed.structured) scanned++;
  }
  assert.ok(scanned > 0);
  assert.equal((await project.document('file:///ws/dd.md'))!.parsed.structured, true);
});

test('a checked document let go (Project.release) is still a link target: its anchors are kept, it is not parsed again', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/a.md': '# Alpha\n\n## Voting rules\n\nText.\n',
    'file:///ws/b.md': '# Beta\n\nSee [voting](a.md#voting-rules) and [nothing](a.md#no-such-heading).\n',
  });
  const project = new Project(workspace, parseSettings({}).settings);
  assert.deepEqual(await project.check('file:///ws/a.md'), []);
  await project.release('file:///ws/a.md');
  const findings = await project.check('file:///ws/b.md');
  assert.deepEqual(findings.map((f) => [f.code, f.range.start.character]), [['broken-fragment', 36]]);
  assert.deepEqual(project.links.stats, { targetReads: 0, targetsKnown: 0 });
});
