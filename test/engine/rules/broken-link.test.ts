import { testRule, md } from '../../helpers/ruleTester';
import { brokenLink } from '../../../server/src/engine/rules/brokenLink';

const community = { 'community/COMMUNITY_LADDER.md': '# Ladder\n', 'community/meetings/maintainer/README.md': '# Meetings\n', 'community/docs/notes.md': '# Notes\n' };
const mapped = { repositories: { 'dragonflyoss/community': 'community' } };

testRule(brokenLink, {
  valid: [
    { name: 'a file beside the document', files: { 'other.md': '# Other\n' }, text: md('[other](other.md) and [again](./other.md#other)') },
    { name: 'a folder, with or without the slash', files: { 'docs/x.md': 'x\n' }, text: md('[docs](docs) [docs](docs/)') },
    { name: 'a root link resolves from the repository root', path: 'sub/case.md', files: { 'docs/x.md': 'x\n' }, text: md('[x](/docs/x.md)') },
    { name: 'a percent-encoded path', files: { 'my%20file.md': 'x\n' }, text: md('[x](my%20file.md) [y](<my file.md>)') },
    { name: 'external URLs and other schemes are not looked for', text: md('[a](https://example.com/missing.md) [b](mailto:a@b.c) <https://github.com/o/r/blob/main/missing.md>') },
    { name: 'a GitHub repository not in the workspace stays external', settings: mapped, files: community, text: md('<https://github.com/dragonflyoss/dragonfly/blob/main/MAINTAINERS.md>') },
    { name: 'GitHub URLs into a mapped repository: blob, tree, root, raw', settings: mapped, files: community, text: md(
      '<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md>',
      '<https://github.com/dragonflyoss/community/tree/master/meetings/maintainer>',
      '<https://github.com/dragonflyoss/community> <https://github.com/DragonflyOSS/Community/tree/master>',
      '<https://raw.githubusercontent.com/dragonflyoss/community/master/COMMUNITY_LADDER.md>',
    ) },
    { name: 'a branch name with "/": the longest existing path wins', settings: mapped, files: community, text: md(
      '<https://github.com/dragonflyoss/community/blob/feature/links/COMMUNITY_LADDER.md>',
      '<https://github.com/dragonflyoss/community/blob/release/v2/docs/notes.md>',
    ) },
    { name: 'a git remote names the repository', files: { ...community, 'community/.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:dragonflyoss/community.git\n' }, text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md>') },
    { name: 'a link that climbs out of the repository is a GitHub page (../../issues), not a file', settings: mapped, path: 'community/README.md', files: community, text: md('[issues](../../issues) [wiki](../../wiki/Home)') },
    { name: 'a bare domain is malformed-url\'s, not a missing file', text: md('[Sandbox](sandbox.cncf.io)') },
    { name: 'an empty target is the placeholder rule\'s', text: md('[Incubation application issue]()') },
  ],
  invalid: [
    {
      name: 'a missing file, from an image and a definition too',
      text: md('[a](missing.md)', '', '![logo](img/logo.png)', '', '[def]: ./gone/README.md'),
      findings: ['1:1 error No file or folder missing.md', '3:1 error No file or folder img/logo.png', '5:1 error No file or folder ./gone/README.md'],
    },
    {
      name: 'did you mean the closest existing path',
      files: { 'COMMUNITY_LADDER.md': '# Ladder\n', 'GOVERNANCE.md': '# Governance\n' },
      text: md('See the [ladder](COMMUNITY_LADER.md).'),
      findings: ['1:9 error No file or folder COMMUNITY_LADER.md; did you mean COMMUNITY_LADDER.md?'],
      output: md('See the [ladder](COMMUNITY_LADDER.md).'),
    },
    {
      // cncf/toc operations/onboarding.md:17 (4acc1dc): the file is beside the guide, not a folder up.
      name: 'the link as written, where it leads, and the link the fix writes',
      path: 'toc/operations/onboarding.md',
      files: { 'toc/operations/toc-decision-process.md': '# TOC Decision Process\n' },
      text: md('Please review the [decision process](../toc-decision-process.md#voting).'),
      findings: ['1:19 error No file or folder ../toc-decision-process.md (toc/toc-decision-process.md); did you mean toc-decision-process.md#voting?'],
      output: md('Please review the [decision process](toc-decision-process.md#voting).'),
    },
    {
      name: 'no proposal of another kind of file: members.yaml is not Maintainers.md',
      path: 'community/COMMUNITY_LADDER.md',
      files: { 'community/roles/Maintainers.md': '# M\n' },
      text: md('1. Submit a PR to the [members.yaml](ladder/members.yaml) file.'),
      findings: ['1:23 error No file or folder ladder/members.yaml (community/ladder/members.yaml)'],
    },
    {
      name: 'a GitHub URL into a mapped repository, fixed in the URL',
      settings: mapped,
      files: community,
      text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADER.md#member>'),
      findings: ['1:1 error No file or folder community/COMMUNITY_LADER.md (dragonflyoss/community in this workspace); did you mean COMMUNITY_LADDER.md?'],
      output: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md#member>'),
    },
  ],
});
