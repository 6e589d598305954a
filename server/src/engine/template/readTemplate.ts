import type { Span } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { ListItemFact } from '../parse/facts';
import type { TemplateArea, TemplateCriterion } from '../generate/ddCriteria';
import { buildDdModel, type Criterion } from '../model/dd';
import { parseDestination } from '../links/destination';

export interface ReadTemplateOptions {
  /**
   * The absolute URL for one of the template's relative links (`relativeLinksOf`), which would be
   * broken in a DD that lives elsewhere. The host decides, knowing which files exist: cncf/toc's
   * templates write `../toc_subprojects/…`, which from `operations/toc-templates/` names no file;
   * the file meant is `toc_subprojects/…` at the repository's root. Left as written when absent.
   */
  resolveLink?: (url: string) => string | undefined;
}

/** The relative link destinations of a template, for the host to resolve (`resolveLink`). */
export function relativeLinksOf(parsed: ParsedDocument): string[] {
  const urls = new Set<string>();
  for (const link of parsed.links) {
    const destination = parseDestination(link.url);
    if (destination.type === 'path' && !destination.bareDomain) urls.add(link.url);
  }
  return [...urls];
}

/**
 * A DD template read into the catalog's shape: areas, their note, Suggested and Required criteria
 * with the prompts, sub-criteria, evaluation marker and text the template puts with each. What it
 * reads is what a criterion inserted from it will hold.
 */
export function readDdTemplate(parsed: ParsedDocument, options: ReadTemplateOptions = {}): TemplateArea[] {
  const model = buildDdModel(parsed);
  const areas: TemplateArea[] = [];
  for (const area of model.areas) {
    const read: TemplateArea = { title: area.title, suggested: [], required: [] };
    const note = areaNote(parsed, area.heading.span.end, options);
    if (note) read.note = note;
    for (const criterion of area.criteria) {
      (criterion.kind === 'suggested' ? read.suggested : read.required).push(readCriterion(parsed, criterion, options));
    }
    areas.push(read);
  }
  return areas;
}

/** The paragraph between an area heading and the next heading ("Note: this section may be augmented …"). */
function areaNote(parsed: ParsedDocument, from: number, options: ReadTemplateOptions): string | undefined {
  const next = parsed.headings.find((heading) => heading.span.start >= from)?.span.start ?? parsed.text.length;
  const paragraph = parsed.paragraphs.find((p) => p.span.start >= from && p.span.start < next);
  return paragraph ? source(parsed, paragraph.span, options) : undefined;
}

function readCriterion(parsed: ParsedDocument, criterion: Criterion, options: ReadTemplateOptions): TemplateCriterion {
  const strong = criterion.item.leadingStrong!;
  const read: TemplateCriterion = { title: source(parsed, { start: strong.span.start + 2, end: strong.span.end - 2 }, options) };
  const paragraphEnd = criterion.item.firstParagraph?.end ?? strong.span.end;
  const detail = source(parsed, { start: strong.span.end, end: paragraphEnd }, options);
  if (detail) read.detail = detail;

  const itemIndex = parsed.listItems.indexOf(criterion.item);
  const marker = criterion.evaluationMarkers[0];
  const prompts: string[] = [];
  const subCriteria: string[] = [];
  const notes: string[] = [];
  for (const item of parsed.listItems) {
    if (item.span.start <= criterion.item.span.start || item.span.start >= criterion.body.end) continue;
    const nested = item.parent === itemIndex;
    // Column-0 items after the criterion (the incubation template's "- Met during …") are its prompts too.
    const loose = item.parent === -1 && (!marker || item.span.start < marker.span.start);
    if (!nested && !loose) continue;
    const text = itemText(parsed, item, options);
    if (item.checked !== null) subCriteria.push(text);
    else if (subCriteria.length > 0) notes.push(text);
    else prompts.push(text);
  }
  if (prompts.length) read.prompts = prompts;
  if (subCriteria.length) read.subCriteria = subCriteria;
  if (notes.length) read.notes = notes;

  if (!marker) read.marker = 'none';
  else if (/project assertion/i.test(marker.body)) read.marker = 'project';
  const afterFrom = marker?.span.end ?? criterion.item.span.end;
  const after = parsed.paragraphs.filter((p) => p.span.start >= afterFrom && p.span.start < criterion.body.end).map((p) => source(parsed, p.span, options));
  if (after.length) read.after = after.join('\n\n');
  return read;
}

function itemText(parsed: ParsedDocument, item: ListItemFact, options: ReadTemplateOptions): string {
  const start = item.checkbox?.end ?? item.marker.end;
  const end = item.firstParagraph?.end ?? item.span.end;
  return source(parsed, { start, end }, options);
}

/** The Markdown of a span on one line, with relative links made absolute. */
function source(parsed: ParsedDocument, span: Span, options: ReadTemplateOptions): string {
  const edits: { span: Span; text: string }[] = [];
  for (const link of parsed.links) {
    if (!link.destination || link.destination.start < span.start || link.destination.end > span.end) continue;
    const absolute = absoluteUrl(link.url, options);
    if (absolute) edits.push({ span: link.destination, text: absolute });
  }
  let text = '';
  let cursor = span.start;
  for (const edit of edits.sort((a, b) => a.span.start - b.span.start)) {
    text += parsed.text.slice(cursor, edit.span.start) + edit.text;
    cursor = edit.span.end;
  }
  text += parsed.text.slice(cursor, span.end);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function absoluteUrl(url: string, options: ReadTemplateOptions): string | undefined {
  const destination = parseDestination(url);
  if (destination.type !== 'path') return undefined;
  // `[Sandbox](sandbox.cncf.io)`: a domain without its scheme, a relative path to GitHub.
  if (destination.bareDomain) return `https://${url}`;
  return options.resolveLink?.(url);
}
