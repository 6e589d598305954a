import { testRule, md } from '../../helpers/ruleTester';
import { conflictingStatus } from '../../../server/src/engine/rules/conflictingStatus';

testRule(conflictingStatus, {
  valid: [
    md('## Issues', '### TODO', '- <https://github.com/o/r/issues/1>', '### WIP', '- <https://github.com/o/r/issues/2>'),
    { name: 'one issue twice under one status', text: md('### WIP', '- <https://github.com/o/r/issues/1>', '#### Sub', '- o/r#1') },
  ],
  invalid: [
    {
      name: 'URL and short form, under a per-repository sub-heading',
      text: md('### TODO', '', '- <https://github.com/dragonflyoss/dragonfly/issues/4025>', '', '### WIP', '', '#### Dragonfly', '', '- dragonflyoss/dragonfly#4025 @gaius-qi'),
      findings: [
        '3:3 warning dragonflyoss/dragonfly#4025 is listed under TODO (line 3) and WIP (line 9)',
        '9:3 warning dragonflyoss/dragonfly#4025 is listed under TODO (line 3) and WIP (line 9)',
      ],
    },
  ],
});
