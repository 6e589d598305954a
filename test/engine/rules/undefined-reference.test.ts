import { testRule, md } from '../../helpers/ruleTester';
import { undefinedReference } from '../../../server/src/engine/rules/undefinedReference';

testRule(undefinedReference, {
  valid: [
    // cncf/toc README.md:21 and projects/open-policy-agent/opa-sandbox-proposal.md:153 (4acc1dc).
    { name: 'tags written side by side, the first also alone', text: md('* **Karena Angell** [GB-appointed][TOC Chair]', '* **Kevin Wang** [GB-appointed]') },
    { name: 'a subscript glued to a name', text: md('Then input.user = data.management_chain[employee_id][_] holds.', '', 'x = a[i][j]') },
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
