import type { Rule } from './rule';
import { shorten } from './edits';
import { criterionEvidence, evidenceAsked } from '../evidence/criterionEvidence';
import { citesAnything, saysNotApplicable } from '../evidence/citations';

export const metWithoutEvidence: Rule = {
  code: 'met-without-evidence',
  description: 'A criterion is marked met, but its evaluation cites nothing: no link, file, or issue or PR reference.',
  defaultSeverity: 'information',
  appliesTo: ['dd'],
  check({ doc, workspace }, report) {
    for (const criterion of doc.dd.criteria) {
      // No evaluation at all is missing-evaluation's to say.
      if (criterion.checked !== true || !criterion.hasEvaluation) continue;
      // What is asked first and what is cited up to the first citation: most met criteria cite something.
      if (evidenceAsked(criterion.title)?.inDocument || citesAnything(doc, criterion) || saysNotApplicable(doc, criterion)) continue;
      const evidence = criterionEvidence(doc, criterion, workspace.projectFiles);
      const found = evidence.files.flatMap((file) => file.found.map((place) => `${place.repository} has ${place.paths[0]}`));
      report({
        span: criterion.titleSpan,
        message: `Marked met, but the evaluation cites no evidence (no link, file, or issue or PR): ${shorten(criterion.title, 60)}${found.length ? ` (${found.join('; ')})` : ''}`,
      });
    }
  },
};
