import type { Rule } from './rule';
import { matchFragment } from '../links/anchors';
import { parseLineAnchor } from '../links/destination';
import { decodeUriComponent } from '../text/uriText';
import { closest, ProposalBudget } from '../links/didYouMean';
import { editInUrl, fragmentSpan, linkOccurrences } from '../links/occurrences';
import { fragmentTarget } from '../links/fragments';
import { fix } from './edits';

export const brokenFragment: Rule = {
  code: 'broken-fragment',
  description: 'A `#fragment` names no heading or HTML anchor of the document it links to.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc, workspace }, report) {
    const linkedHere = sameDocumentFragments(doc.parsed);
    const budget = new ProposalBudget();
    const proposalsByAnchors = new Map<object, Map<string, string | undefined>>();
    for (const occurrence of linkOccurrences(doc.parsed)) {
      const target = fragmentTarget(doc, occurrence, workspace.links);
      if (!target?.anchors || parseLineAnchor(target.fragment)) continue;
      const match = matchFragment(target.anchors, target.fragment, { readme: target.folder });
      if (match.found) continue;
      const where = target.name;
      const span = fragmentSpan(occurrence.url)!;
      const written = decodeUriComponent(target.fragment);
      if (match.caseOf !== undefined) {
        const edit = editInUrl(occurrence, span, match.caseOf);
        report({
          span: occurrence.span,
          severity: 'hint',
          message: `#${written} differs in letter case from the anchor #${match.caseOf} in ${where}`,
          fixes: edit ? [fix(`Write #${match.caseOf}`, [edit], { automatic: true, isPreferred: true })] : [],
        });
        continue;
      }
      // A table of contents links each section once: the section another entry already links to is
      // not the one this entry lost (custodian's joint review: `#recommended-project-next-steps`).
      // Listing the candidates costs what comparing with them would: once the budget is spent, neither is done.
      // The same broken anchor written again gets the same proposal, without comparing again: a
      // generated table of thousands of `[x](#a)` compared each with every heading.
      const sameDocument = occurrence.url.startsWith('#');
      const proposals = proposalsByAnchors.get(target.anchors) ?? new Map<string, string | undefined>();
      proposalsByAnchors.set(target.anchors, proposals);
      const key = `${sameDocument}:${written}`;
      let suggestion = proposals.get(key);
      if (!proposals.has(key)) {
        const candidates = budget.spent ? [] : sameDocument ? [...target.anchors.ids].filter((id) => !linkedHere.has(id)) : target.anchors.ids;
        suggestion = budget.spent ? undefined : closest(written, candidates, budget);
        proposals.set(key, suggestion);
      }
      const edit = suggestion ? editInUrl(occurrence, span, suggestion) : undefined;
      report({
        span: occurrence.span,
        message: `No heading or anchor #${written} in ${where}${suggestion ? `; did you mean #${suggestion}?` : ''}`,
        fixes: edit ? [fix(`Link to #${suggestion}`, [edit], { isPreferred: true })] : [],
      });
    }
  },
};

/** The anchors of this document its own `#fragment` links already reach. */
function sameDocumentFragments(parsed: Parameters<typeof linkOccurrences>[0]): Set<string> {
  const linked = new Set<string>();
  for (const occurrence of linkOccurrences(parsed)) if (occurrence.url.startsWith('#')) linked.add(decodeUriComponent(occurrence.url.slice(1)));
  return linked;
}
