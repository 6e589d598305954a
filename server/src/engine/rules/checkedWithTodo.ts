import type { Rule } from './rule';
import { fix, setCheckbox, shorten } from './edits';

export const checkedWithTodo: Rule = {
  code: 'checked-with-todo',
  description: 'A criterion is marked met while its body still holds a TODO or TBD.',
  defaultSeverity: 'warning',
  appliesTo: ['dd'],
  check({ doc }, report) {
    for (const criterion of doc.dd.criteria) {
      const open = [...criterion.todos.map((t) => t.span), ...criterion.tbds.map((t) => t.span)];
      if (criterion.checked !== true || !criterion.checkbox || open.length === 0) continue;
      const owners = [...new Set(criterion.todos.map((t) => t.owner).filter(Boolean))];
      const what = open.length === 1 ? 'an open TODO' : `${open.length} open TODOs`;
      report({
        span: criterion.checkbox,
        message: `Marked met, but ${what}${owners.length ? ` (${owners.join(', ')})` : ''} remain: ${shorten(criterion.title, 60)}`,
        related: [...criterion.todos.map((todo) => ({ span: todo.lineSpan, message: shorten(`TODO${todo.owner ? ` for ${todo.owner}` : ''}: ${todo.text}`) })),
          ...criterion.tbds.map((tbd) => ({ span: tbd.span, message: 'TBD' }))],
        fixes: [fix('Mark criterion not met', [setCheckbox(criterion.checkbox, false)])],
      });
    }
  },
};
