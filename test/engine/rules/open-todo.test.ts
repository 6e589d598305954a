import { testRule, md } from '../../helpers/ruleTester';
import { openTodo } from '../../../server/src/engine/rules/openTodo';

testRule(openTodo, {
  valid: [
    { name: 'lower-case todo is prose', text: md('Keep a todo: list of things.') },
    { name: 'in code', text: md('Use `TODO: x` in code.', '', '```', 'TODO: inside a fence', '```') },
    { name: 'in an HTML comment', text: md('<!-- TODO: template instruction -->') },
    { name: 'a TODO status heading in a meeting note', kind: 'meeting', text: md('## Attendees', '- A', '## Actions', '### TODO', '- <https://github.com/o/r/issues/1>') },
    { name: 'TODO without a colon', text: md('The TODO list is long.') },
  ],
  invalid: [
    {
      name: 'every form the seeds use, owners as written',
      text: md(
        '**TODO for Dragonfly Team**: fix the link',
        '**TODO for Dragonfly team:** add docs',
        '**TODO For Dragonfly Team:** list maintainers',
        '**TODO**: more highlights',
        'TODO for Kevin: maintain a GTR file',
        'TODO:',
      ),
      findings: [
        '1:1 information TODO for Dragonfly Team: fix the link',
        '2:1 information TODO for Dragonfly team: add docs',
        '3:1 information TODO for Dragonfly Team: list maintainers',
        '4:1 information TODO (no owner): more highlights',
        '5:1 information TODO for Kevin: maintain a GTR file',
        '6:1 information TODO (no owner): (no text)',
      ],
    },
    {
      name: 'govmd-disable … govmd-enable',
      text: md('<!-- govmd-disable open-todo -->', 'TODO: hidden', '<!-- govmd-enable -->', 'TODO: shown'),
      findings: ['4:1 information TODO (no owner): shown'],
    },
    {
      name: 'an override to off is not a finding, to error is',
      settings: { severity: { 'open-todo': 'error' } },
      text: md('TODO: x'),
      findings: ['1:1 error TODO (no owner): x'],
    },
  ],
});
