import type { Span } from '../types';
import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';
import type { ParsedDocument } from '../parse/document';
import { ByStart } from '../model/byStart';
import { SpanCover } from '../text/spans';
import { appendAll } from '../arrays';

/** Something a criterion's evaluation points to as evidence. */
export interface Citation {
  /** `section`: a pointer to evidence elsewhere in the DD ("see the previous criterion"). */
  kind: 'link' | 'file' | 'issue' | 'section';
  /** As written: the link's text, the file name, `#62` or `dragonflyoss/community#25`. */
  text: string;
  /** Where a link leads. */
  url?: string;
  span: Span;
}

/** "See the previous criteria evaluation", "as above", "refer to the Adoption portion of this document". */
const SECTION_REFERENCE = /\b((?:see|refer to|as (?:described|noted|stated|listed))\s+(?:the\s+)?(?:previous|above|below|preceding|following|earlier)\b[^.\n]{0,80}|(?:see|refer to) the [\w -]{1,40} (?:portion|section|part) of this document)/gi;
const ISSUE_NUMBER = /#\d+\b/g;
/** The `owner/repo` right before an issue number, read backwards from a bounded slice (linear). */
const REPOSITORY_BEFORE = /(?:^|[^\w/.-])([A-Za-z0-9][\w.-]{0,38}\/[\w.-]{1,100})$/;
const FILE_NAME = /(?<![\w/.@-])((?:[\w.-]+\/)*[\w-][\w.-]*\.(?:md|markdown|txt|ya?ml|json|toml|pdf|adoc|rst))\b/gi;
/** Files without an extension that projects cite by name, in capitals as they are written. */
const BARE_FILE = /(?<![\w/.-])((?:\.github\/)?(?:CODEOWNERS|OWNERS|OWNERS_ALIASES|MAINTAINERS|GOVERNANCE|SECURITY|CONTRIBUTING|ADOPTERS|ROADMAP|RELEASES|CHANGELOG))(?![\w-])/g;

/**
 * What a criterion's evaluation cites: links (inline, autolinks, bare URLs, references, images such
 * as badges), file names (`COMMUNITY_LADDER.md`, `CODEOWNERS`), issue or PR references (`#62`,
 * `owner/repo#25`) and pointers to evidence elsewhere in the DD ("see the previous criterion"). The evaluation is the criterion's body without its own title paragraph, its
 * open sub-criteria, HTML comments (the template's markers) and prompts still holding a blank:
 * what the template wrote is not evidence, what the reviewer or project wrote is.
 */
/**
 * Whether the evaluation says the criterion does not apply ("N/A", "Not applicable"): there is
 * nothing to cite then.
 */
