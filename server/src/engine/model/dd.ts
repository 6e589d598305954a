import { ByStart } from './byStart';
import type { Span } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { HeadingFact, HtmlCommentFact, ListItemFact } from '../parse/facts';
import type { Todo } from './todos';
import { isTbd, type Placeholder } from './placeholders';
import { matchCriterion } from './criterionMatch';
import { templateCriteria } from '../generate/ddCriteria';

export type CriterionKind = 'required' | 'suggested' | 'unknown';

export interface Area {
  heading: HeadingFact;
  title: string;
  criteria: Criterion[];
}

export interface SubCriterion {
  item: ListItemFact;
  checked: boolean;
  text: string;
}

export interface Criterion {
  item: ListItemFact;
  /** The bold text that names the criterion. */
  title: string;
  titleSpan: Span;
  area?: Area;
  kind: CriterionKind;
  /** `null` for a DD written without checkboxes. */
  checked: boolean | null;
  checkbox?: Span;
  /** From the criterion to the next criterion or heading, across list boundaries. */
  body: Span;
  subCriteria: SubCriterion[];
  todos: Todo[];
  /** `TBD` left in the body: it means the same as a TODO. */
  tbds: Placeholder[];
  /** `<!-- (TOC Evaluation goes here) -->` and `<!-- (Project assertion goes here) -->` in the body. */
  evaluationMarkers: HtmlCommentFact[];
  hasEvaluation: boolean;
  /** The template's evaluation marker or an evidence prompt (`DD-MMM-YYYY`, `$LINK`) is still in the body. */
  hasTemplateLeftovers: boolean;
}

export interface DdModel {
  areas: Area[];
  criteria: Criterion[];
}

const KIND_HEADING = /^(suggested|required)\b/i;
export const EVALUATION_MARKER = /^\(?\s*(TOC Evaluation|Project assertion) goes here\s*\)?$/i;

/**
 * Whether a document may hold criteria of a known kind: they sit under a `### Suggested` or
 * `### Required` heading. Without one, a document is a DD only by its title.
 */
export function mayHoldKindedCriteria(headings: readonly HeadingFact[]): boolean {
  return headings.some((heading) => heading.depth > 2 && KIND_HEADING.test(heading.text));
}

export function buildDdModel(doc: ParsedDocument): DdModel {
  const headings = doc.headings;
  const hasTaskCriteria = doc.listItems.some((item) => isCriterionItem(item) && item.checked !== null);
  // Without checkboxes, bold list items are criteria only when they name a CNCF criterion: a DD's
  // "* **Kubernetes**:" or "**Source control repositories:**" lists are not.
  const criterionItems: { item: ListItemFact; index: number }[] = [];
  doc.listItems.forEach((item, index) => {
    if (isCriterionItem(item) && (item.checked !== null || (!hasTaskCriteria && matchCriterion(item.leadingStrong!.text, cncfCriteria()) !== undefined))) {
      criterionItems.push({ item, index });
    }
  });
  // Each criterion takes what lies in its body: found through an index, not by reading every
  // item of the document once per criterion (4 MB of criteria took minutes that way).
  const index: DocumentIndex = {
    tasksByParent: tasksByParent(doc.listItems),
    todos: new ByStart(doc.todos),
    placeholders: new ByStart(doc.placeholders),
    htmlComments: new ByStart(doc.htmlComments),
  };

  const areas: Area[] = [];
  const criteria: Criterion[] = [];
  let headingIndex = 0;
  let area: Area | undefined;
  let kind: CriterionKind = 'unknown';
  let kindDepth = 0;

  for (let i = 0; i < criterionItems.length; i++) {
    const { item, index: itemIndex } = criterionItems[i];
    for (; headingIndex < headings.length && headings[headingIndex].span.start < item.span.start; headingIndex++) {
      const heading = headings[headingIndex];
      if (heading.depth <= 2) {
        area = { heading, title: heading.text, criteria: [] };
        areas.push(area);
        kind = 'unknown';
        kindDepth = 0;
      } else if (KIND_HEADING.test(heading.text)) {
        kind = heading.text.match(KIND_HEADING)![1].toLowerCase() as CriterionKind;
        kindDepth = heading.depth;
      } else if (kindDepth !== 0 && heading.depth <= kindDepth) {
        kind = 'unknown';
        kindDepth = 0;
      }
    }
    const nextHeading = headings[headingIndex]?.span.start ?? doc.text.length;
    const nextCriterion = criterionItems[i + 1]?.item.span.start ?? doc.text.length;
    const body = { start: item.span.start, end: Math.min(nextHeading, nextCriterion) };
    const criterion = buildCriterion(doc, index, item, itemIndex, body, kind, area);
    criteria.push(criterion);
    area?.criteria.push(criterion);
  }
  return { areas: areas.filter((a) => a.criteria.length > 0), criteria };
}

let catalog: { title: string }[] | undefined;

/** Every criterion of the CNCF DD templates, incubation and graduation. */
function cncfCriteria(): readonly { title: string }[] {
  catalog ??= [...new Set((['incubation', 'graduation'] as const).flatMap((level) => templateCriteria(level).flatMap((area) => [...area.suggested, ...area.required].map((c) => c.title))))].map((title) => ({ title }));
  return catalog;
}

