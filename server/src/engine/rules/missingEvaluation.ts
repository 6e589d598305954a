import type { Rule } from './rule';
import { fix, shorten } from './edits';

export const missingEvaluation: Rule = {
  code: 'missing-evaluation',
  description: 'A criterion has no evaluation yet: nothing beyond the template marker and prompts.',
  defaultSeverity: 'information',
  appliesTo: ['dd'],
  check({ doc }, report) {
    const lines = doc.parsed.lines;
    for (const criterion of doc.dd.criteria) {
      if (criterion.hasEvaluation) continue;
      // A met criterion the reviewer cleared of the template's marker was evaluated elsewhere (an
      // area's summary, as the OpenTelemetry graduation DD does): nothing is waiting to be written.
      if (criterion.checked === true && !criterion.hasTemplateLeftovers) continue;
      const marker = criterion.evaluationMarkers[0];
      const fixes = [];
      if (marker) {
        // A stub that is itself tracked: the missing evaluation becomes an owned TODO.
        const owner = /project assertion/i.test(marker.body) ? 'project' : 'TOC Reviewer';
        const line = lines.positionAt(marker.span.end).line;
        const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
        const at = lines.lineEnd(line);
        fixes.push(fix('Fill the evaluation with a TODO stub', [{ span: { start: at, end: at }, newText: `${lines.lineBreak}${indent}**TODO for ${owner}:** write the evaluation.` }]));
      }
      report({
        span: criterion.titleSpan,
        message: `No evaluation for this criterion yet: ${shorten(criterion.title, 60)}`,
        fixes,
      });
    }
  },
};
