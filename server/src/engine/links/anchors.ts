import GithubSlugger from 'github-slugger';
import type { ParsedDocument } from '../parse/document';
import { decodeUriComponent } from '../text/uriText';

/** The anchors of one Markdown document: what `#fragment` may name in it. */
export interface AnchorSet {
  /** Heading slugs in document order, collisions numbered the way GitHub numbers them. */
  readonly headingSlugs: readonly string[];
  /** Every anchor, exactly as a fragment must spell it. */
  readonly ids: ReadonlySet<string>;
  /** Lower-cased anchor → the anchor, for fragments that differ only in letter case. */
  readonly byLowerCase: ReadonlyMap<string, string>;
}

const cache = new WeakMap<ParsedDocument, AnchorSet>();

/**
 * Heading slugs exactly as GitHub makes them (github-slugger: lower case, punctuation and emoji
 * dropped, spaces to `-`, and the n-th repeat of a slug gets `-n`, skipping slugs already taken —
 * `echo, echo, echo 1, echo-1, echo` → `echo, echo-1, echo-1-1, echo-1-2, echo-2`), plus
 * `id=` / `<a name=>` anchors written in HTML.
 */
export function anchorsOf(parsed: ParsedDocument): AnchorSet {
  let anchors = cache.get(parsed);
  if (!anchors) {
    anchors = anchorSet(
      parsed.headings.map((heading) => heading.anchorText),
      parsed.htmlAnchors.map((anchor) => anchor.id),
    );
    cache.set(parsed, anchors);
  }
  return anchors;
}

/** The anchors of heading texts (in document order) and HTML ids. */
export function anchorSet(headingTexts: readonly string[], htmlIds: readonly string[]): AnchorSet {
  const slugger = new GithubSlugger();
  const headingSlugs = headingTexts.map((text) => slugger.slug(text));
  const ids = new Set([...headingSlugs, ...htmlIds]);
  const byLowerCase = new Map<string, string>();
  for (const id of ids) if (!byLowerCase.has(id.toLowerCase())) byLowerCase.set(id.toLowerCase(), id);
  return { headingSlugs, ids, byLowerCase };
}

export type FragmentMatch =
  | { found: true }
  /** The fragment names an anchor in another letter case. */
  | { found: false; caseOf: string }
  | { found: false; caseOf?: undefined };

/**
 * Whether `#fragment` reaches an anchor. GitHub prefixes rendered ids with `user-content-` and
 * accepts the fragment with or without it; browsers treat `#top` and an empty fragment as the
 * top of the page.
 */
export function matchFragment(anchors: AnchorSet, written: string, options: { readme?: boolean } = {}): FragmentMatch {
  const fragment = decodeUriComponent(written).replace(/^user-content-/, '');
  if (fragment === '' || fragment.toLowerCase() === 'top') return { found: true };
  if (options.readme && fragment === 'readme') return { found: true };
  if (anchors.ids.has(fragment)) return { found: true };
  const caseOf = anchors.byLowerCase.get(fragment.toLowerCase());
  return caseOf ? { found: false, caseOf } : { found: false };
}