function isCriterionItem(item: ListItemFact): boolean {
  return item.parent === -1 && !item.inBlockquote && item.leadingStrong !== undefined;
}

interface DocumentIndex {
  tasksByParent: ReadonlyMap<number, ListItemFact[]>;
  todos: ByStart<Todo>;
  placeholders: ByStart<Placeholder>;
  htmlComments: ByStart<HtmlCommentFact>;
}

/** Task items by the index of the list item they are nested in. */
function tasksByParent(items: readonly ListItemFact[]): Map<number, ListItemFact[]> {
  const byParent = new Map<number, ListItemFact[]>();
  for (const item of items) {
    if (item.parent === -1 || item.checked === null) continue;
    const siblings = byParent.get(item.parent);
    if (siblings) siblings.push(item);
    else byParent.set(item.parent, [item]);
  }
  return byParent;
}

function buildCriterion(doc: ParsedDocument, index: DocumentIndex, item: ListItemFact, itemIndex: number, body: Span, kind: CriterionKind, area: Area | undefined): Criterion {
  const subCriteria: SubCriterion[] = (index.tasksByParent.get(itemIndex) ?? []).map((sub) => ({ item: sub, checked: sub.checked === true, text: sub.text }));
  const todos = index.todos.within(body);
  const placeholdersInBody = index.placeholders.within(body);
  const commentsInBody = index.htmlComments.within(body);
  const evaluationMarkers = commentsInBody.filter((comment) => EVALUATION_MARKER.test(comment.body));
  const criterion: Criterion = {
    item,
    title: item.leadingStrong!.text,
    titleSpan: item.leadingStrong!.span,
    kind,
    checked: item.checked,
    body,
    subCriteria,
    todos,
    tbds: placeholdersInBody.filter(isTbd),
    evaluationMarkers,
    hasEvaluation: hasEvaluationText(doc, item, body, subCriteria, placeholdersInBody, commentsInBody),
    hasTemplateLeftovers: evaluationMarkers.length > 0 || placeholdersInBody.some((placeholder) => !isTbd(placeholder)),
  };
  if (area) criterion.area = area;
  if (item.checkbox) criterion.checkbox = item.checkbox;
  return criterion;
}

/**
 * The evaluation is what the body says beyond the criterion itself: remove the criterion's own
 * first paragraph, its open sub-criteria, HTML comments (the template's markers) and evidence
 * prompts (template lines still holding a blank such as `DD-MMM-YYYY` or `$LINK`), and see if
 * words remain. A met sub-criterion records evidence ("Met during the kick-off on …"), so it stays.
 */
function hasEvaluationText(doc: ParsedDocument, item: ListItemFact, body: Span, subCriteria: SubCriterion[], placeholders: Placeholder[], comments: HtmlCommentFact[]): boolean {
  const removed: Span[] = [];
  if (item.firstParagraph) removed.push(item.firstParagraph);
  removed.push({ start: item.span.start, end: item.firstParagraph?.start ?? item.span.start });
  for (const sub of subCriteria) if (!sub.checked) removed.push(sub.item.span);
  for (const comment of comments) removed.push(comment.span);
  const metSubCriteria = subCriteria.filter((sub) => sub.checked).map((sub) => sub.item.span);
  for (const placeholder of placeholders) {
    // "- [x] N/A - Met during Project's application on DD-MMM-YYYY.": the reviewer's answer, blank or not.
    if (metSubCriteria.some((span) => placeholder.span.start >= span.start && placeholder.span.start < span.end)) continue;
    const line = doc.lines.positionAt(placeholder.span.start).line;
    removed.push({ start: doc.lines.lineStarts[line], end: doc.lines.lineEnd(line) });
  }
  removed.sort((a, b) => a.start - b.start);
  let cursor = body.start;
  for (const span of removed) {
    if (span.start > cursor && /[\p{L}\p{N}]/u.test(doc.text.slice(cursor, Math.min(span.start, body.end)))) return true;
    cursor = Math.max(cursor, span.end);
    if (cursor >= body.end) return false;
  }
  return /[\p{L}\p{N}]/u.test(doc.text.slice(cursor, body.end));
}

export interface KindProgress {
  met: number;
  total: number;
}

export interface AreaProgress {
  title: string;
  heading: HeadingFact;
  required: KindProgress;
  suggested: KindProgress;
}

export interface DdProgress {
  areas: AreaProgress[];
  required: KindProgress;
  suggested: KindProgress;
}

/** Criteria with an unknown kind count as Required, as their severity does. */
export function progressOf(model: DdModel): DdProgress {
  const tally = (criteria: Criterion[], kind: 'required' | 'suggested'): KindProgress => {
    const ofKind = criteria.filter((c) => (kind === 'required' ? c.kind !== 'suggested' : c.kind === 'suggested'));
    return { met: ofKind.filter((c) => c.checked === true).length, total: ofKind.length };
  };
  return {
    areas: model.areas.map((area) => ({
      title: area.title,
      heading: area.heading,
      required: tally(area.criteria, 'required'),
      suggested: tally(area.criteria, 'suggested'),
    })),
    required: tally(model.criteria, 'required'),
    suggested: tally(model.criteria, 'suggested'),
  };
}
