import type { Span } from '../types';
import type { GovDocument } from '../govDocument';
import type { HeadingFact } from '../parse/facts';
import type { Criterion } from '../model/dd';
import type { SpanEdit } from '../rules/rule';
import { criterionBlocks } from '../template/renderCriterion';
import { lineBreakOf } from '../text/lineIndex';
import { kindName, type MovedCriterion, type TemplateComparison, type TemplateKind, type TemplatePlace } from './compare';

/** One change toward the template: a missing criterion to insert, or a criterion to move. */
export type TemplateChange = { missing: TemplatePlace } | { moved: MovedCriterion };

interface Insertion {
  offset: number;
  /** Replaced by the insertion: a lone "N/A" under a kind heading that gets a criterion. */
  replaces?: Span;
  /** Headings the blocks need that the DD lacks (an area, a kind), each written once per offset. */
  headings?: string[];
  /** Order among insertions at one offset: the template's. */
  order: number;
  blocks: string[];
  /** The blocks are a moved criterion's own text, line breaks as written. */
  moved?: boolean;
}

const KIND_HEADING = /^(suggested|required)\b/i;
const NOT_APPLICABLE = /^\s*n\/?a\.?\s*$/i;

/**
 * The edits that bring the DD closer to its template: each missing criterion inserted where the
 * template puts it (after the criterion the template puts before it, else before the one after
 * it, else at the top of its kind), with the template's prompts and evaluation marker; each moved
 * criterion cut whole — evaluation, TODOs and all — and put under its new area and kind. Nothing
 * the reviewer wrote is deleted or reworded; only a lone "N/A" under a kind heading that receives a
 * criterion gives way. Edits never overlap, so a host can apply them as one.
 */
export function templateEdits(doc: GovDocument, comparison: TemplateComparison, changes: readonly TemplateChange[]): SpanEdit[] {
  const moving = new Set(changes.flatMap((change) => ('moved' in change ? [change.moved.found] : [])));
  const insertions: Insertion[] = [];
  const removals: Span[] = [];
  for (const change of changes) {
    if ('missing' in change) {
      insertions.push(insertionAt(doc, comparison, change.missing, criterionBlocks(change.missing.criterion), moving));
    } else {
      const { found, to } = change.moved;
      removals.push(found.body);
      insertions.push({ ...insertionAt(doc, comparison, to, [doc.text.slice(found.body.start, found.body.end).trimEnd()], moving), moved: true });
    }
  }
  return mergeEdits(doc.text, insertions, removals);
}


function insertionAt(doc: GovDocument, comparison: TemplateComparison, place: TemplatePlace, blocks: string[], moving: ReadonlySet<Criterion>): Insertion {
  const order = comparison.places.indexOf(place);
  const headings = doc.parsed.headings;
  const areaHeading = comparison.areaHeadings[place.areaIndex];
  if (!areaHeading) return newAreaInsertion(doc, comparison, place, blocks, order);

  const areaEnd = nextHeadingStart(doc, areaHeading.span.end, (h) => h.depth <= areaHeading.depth);
  const inArea = headings.filter((h) => h.span.start > areaHeading.span.start && h.span.start < areaEnd);
  const kindHeadings = inArea.filter((h) => h.depth > areaHeading.depth && KIND_HEADING.test(h.text));
  const kindHeading = kindHeadings.find((h) => h.text.match(KIND_HEADING)![1].toLowerCase() === place.kind);

  let section: Span;
  if (kindHeading) section = { start: kindHeading.span.end, end: nextHeadingStart(doc, kindHeading.span.end, (h) => h.depth <= kindHeading.depth) };
  else if (kindHeadings.length === 0) section = { start: areaHeading.span.end, end: areaEnd };
  else return missingKindInsertion(doc, place.kind, kindHeadings, areaEnd, blocks, order);

  // The DD's criteria of this area and kind that stay where they are, by their template position.
  const neighbours: { index: number; criterion: Criterion }[] = [];
  for (const [other, criterion] of comparison.counterpart) {
    if (other.areaIndex !== place.areaIndex || other.kind !== place.kind || moving.has(criterion)) continue;
    if (criterion.item.span.start >= section.start && criterion.item.span.start < section.end) neighbours.push({ index: other.index, criterion });
  }
  const before = neighbours.filter((n) => n.index < place.index).sort((a, b) => b.index - a.index)[0];
  if (before) return { offset: before.criterion.body.end, order, blocks };
  const after = neighbours.filter((n) => n.index > place.index).sort((a, b) => a.index - b.index)[0];
  if (after) return { offset: after.criterion.item.span.start, order, blocks };

  const placeholder = doc.parsed.paragraphs.find((p) => p.span.start >= section.start && p.span.end <= section.end && NOT_APPLICABLE.test(p.text));
  const othersInSection = doc.dd.criteria.some((c) => c.item.span.start >= section.start && c.item.span.start < section.end && !moving.has(c));
  if (placeholder && !othersInSection) return { offset: placeholder.span.start, replaces: placeholder.span, order, blocks };
  return { offset: lineEnd(doc, section.start), order, blocks };
}

