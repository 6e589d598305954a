import { testRule, md } from '../../helpers/ruleTester';
import { malformedCheckbox } from '../../../server/src/engine/rules/malformedCheckbox';

testRule(malformedCheckbox, {
  valid: [
    md('- [ ] open', '- [x] done', '- [X] done', '* [ ] star', '1. [ ] numbered', '- [ ]'),
    { name: 'links and references are not checkboxes', text: md('- [x](https://example.com)', '- [a][b]', '', '[b]: https://example.com') },
    { name: 'in code', text: md('```', '- []', '```', '', '`-[ ]`') },
  ],
  invalid: [
    {
      name: 'every shape GitHub does not render',
      text: md('- [] empty', '- [ x] space before', '- [x ] space after', '-[ ] no space', '- [  ] two spaces', '- [ ]glued', '  * []nested'),
      findings: [
        '1:1 warning "- []" is not rendered as a checkbox on GitHub; write "- [ ]"',
        '2:1 warning "- [ x]" is not rendered as a checkbox on GitHub; write "- [x]"',
        '3:1 warning "- [x ]" is not rendered as a checkbox on GitHub; write "- [x]"',
        '4:1 warning "-[ ]" is not rendered as a checkbox on GitHub; write "- [ ]"',
        '5:1 warning "- [  ]" is not rendered as a checkbox on GitHub; write "- [ ]"',
        '6:1 warning "- [ ]" is not rendered as a checkbox on GitHub; write "- [ ]"',
        '7:3 warning "* []" is not rendered as a checkbox on GitHub; write "* [ ]"',
      ],
      output: md('- [ ] empty', '- [x] space before', '- [x] space after', '- [ ] no space', '- [ ] two spaces', '- [ ] glued', '  * [ ] nested'),
    },
  ],
});
