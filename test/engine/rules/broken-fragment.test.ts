import { testRule, md } from '../../helpers/ruleTester';
import { brokenFragment } from '../../../server/src/engine/rules/brokenFragment';

const membership = md('# Dragonfly Community Membership', '', '## Managing Membership', '', '### Adding New Member/Approver/Maintainer', '', 'text', '', '### Maximum Representation', '');
const mapped = { repositories: { 'dragonflyoss/community': 'community' } };
// Sized so that comparing each link with every heading would spend the proposal budget after about
// 45 links (the fuzzer's table of 5,950 `[x](#a)`).
const sections = md(...Array.from({ length: 1_500 }, (_, n) => `## Section ${n} of the charter`));
const staleLinks = Array.from({ length: 200 }, () => '- [s](big/SECTIONS.md#section-7-of-the-chartr)');

testRule(brokenFragment, {
  valid: [
    { name: 'a heading of the same document', text: md('# Title', '', '## How We Make Decisions', '', 'See [decisions](#how-we-make-decisions).') },
    { name: 'a heading in a part left out as not-checked may be the one named', text: md('[see](#deep-heading)', '', `${'- '.repeat(100)}x`, '## Deep heading') },
    {
      name: "GitHub's collision rule: echo, echo, echo 1, echo-1, echo",
      text: md('## echo', '## echo', '## echo 1', '## echo-1', '## echo', '', '[a](#echo) [b](#echo-1) [c](#echo-1-1) [d](#echo-1-2) [e](#echo-2)'),
    },
    { name: 'emoji are dropped, a trailing one leaves a "-"', text: md('## Launch 🚀', '## 🎉 Party time', '## Ship it :rocket:', '', '[a](#launch-) [b](#-party-time) [c](#ship-it-)') },
    { name: 'code, links, emphasis and punctuation', text: md('## The `govmd` [CLI](https://x.io): v1.0!', '## *Why* C++ & C#?', '', '[a](#the-govmd-cli-v10) [b](#why-c--c)') },
    { name: 'non-ASCII letters stay, written raw or percent-encoded', text: md('## Über Straße', '', '[a](#über-straße) [b](#%C3%BCber-stra%C3%9Fe)') },
    { name: 'HTML id and <a name> anchors, #top, an empty fragment, user-content-', text: md('<a name="voting"></a>', '', '<div id="summary">x</div>', '', '## Real', '', '[a](#voting) [b](#summary) [c](#top) [d](#) [e](#user-content-real) [f](#TOP)') },
    { name: 'a heading of another file', files: { 'community/COMMUNITY_MEMBERSHIP.md': membership }, text: md('[x](community/COMMUNITY_MEMBERSHIP.md#maximum-representation)') },
    { name: 'a GitHub URL mapped to the workspace', settings: mapped, files: { 'community/COMMUNITY_MEMBERSHIP.md': membership }, text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer>') },
    { name: "a folder's README and #readme", files: { 'docs/README.md': '# Docs\n\n## Install\n' }, text: md('[a](docs#install) [b](docs/#readme)') },
    { name: "a repository's root: its README", settings: mapped, files: { 'community/README.md': '# Dragonfly Community\n\n## Community\n' }, text: md('<https://github.com/dragonflyoss/community#community>') },
    { name: 'fragments of files that are not Markdown are not checked', files: { 'ladder/members.yaml': 'a: 1\n' }, text: md('[x](ladder/members.yaml#anything)') },
    { name: 'line anchors are broken-line-anchor\'s', text: md('[x](#L3)') },
    { name: 'a missing file is broken-link\'s', text: md('[x](missing.md#anchor)') },
    { name: 'an unmapped GitHub URL is external', text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#nothing>') },
  ],
  invalid: [
    {
      name: 'stale table of contents, with did-you-mean',
      text: md('- [Adding New Members](#adding-new-members)', '- [Vacancies](#vacancies)', '', '### Adding New Member/Approver/Maintainer', '', '### Vacancies'),
      findings: ['1:3 warning No heading or anchor #adding-new-members in this document; did you mean #adding-new-memberapprovermaintainer?'],
      output: md('- [Adding New Members](#adding-new-memberapprovermaintainer)', '- [Vacancies](#vacancies)', '', '### Adding New Member/Approver/Maintainer', '', '### Vacancies'),
    },
    {
      name: 'a fragment that differs only in letter case is a hint, fixed automatically',
      files: { 'GOVERNANCE.md': '# Governance\n\n## Code of Conduct\n' },
      text: md('[conduct](GOVERNANCE.md#Code-of-Conduct)'),
      findings: ['1:1 hint #Code-of-Conduct differs in letter case from the anchor #code-of-conduct in GOVERNANCE.md'],
      output: md('[conduct](GOVERNANCE.md#code-of-conduct)'),
    },
    {
      name: 'the seed DD: anchors renamed in COMMUNITY_MEMBERSHIP.md',
      settings: mapped,
      files: { 'community/COMMUNITY_MEMBERSHIP.md': membership },
      text: md('Added by: <https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#adding-new-maintainers>'),
      findings: ['1:11 warning No heading or anchor #adding-new-maintainers in community/COMMUNITY_MEMBERSHIP.md; did you mean #adding-new-memberapprovermaintainer?'],
      output: md('Added by: <https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer>'),
    },
    {
      name: 'nothing close: no proposal',
      files: { 'community/COMMUNITY_MEMBERSHIP.md': membership },
      text: md('[x](community/COMMUNITY_MEMBERSHIP.md#community-manager)'),
      findings: ['1:1 warning No heading or anchor #community-manager in community/COMMUNITY_MEMBERSHIP.md'],
    },
    {
      name: 'headings and anchors inside code do not count',
      text: md('```', '## Install', '<a name="setup"></a>', '```', '', '`<a id="x">`', '', '[a](#install) [b](#setup) [c](#x)'),
      findings: ['8:1 warning No heading or anchor #install in this document', '8:15 warning No heading or anchor #setup in this document', '8:27 warning No heading or anchor #x in this document'],
    },
    {
      name: 'a folder without that heading in its README',
      files: { 'docs/README.md': '# Docs\n' },
      text: md('[a](docs#install)'),
      findings: ['1:1 warning No heading or anchor #install in docs/README.md'],
    },
    {
      name: 'the same stale anchor written 200 times is proposed the same fix each time, among 1,500 headings',
      files: { 'big/SECTIONS.md': sections },
      text: md(...staleLinks),
      findings: staleLinks.map((_, n) => `${n + 1}:3 warning No heading or anchor #section-7-of-the-chartr in big/SECTIONS.md; did you mean #section-7-of-the-charter?`),
      output: md(...staleLinks.map((link) => link.replace('chartr', 'charter'))),
    },
    {
      name: 'a reference definition',
      text: md('# Title', '', 'See [the title][t].', '', '[t]: #titel'),
      findings: ['5:1 warning No heading or anchor #titel in this document; did you mean #title?'],
      output: md('# Title', '', 'See [the title][t].', '', '[t]: #title'),
    },
  ],
});
