import type { Rule } from './rule';
import { fix } from './edits';

export const malformedCheckbox: Rule = {
  code: 'malformed-checkbox',
  description: 'A task-list checkbox is written in a way GitHub does not render (`- []`, `- [ x]`, `-[ ]`).',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    for (const box of doc.parsed.malformedCheckboxes) {
      const wanted = box.replacement.trimEnd();
      report({
        span: box.span,
        message: `"${box.written}" is not rendered as a checkbox on GitHub; write "${wanted}"`,
        fixes: [fix(`Write "${wanted}"`, [{ span: box.span, newText: box.replacement }], { automatic: true, isPreferred: true })],
      });
    }
  },
};
