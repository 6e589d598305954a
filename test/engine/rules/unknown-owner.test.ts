import { testRule, md } from '../../helpers/ruleTester';
import { unknownOwner } from '../../../server/src/engine/rules/unknownOwner';

const attendees = ['## Attendees', '', '- [Gaius](https://github.com/gaius-qi) (Ant Group)', '- [Chenyu Zhang](https://github.com/chlins) (Ant Group)', ''];

testRule(unknownOwner, {
  valid: [
    md(...attendees, '## Actions', '- [ ] Support Fluid @chlins @Gaius-Qi'),
    { name: 'named in a MAINTAINERS file', workspace: { ownerHandles: new Map([['cormickkneey', 'CormickKneey']]) }, text: md(...attendees, '## Actions', '- [x] VLLM @CormickKneey') },
    { name: 'named in settings', settings: { owners: ['@LunaWhispers'] }, text: md(...attendees, '## Actions', '- [ ] x @lunawhispers') },
    { name: 'teams, e-mail addresses and code are not handles', text: md(...attendees, '## Topics', '- ask @dragonflyoss/maintainers at dev@example.com or `@nobody`') },
    // dragonflyoss/community meetings/maintainer/2025-07-15/README.md:80 and the seed note's WIP list (63, 65).
    { name: '@all addresses everyone', text: md(...attendees, '## Topics', '- Please review the proposal, @all') },
    {
      name: 'people an issue is assigned to are neither attendees nor mistakes',
      text: md(...attendees, '## WIP', '- <https://github.com/dragonflyoss/dragonfly/issues/4026> @LunaWhispers', '- <https://github.com/dragonflyoss/dragonfly/issues/3713> @baowj-678'),
    },
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
      findings: ['7:9 information @chlnis is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @chlins?'],
    },
    {
      name: 'a typo of a maintainer listed in a MAINTAINERS file',
      workspace: { ownerHandles: new Map([['cormickkneey', 'CormickKneey']]) },
      text: md(...attendees, '## Actions', '- [ ] VLLM @CormikKneey'),
      findings: ['7:12 information @CormikKneey is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @CormickKneey?'],
    },
  ],
});