/** A kind the area lacks: Suggested goes before the area's first kind heading, Required at the area's end. */
function missingKindInsertion(doc: GovDocument, kind: TemplateKind, kindHeadings: HeadingFact[], areaEnd: number, blocks: string[], order: number): Insertion {
  const depth = kindHeadings[0].depth;
  const heading = `${'#'.repeat(depth)} ${kindName(kind)}`;
  if (kind === 'suggested') return { offset: kindHeadings[0].span.start, headings: [heading], order, blocks };
  return { offset: areaEnd, headings: [heading], order, blocks };
}

/**
 * An area the DD lacks: before the next template area it has, else after the last criterion of
 * the areas before it (the template's "#### Adoption" notes follow the last area), else at the end.
 */
function newAreaInsertion(doc: GovDocument, comparison: TemplateComparison, place: TemplatePlace, blocks: string[], order: number): Insertion {
  const next = comparison.areaHeadings.slice(place.areaIndex + 1).find((heading) => heading !== undefined);
  const previousDepth = comparison.areaHeadings.find((heading) => heading !== undefined)?.depth ?? 2;
  const earlier = [...comparison.counterpart].filter(([other]) => other.areaIndex < place.areaIndex).map(([, criterion]) => criterion.body.end);
  const offset = next ? next.span.start : earlier.length ? Math.max(...earlier) : doc.text.length;
  const area = [`${'#'.repeat(previousDepth)} ${place.area.title}`, ...(place.area.note ? [place.area.note] : [])].join('\n\n');
  return { offset, headings: [area, `${'#'.repeat(previousDepth + 1)} ${kindName(place.kind)}`], order, blocks };
}

function nextHeadingStart(doc: GovDocument, from: number, stops: (heading: HeadingFact) => boolean): number {
  return doc.parsed.headings.find((h) => h.span.start >= from && stops(h))?.span.start ?? doc.text.length;
}

function lineEnd(doc: GovDocument, offset: number): number {
  const lines = doc.parsed.lines;
  return lines.lineEnd(lines.positionAt(offset).line);
}

/**
 * Turns insertions and removals into edits that do not overlap: insertions at one offset become one
 * text in the template's order, and an insertion that touches a removal joins it.
 */
function mergeEdits(text: string, insertions: Insertion[], removals: Span[]): SpanEdit[] {
  // The document's own line break: a CRLF file stays CRLF.
  const eol = lineBreakOf(text);
  // Template text is written with `\n`; a moved criterion keeps its own bytes.
  const ours = (block: string) => block.replace(/\n/g, eol);
  const byOffset = new Map<number, Insertion[]>();
  for (const insertion of insertions) byOffset.set(insertion.offset, [...(byOffset.get(insertion.offset) ?? []), insertion]);
  const edits: SpanEdit[] = [];
  for (const [offset, group] of byOffset) {
    group.sort((a, b) => a.order - b.order);
    const replaces = group.find((g) => g.replaces)?.replaces;
    const parts: string[] = [];
    const written = new Set<string>();
    for (const insertion of group) {
      for (const heading of insertion.headings ?? []) {
        if (!written.has(heading)) parts.push(ours(heading));
        written.add(heading);
      }
      parts.push(...insertion.blocks.map((block) => (insertion.moved ? block : ours(block))));
    }
    const body = parts.join(eol + eol);
    const span = replaces ?? { start: offset, end: offset };
    let newText: string;
    if (replaces) newText = body;
    else if (offset === text.length) newText = `${separatorBefore(text, offset, eol)}${body}${eol}`;
    else if (atLineEnd(text, offset)) newText = `${separatorBefore(text, offset, eol)}${body}`;
    else newText = `${separatorBefore(text, offset, eol)}${body}${eol}${eol}`;
    edits.push({ span, newText });
  }
  for (const removal of removals) edits.push({ span: removal, newText: '' });
  edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  const merged: SpanEdit[] = [];
  for (const edit of edits) {
    const last = merged[merged.length - 1];
    if (last && edit.span.start <= last.span.end) {
      const gap = text.slice(last.span.end, Math.max(last.span.end, edit.span.start));
      last.newText += gap + edit.newText;
      last.span = { start: last.span.start, end: Math.max(last.span.end, edit.span.end) };
    } else merged.push({ span: { ...edit.span }, newText: edit.newText });
  }
  return merged;
}

const LINE_BREAK_AT_END = /(?:\r\n|\r|\n)$/;
const BLANK_LINE_AT_END = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/;

/** At the end of a line that has text: the insertion starts a new line, and the line break after it stays. */
function atLineEnd(text: string, offset: number): boolean {
  return offset > 0 && (text[offset] === '\n' || text[offset] === '\r') && !LINE_BREAK_AT_END.test(text.slice(0, offset));
}

/** What must come before an inserted block so that a blank line separates it from the text above. */
function separatorBefore(text: string, offset: number, eol: string): string {
  if (offset === 0) return '';
  const before = text.slice(Math.max(0, offset - 8), offset);
  if (BLANK_LINE_AT_END.test(before)) return '';
  return LINE_BREAK_AT_END.test(before) ? eol : eol + eol;
}
