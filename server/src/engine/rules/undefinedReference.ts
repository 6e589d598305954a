import type { Rule } from './rule';
import { closest } from '../links/didYouMean';
import { fix } from './edits';

export const undefinedReference: Rule = {
  code: 'undefined-reference',
  description: 'A reference link `[text][label]` uses a label no `[label]: url` defines, so GitHub shows the brackets as text.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const labels = doc.parsed.definitions.map((definition) => definition.label);
    for (const reference of doc.parsed.unresolvedReferences) {
      const suggestion = closest(reference.label, labels);
      report({
        span: reference.span,
        message: `No definition for [${reference.label}]${suggestion ? `; did you mean [${suggestion}]?` : ''}`,
        fixes: suggestion ? [fix(`Use [${suggestion}]`, [{ span: reference.labelSpan, newText: suggestion }], { isPreferred: true })] : [],
      });
    }
  },
};
