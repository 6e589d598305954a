import type { GovDocument } from '../govDocument';
import { lineCountOf, type LinkTargets } from './targets';
import type { AnchorSet } from './anchors';
import { anchorsOf } from './anchors';
import { parseDestination } from './destination';
import type { LinkOccurrence } from './occurrences';

/** What a link's `#fragment` is looked up in. */
export interface FragmentTarget {
  fragment: string;
  /** For messages: "this document", `COMMUNITY_LADDER.md`, `docs/README.md`. */
  name: string;
  /** Absent when the target is not Markdown (only line anchors mean something there). */
  anchors?: AnchorSet;
  lineCount?: number;
  /** A folder link: `#readme` names the README GitHub shows below the listing. */
  folder: boolean;
}

const lineCounts = new WeakMap<object, number>();

/**
 * The document or workspace file a link's fragment must be found in, or undefined when it cannot
 * be checked here: no fragment, an external URL, a target that does not exist (broken-link's).
 */
export function fragmentTarget(doc: GovDocument, occurrence: LinkOccurrence, links: LinkTargets | undefined): FragmentTarget | undefined {
  const destination = parseDestination(occurrence.url);
  if (destination.type === 'fragment') {
    let lineCount = lineCounts.get(doc.parsed);
    if (lineCount === undefined) lineCounts.set(doc.parsed, (lineCount = lineCountOf(doc.text)));
    const found: FragmentTarget = { fragment: destination.fragment, name: 'this document', lineCount, folder: false };
    // A part left out (not-checked) may hold the heading the link names.
    if (doc.parsed.skipped.length === 0) found.anchors = anchorsOf(doc.parsed);
    return found;
  }
  if ((destination.type !== 'path' && destination.type !== 'github') || destination.fragment === undefined) return undefined;
  const target = links?.get(occurrence.url);
  if (!target?.kind || !target.facts) return undefined;
  const found: FragmentTarget = {
    fragment: destination.fragment,
    name: target.readme ?? target.display,
    lineCount: target.facts.lineCount,
    folder: target.kind === 'directory',
  };
  if (target.facts.anchors) found.anchors = target.facts.anchors;
  return found;
}