export function saysNotApplicable(doc: GovDocument, criterion: Criterion): boolean {
  const excluded = excludedSpans(doc, criterion);
  const text = doc.parsed.text;
  let words = '';
  let cursor = criterion.body.start;
  for (const span of [...excluded].sort((a, b) => a.start - b.start)) {
    if (span.start > cursor) words += ` ${text.slice(cursor, Math.min(span.start, criterion.body.end))}`;
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < criterion.body.end) words += ` ${text.slice(cursor, criterion.body.end)}`;
  return /^\W*(?:n\/?a|not applicable|none|no subprojects?)\W*$/i.test(words.replace(/[*_`>\s-]+/g, ' ').trim());
}

export function citationsOf(doc: GovDocument, criterion: Criterion): Citation[] {
  return [...citationsIn(doc, criterion)].sort((a, b) => a.span.start - b.span.start);
}

/** Whether the evaluation cites anything: read only up to the first citation. */
export function citesAnything(doc: GovDocument, criterion: Criterion): boolean {
  return !citationsIn(doc, criterion).next().done;
}

/** The citations of `citationsOf`, links first, then issue references, then each pattern's. */
function* citationsIn(doc: GovDocument, criterion: Criterion): Generator<Citation> {
  const parsed = doc.parsed;
  const index = indexOf(parsed);
  const excluded = new SpanCover(excludedSpans(doc, criterion));
  const inEvaluation = (span: Span) => span.start >= criterion.body.start && span.start < criterion.body.end && !excluded.covers(span.start);
  const citations: Citation[] = [];
  const linkSpans: Span[] = [];
  for (const link of index.links.within(criterion.body)) {
    if (!inEvaluation(link.span)) continue;
    const url = link.kind === 'reference' ? index.definitionUrls.get(link.identifier ?? '') : link.url;
    if (!url) continue;
    linkSpans.push(link.span);
    const citation: Citation = { kind: 'link', text: link.text || url, url, span: link.span };
    citations.push(citation);
    yield citation;
  }
  const inLinks = new SpanCover(linkSpans);
  const insideLink = (offset: number) => inLinks.covers(offset);
  const text = parsed.text;
  for (const reference of issueReferences(text, criterion.body)) {
    if (!inEvaluation(reference.span) || insideLink(reference.span.start)) continue;
    citations.push(reference);
    yield reference;
  }
  const body = text.slice(criterion.body.start, criterion.body.end);
  for (const [pattern, kind] of [[FILE_NAME, 'file'], [BARE_FILE, 'file'], [SECTION_REFERENCE, 'section']] as const) {
    // A pattern's own matches never overlap, so what the earlier passes cited is all there is to avoid.
    const cited = new SpanCover(citations.map((citation) => citation.span));
    // Each pass reads the body in full before yielding: the patterns are shared, and a caller may stop at the first citation.
    const found: Citation[] = [];
    pattern.lastIndex = 0;
    for (let match; (match = pattern.exec(body)); ) {
      const start = criterion.body.start + match.index;
      const span = { start, end: start + match[1].length };
      if (!inEvaluation(span) || insideLink(start)) continue;
      if (cited.covers(start)) continue;
      found.push({ kind, text: match[1], span });
    }
    appendAll(citations, found);
    yield* found;
  }
}

/** `#62` and `owner/repo#25` in a span of the text; not `&#39;`, `abc#1` or `##`. */
function issueReferences(text: string, within: Span): Citation[] {
  const references: Citation[] = [];
  const body = text.slice(within.start, within.end);
  ISSUE_NUMBER.lastIndex = 0;
  for (let match; (match = ISSUE_NUMBER.exec(body)); ) {
    const before = body.slice(Math.max(0, match.index - 141), match.index);
    const repository = REPOSITORY_BEFORE.exec(before)?.[1];
    if (!repository && /[\w/#&-]$/.test(before)) continue;
    const start = within.start + match.index - (repository?.length ?? 0);
    const end = within.start + match.index + match[0].length;
    references.push({ kind: 'issue', text: text.slice(start, end), span: { start, end } });
  }
  return references;
}

/**
 * A citation as a reader names it: `dragonflyoss/community MAINTAINERS.md`, `dragonflyoss/community#62`,
 * `d7y.io/docs/next/`, or the text as written.
 */
export function citationLabel(citation: Citation): string {
  const url = citation.kind === 'link' ? citation.url : undefined;
  const match = url && /^https?:\/\/(?:www\.)?github\.com\/([^/?#\s]+)\/([^/?#\s]+)(?:\/(blob|tree|raw|blame)\/[^/?#\s]+\/([^?#\s]*)|\/(?:issues|pull|discussions)\/(\d+))?/i.exec(url);
  if (match) {
    const repository = `${match[1]}/${match[2]}`;
    if (match[5]) return `${repository}#${match[5]}`;
    return match[4] ? `${repository} ${match[4]}` : repository;
  }
  const text = url ? url.replace(/^[a-z]+:\/\/(www\.)?/i, '').replace(/^mailto:/i, '') : citation.text;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 50 ? `${oneLine.slice(0, 49)}…` : oneLine;
}

function excludedSpans(doc: GovDocument, criterion: Criterion): Span[] {
  const parsed = doc.parsed;
  const spans: Span[] = [{ start: criterion.item.span.start, end: criterion.item.firstParagraph?.end ?? criterion.titleSpan.end }];
  // A TODO asks for evidence; what it names is not evidence given.
  for (const todo of criterion.todos) spans.push(todo.lineSpan);
  for (const sub of criterion.subCriteria) if (!sub.checked) spans.push(sub.item.span);
  const index = indexOf(parsed);
  // Only a comment that reaches into the body can hide a part of it; comments never overlap, so
  // besides those starting in it, only the one just before it may.
  const before = index.htmlComments.lastBefore(criterion.body.start);
  if (before && before.span.end > criterion.body.start) spans.push(before.span);
  for (const comment of index.htmlComments.within(criterion.body)) spans.push(comment.span);
  for (const placeholder of index.placeholders.within(criterion.body)) {
    const line = parsed.lines.positionAt(placeholder.span.start).line;
    spans.push({ start: parsed.lines.lineStarts[line], end: parsed.lines.lineEnd(line) });
  }
  return spans;
}

interface DocumentIndex {
  links: ByStart<ParsedDocument['links'][number]>;
  htmlComments: ByStart<ParsedDocument['htmlComments'][number]>;
  placeholders: ByStart<ParsedDocument['placeholders'][number]>;
  /** A reference's destination: the first definition of its label, as CommonMark takes it. */
  definitionUrls: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<ParsedDocument, DocumentIndex>();

/** Built once per parsed document, so each criterion looks only at its own body, not the whole DD. */
function indexOf(parsed: ParsedDocument): DocumentIndex {
  let index = indexes.get(parsed);
  if (!index) {
    const definitionUrls = new Map<string, string>();
    for (const definition of parsed.definitions) if (!definitionUrls.has(definition.identifier)) definitionUrls.set(definition.identifier, definition.url);
    index = { links: new ByStart(parsed.links), htmlComments: new ByStart(parsed.htmlComments), placeholders: new ByStart(parsed.placeholders), definitionUrls };
    indexes.set(parsed, index);
  }
  return index;
}
