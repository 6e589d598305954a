import { stemmer } from 'stemmer';

/**
 * Loose matching of Due Diligence criteria. The CNCF templates reword criteria between versions
 * ("vendor-neutral" / "vendor-neutrality", "domain specific" / "domain-specific", italics added or
 * dropped, a sentence appended, a clause rewritten) and reviewers' copies carry typos, so a
 * criterion is recognised by the words it is made of, never by its exact text. Used wherever a
 * criterion is compared with the CNCF's: which bold items of a DD are criteria, the comparison
 * with the current template, the evidence a criterion asks for.
 *
 * Words are stemmed (Porter) and weighted by how rare they are among the catalog's criteria:
 * "TAG", "adopters" or "roadmap" say which criterion is meant, "document" and "project" do not.
 */

export interface CriterionMatch<T> {
  criterion: T;
  /** 0 (nothing in common) to 1 (the same words). */
  score: number;
}

/**
 * The least score that still means "the same criterion". The rewording of the TAG criterion between
 * the 2025 and 2026 templates ("Engage with the domain specific TAG(s) to increase awareness through
 * a presentation …" → "Engage with domain-specific TAG(s) to present the technical architecture …")
 * scores 0.64; every other criterion of the DDs in cncf/toc scores 0.75 or more against its own, and
 * bold labels of governance files score 0 ("**Governance:**", "**Code of Conduct:**") or, for a
 * few meeting names in cncf/toc's subproject READMEs, up to 0.61.
 */
export const MATCH_THRESHOLD = 0.55;

/** Words that carry no meaning of their own in a criterion. */
const FILLER = new Set([
  'a', 'an', 'the', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'with', 'as', 'by', 'be', 'is', 'are', 'was',
  'its', 'it', 'this', 'that', 'these', 'which', 'if', 'any', 'at', 'from', 'e', 'g', 'eg', 'etc', 'i', 's',
  'their', 'they', 'other', 'also', 'may', 'well', 'such', 'has', 'have', 'do', 'does', 'how', 'what', 'why',
  'through', 'either', 'within', 'into', 'upon', 'via',
]);

/**
 * The note the templates append to several criteria ("_This requirement may also be satisfied by
 * completing a General Technical Review._", "This can also be satisfied by …"). It says how a
 * criterion may be met, not what it is, and being shared it would make those criteria look alike.
 */
const ANNOTATION = /\bthis (?:requirement )?(?:may|can) also be satisfied by [^.]*(?:\.|$)/gi;

const termCache = new Map<string, readonly string[]>();

