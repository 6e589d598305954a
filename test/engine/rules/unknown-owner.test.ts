import { testRule, md } from '../../helpers/ruleTester';
import { unknownOwner } from '../../../server/src/engine/rules/unknownOwner';

const attendees = ['## Attendees', '', '- [Gaius](https://github.com/gaius-qi) (Ant Group)', '- [Chenyu Zhang](https://github.com/chlins) (Ant Group)', ''];

testRule(unknownOwner, {
  valid: [
    md(...attendees, '## Actions', '- [ ] Support Fluid @chlins @Gaius-Qi'),
    { name: 'named in a MAINTAINERS file', workspace: { knownOwners: new Set(['cormickkneey']) }, text: md(...attendees, '## Actions', '- [x] VLLM @CormickKneey') },
    { name: 'named in settings', settings: { owners: ['@LunaWhispers'] }, text: md(...attendees, '## Actions', '- [ ] x @lunawhispers') },
    { name: 'teams, e-mail addresses and code are not handles', text: md(...attendees, '## Topics', '- ask @dragonflyoss/maintainers at dev@example.com or `@nobody`') },
  ],
  invalid: [
    {
      name: 'a display name used as handle gets the handle',
      text: md(...attendees, '## Topics', '- Companies are being contacted, etc.@Gaius'),
      findings: ['7:38 information @Gaius is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @gaius-qi?'],
      output: md(...attendees, '## Topics', '- Companies are being contacted, etc.@gaius-qi'),
    },
    {
      name: 'a typo of an attendee handle',
      text: md(...attendees, '## Actions', '- [ ] x @chlnis', '- [ ] y @LunaWhispers'),
      findings: [
        '7:9 information @chlnis is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @chlins?',
        '8:9 information @LunaWhispers is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file',
      ],
    },
  ],
});
