import { testRule, md } from '../../helpers/ruleTester';
import { checkedWithTodo } from '../../../server/src/engine/rules/checkedWithTodo';

testRule(checkedWithTodo, {
  valid: [
    { name: 'open criterion with a TODO is what open-todo reports', text: md('## A', '### Required', '- [ ] **One.**', '', '  **TODO for Team:** do it') },
    { name: 'the TODO belongs to the next criterion', text: md('## A', '- [x] **One.**', '  Done.', '- [ ] **Two.**', '', '**TODO:** later') },
    { name: 'a TODO in inline code is not a TODO', text: md('## A', '- [x] **One.**', '  Write `TODO:` markers in issues.') },
    { name: 'a heading ends the body', text: md('## A', '- [x] **One.**', '## B', 'TODO: not about One') },
  ],
  invalid: [
    {
      name: 'TODO at column 0 after the item still belongs to it',
      text: md('## Security', '### Required', '- [x] **Clearly defined process to report security issues.**', '', '<!-- (TOC Evaluation goes here) -->', '**TODO for Dragonlfy TEAM:** cross-link the policy'),
      findings: ['3:3 warning Marked met, but an open TODO (Dragonlfy TEAM) remain: Clearly defined process to report security issues.'],
      output: md('## Security', '### Required', '- [ ] **Clearly defined process to report security issues.**', '', '<!-- (TOC Evaluation goes here) -->', '**TODO for Dragonlfy TEAM:** cross-link the policy'),
    },
    {
      name: 'TBD counts as a TODO',
      text: md('## A', '- [x] **One.**', '  Owner: TBD'),
      findings: ['2:3 warning Marked met, but an open TODO remain: One.'],
    },
    {
      name: 'two TODOs and the forms with the colon outside the bold',
      text: md('## A', '- [X] **One.**', '  **TODO for A**: first', '  TODO: second'),
      findings: ['2:3 warning Marked met, but 2 open TODOs (A) remain: One.'],
    },
  ],
});
