import { testRule, md } from '../../helpers/ruleTester';
import { brokenLink } from '../../../server/src/engine/rules/brokenLink';

const community = { 'community/COMMUNITY_LADDER.md': '# Ladder\n\n## Member\n', 'community/meetings/maintainer/README.md': '# Meetings\n', 'community/docs/notes.md': '# Notes\n' };
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
    // cncf/toc .archive/tags/… (4acc1dc): a definition nothing uses renders no link.
    { name: 'an unused definition', text: md('[tag]: https://github.com/cncf/toc/blob/main/tags/missing.md', '', '[unused]: ./gone.md') },
    // open-telemetry/community governance reviews in cncf/toc link files as they were at a commit.
    { name: 'a GitHub URL pinned to a commit', settings: mapped, files: community, text: md('<https://github.com/dragonflyoss/community/blob/397865e0f1d2c3b4a5968778695a4b3c2d1e0f9a/sigs.yml>') },
  ],
  invalid: [
    {
      name: 'a missing file, from an image and a definition too',
      text: md('[a](missing.md)', '', '![logo](img/logo.png)', '', '[def]: ./gone/README.md', '', 'See [the gone page][def].'),
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
      files: { 'toc/operations/toc-decision-process.md': '# TOC Decision Process\n\n## Voting\n' },
      text: md('Please review the [decision process](../toc-decision-process.md#voting).'),
      findings: ['1:19 error No file or folder ../toc-decision-process.md (toc/toc-decision-process.md); did you mean toc-decision-process.md#voting?'],
      output: md('Please review the [decision process](toc-decision-process.md#voting).'),
    },
    // The proposals of cncf/toc 4acc1dc's broken links, judged file by file.
    {
      name: 'a file that moved: the same name elsewhere in the repository',
      path: 'toc/projects/brigade/brigade-archive-review.md',
      files: { 'toc/projects/brigade/2022-Brigade-annual.md': '# Brigade\n', 'toc/reviews/README.md': '# Reviews\n' },
      text: md('See the [2022 review](../../reviews/2022-Brigade-annual.md).'),
      findings: ['1:9 error No file or folder ../../reviews/2022-Brigade-annual.md (toc/reviews/2022-Brigade-annual.md); did you mean 2022-Brigade-annual.md?'],
    },
    {
      name: 'the same name with another extension',
      path: 'toc/projects/cert-manager/proposal.md',
      files: { 'toc/process/graduation_criteria.md': '# Graduation Criteria\n' },
      text: md('Per the [criteria](../../process/graduation_criteria.adoc).'),
      findings: ['1:9 error No file or folder ../../process/graduation_criteria.adoc (toc/process/graduation_criteria.adoc); did you mean ../../process/graduation_criteria.md?'],
    },
    {
      name: 'no proposal of a merely similar path, nor of a file without the linked section',
      path: 'toc/projects/dex/2021-dex-annual.md',
      files: { 'toc/process/README.md': '# Process\n', 'toc/.archive/cncf-tags.md': '# TAGs\n' },
      text: md('[proposal](../../proposals/dex.md) [roles](../../tags/cncf-tags.md#tag-member-roles)'),
      findings: [
        '1:1 error No file or folder ../../proposals/dex.md (toc/proposals/dex.md)',
        '1:36 error No file or folder ../../tags/cncf-tags.md (toc/tags/cncf-tags.md)',
      ],
    },
    {
      // cncf/toc projects/openebs/governance-review/02-19-2026.md:287 and projects/wasmedge/2022-wasmedge-annual.md:35.
      name: 'no proposal of another folder\'s README or CONTRIBUTING, nor of a short name one letter off',
      path: 'toc/projects/openebs/governance-review/02-19-2026.md',
      files: { 'toc/CONTRIBUTING.md': '# Contributing\n', 'toc/projects/ci.md': '# CI\n' },
      text: md('[contributing](OpenEBS/CONTRIBUTING.md) [C API](../../c.md)'),
      findings: ['1:1 error No file or folder OpenEBS/CONTRIBUTING.md', '1:41 error No file or folder ../../c.md (toc/projects/c.md)'],
    },
    {
      // cncf/toc projects/kyverno/kyverno-graduation-due-diligence.md:289: a left-to-right mark after the name.
      name: 'an invisible character: shown, and the path without it proposed',
      path: 'toc/projects/kyverno/dd.md',
      files: { 'toc/projects/kyverno/tech-review/2026-02-02.md': '# Review\n' },
      text: md('[tech review](tech-review/2026-02-02.md%E2%80%8E)'),
      findings: ['1:1 error No file or folder tech-review/2026-02-02.md<U+200E>; did you mean tech-review/2026-02-02.md?'],
      output: md('[tech review](tech-review/2026-02-02.md)'),
    },
    {
      name: 'no proposal of another kind of file: members.yaml is not Maintainers.md',
      path: 'community/COMMUNITY_LADDER.md',
      files: { 'community/roles/Maintainers.md': '# M\n' },
      text: md('1. Submit a PR to the [members.yaml](ladder/members.yaml) file.'),
      findings: ['1:23 error No file or folder ladder/members.yaml'],
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
