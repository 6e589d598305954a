import type { Rule } from './rule';
import { externalLinksOf } from '../links/external';

export const deadExternalLink: Rule = {
  code: 'dead-external-link',
  description: 'An http(s) link outside the workspace answers 404 or 410, or cannot be reached (opt-in network check).',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc, workspace }, report) {
    const verdicts = workspace.externalLinks;
    if (!verdicts || verdicts.size === 0) return;
    for (const link of externalLinksOf(doc.parsed, workspace.links)) {
      const verdict = verdicts.get(link.url);
      if (verdict?.status === 'dead') report({ span: link.span, message: `Dead link (${verdict.reason}): ${link.url}` });
      else if (verdict?.status === 'unreachable') report({ span: link.span, message: `Link cannot be reached (${verdict.reason}): ${link.url}` });
    }
  },
};
