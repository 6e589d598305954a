import { testRule, md } from '../../helpers/ruleTester';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileSegmentOf, linkTextMismatch } from '../../../server/src/engine/rules/linkTextMismatch';

testRule(linkTextMismatch, {
  valid: [
    // cncf/toc projects/kuberhealthy/2022-kuberhealthy-annual.md:22 (4acc1dc).
    { name: 'the kind of file, without the project\'s prefix', text: md('See [ADOPTERS.md](https://github.com/kuberhealthy/kuberhealthy/blob/master/docs/KUBERHEALTHY_ADOPTERS.md).') },
    { name: 'the text names the target', text: md('[MAINTAINERS.md](https://github.com/o/r/blob/main/MAINTAINERS.md) [COMMUNITY_MEMBERSHIP.md#x](https://github.com/o/r/blob/main/COMMUNITY_MEMBERSHIP.md#x)') },
    { name: 'a path in the text, the same file name', text: md('[dragonfly/MAINTAINERS.md](https://github.com/dragonflyoss/dragonfly/blob/main/MAINTAINERS.md)') },
    { name: 'letter case alone is not a different file name in prose', text: md('[maintainers.md](MAINTAINERS.md)') },
    { name: 'text that names no file', text: md('[the governance](GOVERNANCE.md) [d7y.io](https://github.com/dragonflyoss/d7y.io) [dragonflyoss/community#25](https://github.com/dragonflyoss/community/pull/25)') },
    { name: 'a target that names no file', text: md('[CONTRIBUTING.md](https://github.com/o/r/issues/3)') },
    { name: 'a fragment only in the URL', text: md('[SECURITY.md](SECURITY.md#security-response-team)') },
    // npm run fuzz: a 262 KB destination took 46 s, its last segment tried from every start.
    { name: 'a 260 KB last segment that names no file', text: md(`[CONTRIBUTING.md](https://github.com/o/r/${'x-'.repeat(130_000)})`) },
    { name: 'a malformed URL is malformed-url\'s', text: md('[GOVERNANCE.md](https://github.chttps://github.com/o/r/blob/main/GOVERNANCE.md)') },
  ],
  invalid: [
    {
      name: 'the seed DD, line 137',
      text: md('  And [COMMUNITY_MEBMERSHIP.md#maximum-representation](https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#maximum-representation) explicitly'),
      findings: ['1:7 warning The link text names COMMUNITY_MEBMERSHIP.md#maximum-representation but the link goes to COMMUNITY_MEMBERSHIP.md#maximum-representation'],
      output: md('  And [COMMUNITY_MEMBERSHIP.md#maximum-representation](https://github.com/dragonflyoss/community/blob/master/COMMUNITY_MEMBERSHIP.md#maximum-representation) explicitly'),
    },
    {
      name: 'another fragment, and a reference link',
      text: md('[GOVERNANCE.md#voting](GOVERNANCE.md#decisions) and [SECURITY.md][s].', '', '[s]: ./GOVERNANCE.md'),
      findings: [
        '1:1 warning The link text names GOVERNANCE.md#voting but the link goes to GOVERNANCE.md#decisions',
        '1:53 warning The link text names SECURITY.md but the link goes to GOVERNANCE.md',
      ],
      output: md('[GOVERNANCE.md#decisions](GOVERNANCE.md#decisions) and [GOVERNANCE.md][s].', '', '[s]: ./GOVERNANCE.md'),
    },
    {
      name: 'markup in the text: reported, not rewritten',
      text: md('[`ROADMAP.md`](GOVERNANCE.md)'),
      findings: ['1:1 warning The link text names ROADMAP.md but the link goes to GOVERNANCE.md'],
      output: md('[`ROADMAP.md`](GOVERNANCE.md)'),
    },
  ],
});

test('the segment taken for the target\'s file name is the one the expression it replaces took', () => {
  const before = /([^/?#]+\.(?:md|markdown|mdx|txt|ya?ml|json|toml|adoc|rst|go|rs|py|js|ts|sh|proto|pdf|png|svg|csv|html?))(?:[?#]|$)/i;
  const pieces = ['/', '?', '#', '.', 'md', 'MD', 'yml', 'x', 'a.b', '.html', '-', ' '];
  let random = 11;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 100_000; n++) {
    const url = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    assert.equal(fileSegmentOf(url), before.exec(url)?.[1], JSON.stringify(url));
  }
});
