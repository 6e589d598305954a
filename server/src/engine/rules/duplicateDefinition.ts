import type { Rule } from './rule';
import type { DefinitionFact } from '../parse/facts';
import { deleteLines, fix } from './edits';

export const duplicateDefinition: Rule = {
  code: 'duplicate-definition',
  description: 'A link reference definition `[label]: url` is written twice in one file; only the first counts.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const first = new Map<string, DefinitionFact>();
    for (const definition of doc.parsed.definitions) {
      const original = first.get(definition.identifier);
      if (!original) {
        first.set(definition.identifier, definition);
        continue;
      }
      const line = doc.parsed.lines.positionAt(original.span.start).line + 1;
      const same = original.url === definition.url;
      report({
        span: definition.span,
        message: `[${definition.label}] is already defined on line ${line}${same ? '' : ` as ${original.url}; this definition (${definition.url}) is ignored`}`,
        related: [{ span: original.span, message: `[${original.label}] is first defined here` }],
        // Removing a definition that never counted changes nothing on the page; a different URL
        // may be the one the author wanted, so that case is left to a person.
        fixes: [fix('Remove this definition', [deleteLines(doc, definition.span)], { automatic: same, isPreferred: true })],
      });
    }
  },
};
