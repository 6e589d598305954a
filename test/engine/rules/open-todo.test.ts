import { testRule, md } from '../../helpers/ruleTester';
import { openTodo } from '../../../server/src/engine/rules/openTodo';

testRule(openTodo, {
  valid: [
    { name: 'lower-case todo is prose', text: md('Keep a todo: list of things.') },
    { name: 'in code', text: md('Use `TODO: x` in code.', '', '```', 'TODO: inside a fence', '```') },
    { name: 'in an HTML comment', text: md('<!-- TODO: template instruction -->') },
    { name: 'a TODO status heading in a meeting note', kind: 'meeting', text: md('## Attendees', '- A', '## Actions', '### TODO', '- <https://github.com/o/r/issues/1>') },
    { name: 'TODO without a colon', text: md('The TODO list is long.') },
    { name: 'TODO as a word after a link', text: md('- [Release notes](https://example.com/x) TODO list is long') },
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
      // Real cases: a reviewer's bare "TODO" paragraph under a criterion, and a meeting note's issue
      // list (dragonflyoss/community meetings) with no one on an issue yet.
      name: 'a bare TODO, alone or after the link of a list item',
      text: md('- [ ] **Criterion.**', '', 'TODO', '', '- <https://github.com/dragonflyoss/dragonfly/issues/4025> TODO', '- [Release notes](https://example.com/x) **TODO**', '- TODO.'),
      findings: ['3:1 information TODO (no owner): (no text)', '5:59 information TODO (no owner): (no text)', '6:42 information TODO (no owner): (no text)', '7:3 information TODO (no owner): (no text)'],
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
