import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to what was written, or undefined when none is close enough to be worth
 * proposing. Closeness is edit distance with a bonus for a shared beginning: a stale anchor keeps
 * the start of its heading and loses the tail (`#adding-new-maintainers` for the heading that
 * became "Adding New Member/Approver/Maintainer"), which plain edit distance ranks below an
 * unrelated slug of similar length.
 */
export function closest(written: string, candidates: Iterable<string>, budget?: ProposalBudget): string | undefined {
  const query = written.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  let bestLength = 0;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === query) return candidate;
    // A search cut short could propose a worse candidate than the closest: none is proposed.
    if (budget && !budget.take((query.length + 1) * (lower.length + 1))) return undefined;
    const score = distance(query, lower) - commonPrefixLength(query, lower) / 2;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
      bestLength = Math.max(query.length, lower.length);
    }
  }
  // Beyond half the length, the two share too little for the proposal to help.
  return best !== undefined && bestScore <= Math.max(2, bestLength / 2) ? best : undefined;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * What the proposals of one document may cost in all, in edit-distance cells (characters of the
 * written text times characters of a candidate). Each proposal compares one name with every
 * candidate, so a document of many broken names and many candidates would cost their product:
 * past this budget (far beyond any real document's), names are reported without a proposal.
 */
export class ProposalBudget {
  constructor(private cells = 50_000_000) {}

  get spent(): boolean {
    return this.cells <= 0;
  }

  take(cells: number): boolean {
    this.cells -= cells;
    if (this.cells >= 0) return true;
    this.cells = 0;
    return false;
  }
}
