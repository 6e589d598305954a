import type { GovDocument } from '../govDocument';
import type { HeadingFact } from '../parse/facts';
import type { TemplateArea, TemplateCriterion } from '../generate/ddCriteria';
import type { Criterion } from '../model/dd';
import { assignCriteria, criterionTerms } from '../model/criterionMatch';
import type { DdTemplate } from './ddTemplate';

export type TemplateKind = 'suggested' | 'required';

/** Where the template puts a criterion. */
export interface TemplatePlace {
  area: TemplateArea;
  areaIndex: number;
  kind: TemplateKind;
  /** Position among the criteria of that area and kind. */
  index: number;
  criterion: TemplateCriterion;
  /** Its title for the catalog matcher. */
  title: string;
}

/** A criterion of the DD that the template puts under another area or kind. */
export interface MovedCriterion {
  found: Criterion;
  to: TemplatePlace;
}

export interface TemplateComparison {
  template: DdTemplate;
  /** Every criterion of the template, in its order. */
  places: TemplatePlace[];
  /** The DD's criterion for each template criterion it has. */
  counterpart: Map<TemplatePlace, Criterion>;
  missing: TemplatePlace[];
  moved: MovedCriterion[];
  /** The DD's heading for each template area (same index), when it has one. */
  areaHeadings: (HeadingFact | undefined)[];
}

/**
 * A DD whose criteria are less than this share of the template's follows another format (the
 * proposals of 2018-2022 in cncf/toc/projects), not an older version of the template: comparing it
 * would list every criterion as missing.
 */
const MIN_SHARE_MATCHED = 0.5;

/**
 * What the DD lacks of its level's current template and which of its criteria the template puts
 * elsewhere. Criteria are paired loosely (`assignCriteria`), preferring a counterpart in the same
 * area. Undefined when the DD does not follow the template's format at all.
 */
export function compareWithTemplate(doc: GovDocument, template: DdTemplate): TemplateComparison | undefined {
  const places = placesOf(template.areas);
  const areaHeadings = template.areas.map((area) => ddAreaHeading(doc, area.title));
  const areaOf = (criterion: Criterion) => (criterion.area ? areaHeadings.findIndex((h) => h === criterion.area!.heading) : -1);
  const criteria = doc.dd.criteria;
  const pairs = assignCriteria(criteria, places, {
    affinity: (found, place) => (areaOf(found) === place.areaIndex ? 0.1 : 0) + (found.kind === place.kind ? 0.02 : 0),
  });
  if (pairs.size < places.length * MIN_SHARE_MATCHED) return undefined;

  const counterpart = new Map<TemplatePlace, Criterion>();
  const moved: MovedCriterion[] = [];
  for (const [found, match] of pairs) {
    const place = match.criterion;
    counterpart.set(place, found);
    const foundArea = areaOf(found);
    const otherKind = found.kind !== 'unknown' && found.kind !== place.kind;
    const otherArea = foundArea >= 0 && foundArea !== place.areaIndex;
    if (otherKind || otherArea) moved.push({ found, to: place });
  }
  moved.sort((a, b) => a.found.item.span.start - b.found.item.span.start);
  // A criterion written as a nested task item (dapr's "  - [x] **History of regular, quality
  // releases.**" under the release criterion) is in the DD, only indented: not missing.
  const unpaired = places.filter((place) => !counterpart.has(place));
  const nested = doc.parsed.listItems.filter((item) => item.parent !== -1 && item.checked !== null && item.leadingStrong);
  const indented = assignCriteria(nested.map((item) => ({ title: item.leadingStrong!.text })), unpaired);
  const present = new Set([...indented.values()].map((match) => match.criterion));
  const missing = unpaired.filter((place) => !present.has(place));
  return { template, places, counterpart, missing, moved, areaHeadings };
}

/**
 * Kept by template: the matcher keeps what it learnt of a catalog (its words' weights, the scores
 * of the texts it saw) by the catalog's identity, and a DD is compared at every keystroke.
 */
const placesByAreas = new WeakMap<readonly TemplateArea[], TemplatePlace[]>();

function placesOf(areas: readonly TemplateArea[]): TemplatePlace[] {
  let places = placesByAreas.get(areas);
  if (places) return places;
  places = [];
  areas.forEach((area, areaIndex) => {
    for (const kind of ['suggested', 'required'] as const) {
      area[kind].forEach((criterion, index) => places!.push({ area, areaIndex, kind, index, criterion, title: criterion.title }));
    }
  });
  placesByAreas.set(areas, places);
  return places;
}

/** The DD's `##` heading for a template area: the same words, maybe more ("Security & Compliance"). */
function ddAreaHeading(doc: GovDocument, title: string): HeadingFact | undefined {
  const wanted = criterionTerms(title);
  return doc.parsed.headings.find((heading) => heading.depth <= 2 && wanted.every((term) => criterionTerms(heading.text).includes(term)));
}

/** A criterion's title as it reads: no link targets, no emphasis markers. */
export function plainTitle(title: string): string {
  return title
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export function kindName(kind: TemplateKind | 'unknown'): string {
  return kind === 'suggested' ? 'Suggested' : kind === 'required' ? 'Required' : 'no kind';
}