/** The stems of a criterion's words, once each: no Markdown, case, punctuation or filler words. */
export function criterionTerms(text: string): readonly string[] {
  const cached = termCache.get(text);
  if (cached) return cached;
  const plain = tagsAsSpaces(linksAsText(text.normalize('NFKC')))
    .replace(/[’']s\b/g, '')
    .replace(ANNOTATION, ' ')
    .toLowerCase();
  const terms = new Set<string>();
  for (const word of plain.split(/[^\p{L}\p{N}]+/u)) {
    if (word && !FILLER.has(word)) terms.add(stemmer(word));
  }
  // Bounded: a long editing session sees many texts, each worth keeping only while it is typed.
  if (termCache.size > 4096) termCache.clear();
  const list = [...terms];
  termCache.set(text, list);
  return list;
}

// The two readers below replace what `/!?\[([^\]]*)\]\([^)]*\)/g` and `/<[^>]*>/g` replaced, each in
// one pass: the expressions read to the end of the text from every `[` or `<` that is never closed.
// A DD whose bold criterion held thousands of `<` took 20 s (npm run fuzz, seed 3003).

/** A link counts by its text: `[text](target)` and `![alt](src)` become `text` and `alt`. */
export function linksAsText(text: string): string {
  let plain = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const open = text.indexOf('[', from);
    const close = open < 0 ? -1 : text.indexOf(']', open + 1);
    if (close < 0) break;
    if (text[close + 1] !== '(') {
      from = close + 1;
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    const start = open > copied && text[open - 1] === '!' ? open - 1 : open;
    plain += text.slice(copied, start) + text.slice(open + 1, close);
    copied = from = end + 1;
  }
  return plain + text.slice(copied);
}

/** Each `<…>` becomes a space. */
export function tagsAsSpaces(text: string): string {
  let plain = '';
  let copied = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', copied)) {
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    plain += text.slice(copied, open) + ' ';
    copied = close + 1;
  }
  return plain + text.slice(copied);
}

interface PreparedCatalog {
  terms: (readonly string[])[];
  /** How much a word tells criteria apart: rare words weigh more. */
  weight: (term: string) => number;
  /**
   * Scores by text: a DD is compared with its template at every keystroke, and all its criteria
   * but the one being typed in read as they did before.
   */
  scores: Map<string, readonly number[]>;
}

const prepared = new WeakMap<readonly { title: string }[], PreparedCatalog>();

function prepare(catalog: readonly { title: string }[]): PreparedCatalog {
  const known = prepared.get(catalog);
  if (known) return known;
  const terms = catalog.map((criterion) => criterionTerms(criterion.title));
  const frequency = new Map<string, number>();
  for (const list of terms) for (const term of list) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const size = Math.max(catalog.length, 1);
  const weights = new Map<string, number>();
  const weight = (term: string) => {
    let known = weights.get(term);
    if (known === undefined) {
      known = Math.log(1 + size / (frequency.get(term) ?? 1));
      if (weights.size > 4096) weights.clear();
      weights.set(term, known);
    }
    return known;
  };
  const result = { terms, weight, scores: new Map<string, readonly number[]>() };
  prepared.set(catalog, result);
  return result;
}

/**
 * Weighted Dice coefficient of two term lists. The two must share at least three words (all of them
 * when both are shorter) and half the words of the longer one: a label such as "**Project
 * releases:**" shares its rare word with "Document the project's release process." and is still not
 * that criterion.
 */
function weightedSimilarity(a: readonly string[], b: readonly string[], weight: (term: string) => number): number {
  let sharedWeight = 0;
  let shared = 0;
  let total = 0;
  for (const term of a) {
    const w = weight(term);
    total += w;
    if (b.includes(term)) {
      sharedWeight += w;
      shared++;
    }
  }
  for (const term of b) total += weight(term);
  const longer = Math.max(a.length, b.length);
  if (total === 0 || shared < Math.min(MIN_SHARED_TERMS, longer) || shared < longer * MIN_COVERAGE) return 0;
  return (2 * sharedWeight) / total;
}

const MIN_SHARED_TERMS = 3;
/** A short label inside a long criterion ("**CNCF Code of Conduct**") is a mention, not the criterion. */
const MIN_COVERAGE = 0.5;

/** How alike a text is to each criterion of a catalog, from 0 to 1, in catalog order. */
export function criterionScores(text: string, catalog: readonly { title: string }[]): readonly number[] {
  const { terms, weight, scores } = prepare(catalog);
  const known = scores.get(text);
  if (known) return known;
  const textTerms = criterionTerms(text);
  const computed = terms.map((criterionTerms) => weightedSimilarity(textTerms, criterionTerms, weight));
  // Bounded as the terms are: texts typed through are not kept.
  if (scores.size > 4096) scores.clear();
  scores.set(text, computed);
  return computed;
}

/** How alike two criteria are, weighing words by their rarity in the catalog. */
export function criterionSimilarity(a: string, b: string, catalog: readonly { title: string }[]): number {
  return weightedSimilarity(criterionTerms(a), criterionTerms(b), prepare(catalog).weight);
}

/** The catalog criterion a text names, if any scores at least the threshold: the best one. */
export function matchCriterion<T extends { title: string }>(text: string, catalog: readonly T[], threshold = MATCH_THRESHOLD): CriterionMatch<T> | undefined {
  const scores = criterionScores(text, catalog);
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (scores[i] >= threshold && (best < 0 || scores[i] > scores[best])) best = i;
  return best < 0 ? undefined : { criterion: catalog[best], score: scores[best] };
}

export interface AssignOptions<A, B> {
  threshold?: number;
  /**
   * Added to a pair's score before pairs are ranked (not to the score reported): a criterion of the
   * same area is the likelier counterpart when two readings are close.
   */
  affinity?: (found: A, candidate: B) => number;
}

/**
 * Pairs the criteria a document has with a catalog's, each at most once: the closest pairs first,
 * so a reworded criterion finds its counterpart even when another criterion shares some of its words.
 */
export function assignCriteria<A extends { title: string }, B extends { title: string }>(
  found: readonly A[],
  catalog: readonly B[],
  options: AssignOptions<A, B> = {},
): Map<A, CriterionMatch<B>> {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const pairs: { a: number; b: number; score: number; rank: number }[] = [];
  found.forEach((criterion, a) => {
    criterionScores(criterion.title, catalog).forEach((score, b) => {
      if (score >= threshold) pairs.push({ a, b, score, rank: score + (options.affinity?.(criterion, catalog[b]) ?? 0) });
    });
  });
  pairs.sort((x, y) => y.rank - x.rank || x.a - y.a || x.b - y.b);
  const result = new Map<A, CriterionMatch<B>>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result.has(found[pair.a]) || taken.has(pair.b)) continue;
    result.set(found[pair.a], { criterion: catalog[pair.b], score: pair.score });
    taken.add(pair.b);
  }
  return result;
}
