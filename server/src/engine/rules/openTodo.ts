import type { Rule } from './rule';
import { shorten } from './edits';

export const openTodo: Rule = {
  code: 'open-todo',
  description: 'A TODO marker is left in the text, with its owner when it names one.',
  defaultSeverity: 'information',
  appliesTo: ['dd', 'meeting', 'governance'],
  check({ doc }, report) {
    for (const todo of doc.parsed.todos) {
      report({
        span: todo.span,
        message: shorten(`TODO${todo.owner ? ` for ${todo.owner}` : ' (no owner)'}: ${todo.text || '(no text)'}`, 120),
      });
    }
  },
};
