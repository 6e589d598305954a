import { testRule, md } from '../../helpers/ruleTester';
import { actionWithoutOwner } from '../../../server/src/engine/rules/actionWithoutOwner';

const attendees = ['## Attendees', '', '- [Gaius](https://github.com/gaius-qi) (Ant Group)', '- [mingcheng](https://github.com/mingcheng) (ASF)', ''];

testRule(actionWithoutOwner, {
  valid: [
    md(...attendees, '## Actions', '- [ ] Organize topics for KubeCon @mingcheng', '- [x] Done without owner'),
    { name: 'a sub-item inherits its parent owner', text: md(...attendees, '## Actions', '- [ ] Write the article @fcgxz2003', '  - [ ] Publish it') },
  ],
  invalid: [
    {
      name: 'the fix offers the attendees',
      text: md(...attendees, '## Action Items', '- [ ] Organize topics for KubeCon'),
      findings: ['7:7 information Open action without an owner: Organize topics for KubeCon'],
      output: md(...attendees, '## Action Items', '- [ ] Organize topics for KubeCon @gaius-qi'),
    },
  ],
});
