import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd } from '../helpers/cli';
import { COMMUNITY, SEED_DD } from '../helpers/fixtures';

interface JsonFinding { file: string; line: number; column: number; code: string; severity: string; message: string }

const LINK_CODES = ['broken-link', 'broken-fragment', 'broken-line-anchor', 'malformed-url', 'malformed-link', 'link-text-mismatch', 'undefined-reference', 'duplicate-definition', 'duplicate-heading'];

/** A reviewer's folder: the DD in toc/, the community repository checked out beside it. */
function reviewerFolder(settings?: object, gitRemote?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-links-'));
  mkdirSync(join(folder, 'toc'));
  cpSync(SEED_DD, join(folder, 'toc', 'dd.md'));
  cpSync(COMMUNITY, join(folder, 'community'), { recursive: true });
  if (settings) writeFileSync(join(folder, '.govmd.json'), JSON.stringify(settings));
  if (gitRemote) {
    mkdirSync(join(folder, 'community', '.git'));
    writeFileSync(join(folder, 'community', '.git', 'config'), `[remote "origin"]\n\turl = ${gitRemote}\n`);
  }
  return folder;
}

const linkFindings = (stdout: string) =>
  (JSON.parse(stdout) as JsonFinding[]).filter((f) => LINK_CODES.includes(f.code)).map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`);

test('govmd check: GitHub URLs into the checked-out repository, mapped in .govmd.json', () => {
  const folder = reviewerFolder({ repositories: { 'dragonflyoss/community': 'community' } });
  const run = govmd(['check', 'toc/dd.md', '--format', 'json'], { cwd: folder });
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(linkFindings(run.stdout), [
    'toc/dd.md:72:56 malformed-url',
    'toc/dd.md:104:244 malformed-url',
    'toc/dd.md:137:7 link-text-mismatch',
    'toc/dd.md:162:40 broken-fragment',
    'toc/dd.md:164:42 broken-fragment',
  ]);
});

test('govmd check: the repository found from its git remote, and the fixture checked too', () => {
  const folder = reviewerFolder(undefined, 'git@github.com:dragonflyoss/community.git');
  const run = govmd(['check', '--format', 'json'], { cwd: folder });
  assert.deepEqual(linkFindings(run.stdout), [
    'community/COMMUNITY_LADDER.md:139:27 broken-link',
    'community/COMMUNITY_MEMBERSHIP.md:5:5 broken-fragment',
    'community/COMMUNITY_MEMBERSHIP.md:6:5 broken-fragment',
    'community/GOVERNANCE.md:37:61 undefined-reference',
    'community/MAINTAINERS.md:3:177 broken-fragment',
    'community/roles/Community-Managers.md:3:72 broken-fragment',
    'community/roles/Maintainers.md:3:65 broken-fragment',
    'community/roles/Security-Team.md:3:64 broken-fragment',
    'toc/dd.md:72:56 malformed-url',
    'toc/dd.md:104:244 malformed-url',
    'toc/dd.md:137:7 link-text-mismatch',
    'toc/dd.md:162:40 broken-fragment',
    'toc/dd.md:164:42 broken-fragment',
  ]);
});

test('govmd check --fix repairs the malformed URLs of the seed and nothing a person must judge', () => {
  const folder = reviewerFolder({ repositories: { 'dragonflyoss/community': 'community' } });
  const run = govmd(['check', '--fix', 'toc/dd.md'], { cwd: folder });
  const fixed = run.stderr.split('\n').filter((line) => / fixed (malformed-url|broken-fragment|link-text-mismatch)/.test(line));
  assert.deepEqual(fixed, [
    'toc/dd.md:72:56: fixed malformed-url: Add https://',
    'toc/dd.md:104:244: fixed malformed-url: Drop the doubled "https://github.c"',
  ]);
  const text = readFileSync(join(folder, 'toc', 'dd.md'), 'utf8');
  assert.match(text, /\[Sandbox\]\(https:\/\/sandbox\.cncf\.io\)/);
  assert.match(text, /\[GOVERNANCE\.md\]\(https:\/\/github\.com\/dragonflyoss\/community\/blob\/master\/GOVERNANCE\.md\)/);
  // The placeholder lines --fix removed above them moved these up by nine lines.
  assert.deepEqual(linkFindings(govmd(['check', 'toc/dd.md', '--format', 'json'], { cwd: folder }).stdout), [
    'toc/dd.md:128:7 link-text-mismatch',
    'toc/dd.md:153:40 broken-fragment',
    'toc/dd.md:155:42 broken-fragment',
  ]);
});
