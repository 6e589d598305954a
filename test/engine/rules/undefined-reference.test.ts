import { testRule, md } from '../../helpers/ruleTester';
import { undefinedReference } from '../../../server/src/engine/rules/undefinedReference';

testRule(undefinedReference, {
  valid: [
    { name: 'defined, in any case, before or after', text: md('[Forum][Discussion] and [discussion][] and ![logo][img]', '', '[discussion]: https://x.io', '[img]: logo.png') },
    { name: 'brackets that are not references: task boxes, prose, footnotes', text: md('- [x] done', '- [ ] open', '', 'Set [host] and [port] in [config].', '', 'A claim[^1].', '', '[^1]: A footnote.') },
    { name: 'in code', text: md('`[a][b]`', '', '```', '[a][b]', '```') },
  ],
  invalid: [
    {
      name: 'a label no definition names (GOVERNANCE.md of the fixture, line 37)',
      text: md('- **GitHub Discussions**: Join the [Dragonfly Discussion Forum][discussion].'),
      findings: ['1:36 warning No definition for [discussion]'],
    },
    {
      name: 'a collapsed reference, and did you mean the closest label',
      text: md('See [the forum][discusion] and [roadmap][].', '', '[discussion]: https://x.io'),
      findings: ['1:5 warning No definition for [discusion]; did you mean [discussion]?', '1:32 warning No definition for [roadmap]'],
      output: md('See [the forum][discussion] and [roadmap][].', '', '[discussion]: https://x.io'),
    },
  ],
});
