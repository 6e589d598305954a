import { testRule, md } from '../../helpers/ruleTester';
import { duplicateDefinition } from '../../../server/src/engine/rules/duplicateDefinition';

testRule(duplicateDefinition, {
  valid: [
    { name: 'different labels', text: md('[a]: https://x.io', '[b]: https://x.io') },
    { name: 'in code', text: md('[a]: https://x.io', '', '```', '[a]: https://y.io', '```') },
  ],
  invalid: [
    {
      name: 'the same definition twice: removed by the automatic fix',
      text: md('See [a].', '', '[a]: https://x.io', '[A]: https://x.io'),
      findings: ['4:1 warning [A] is already defined on line 3'],
      output: md('See [a].', '', '[a]: https://x.io'),
    },
    {
      name: 'another URL: the second is ignored',
      text: md('See [a].', '', '[a]: https://x.io', '', 'Text.', '', '[a]: https://y.io'),
      findings: ['7:1 warning [a] is already defined on line 3 as https://x.io; this definition (https://y.io) is ignored'],
    },
  ],
});
