import type { UserPattern } from '../text/userPattern';
import type { Span } from '../types';
import { LineIndex } from '../text/lineIndex';
import { splitIntoChunks } from './chunks';
import { parseMarkdown } from './markdown';
import { documentTooLarge, MAX_CHUNKS, MAX_DOCUMENT_LENGTH, unparsableReason } from './limits';
import { emptyChunkFacts, extractFacts, type ChunkFacts, type HeadingFact, type HtmlAnchorFact, type ListItemFact, type HtmlCommentFact, type LinkFact, type DefinitionFact, type ParagraphFact } from './facts';
import { findTodos, type Todo } from '../model/todos';
import { findPlaceholders, type Placeholder } from '../model/placeholders';
import { findMentions, type Mention } from '../model/mentions';
import { findMalformedCheckboxes, type MalformedCheckbox } from '../model/checkboxes';
import { findUnrenderedLinks, findUnresolvedReferences, type UnrenderedLink, type UnresolvedReference } from '../model/unrenderedLinks';

/** Everything found in one chunk; spans relative to the chunk's start. */
interface ChunkScan extends ChunkFacts {
  /** Set when the chunk was not parsed: its text is left out of every check. */
  skipped?: string;
  todos: Todo[];
  placeholders: Placeholder[];
  mentions: Mention[];
  malformedCheckboxes: MalformedCheckbox[];
  unrenderedLinks: UnrenderedLink[];
  unresolvedReferences: UnresolvedReference[];
}

/** Everything found in one document; spans are offsets into `text`. */
export interface ParsedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly Span[];
  readonly headings: readonly HeadingFact[];
  readonly listItems: readonly ListItemFact[];
  readonly htmlComments: readonly HtmlCommentFact[];
  readonly links: readonly LinkFact[];
  readonly definitions: readonly DefinitionFact[];
  readonly paragraphs: readonly ParagraphFact[];
  readonly nonProse: readonly Span[];
  readonly htmlAnchors: readonly HtmlAnchorFact[];
  readonly inlineCode: readonly Span[];
  readonly frontMatter?: ChunkFacts['frontMatter'];
  readonly todos: readonly Todo[];
  readonly placeholders: readonly Placeholder[];
  readonly mentions: readonly Mention[];
  readonly malformedCheckboxes: readonly MalformedCheckbox[];
  /** Text written as a link that does not render as one. */
  readonly unrenderedLinks: readonly UnrenderedLink[];
  /** `[text][label]` with no `[label]: url` anywhere in the document. */
  readonly unresolvedReferences: readonly UnresolvedReference[];
  /** Parts of the text that were not checked, and why (input the parser cannot take in bounded work). */
  readonly skipped: readonly SkippedPart[];
  /** How many chunks this parse had to parse rather than take from the cache. */
  readonly chunksParsed: number;
}

export interface SkippedPart {
  span: Span;
  reason: string;
  /** The whole document was left out (it is over the size limit). */
  wholeDocument?: true;
}

/** Reads a chunk's facts without the parser when it can do so exactly; undefined otherwise. */
export interface ChunkScanner {
  read(chunkText: string, labels: ReadonlySet<string>): ChunkFacts | undefined;
  /** How `read` expects the document's definition labels. */
  normalize(label: string): string;
}

const DEFINITION_LINE = /(?<![^\r\n])[ \t>]{0,8}\[((?:[^\]\\\r\n]|\\.){1,999})\]:[ \t]*\S/g;

/**
 * Parses documents chunk by chunk, keeping each chunk's scan by its text: after an edit only the
 * chunks whose text changed are parsed again. One parser may serve many documents.
 */
export class DocumentParser {
  private cache = new Map<string, ChunkScan>();

  constructor(
    private readonly extraPlaceholderPatterns: readonly UserPattern[] = [],
    private readonly maxCachedChunks = 50_000,
  ) {}

  /**
   * `scanner`, when given, may read a chunk's facts without the parser (the link rules' reading of
   * plain chunks, links/linkScan.ts); such a document holds only what that reading gives.
   */
  parse(text: string, scanner?: ChunkScanner): ParsedDocument {
    if (text.length > MAX_DOCUMENT_LENGTH) return uncheckedDocument(text, documentTooLarge(text.length));
    // A byte order mark that opens the text is not part of it (GitHub and editors drop it); one
    // anywhere else is a character like any other.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const chunks = splitIntoChunks(bom ? text.slice(1) : text).map((chunk) => shift(chunk, bom));
    const labels = definitionLabels(text);
    const foldedLabels = labelsByFold(labels);
    const normalizedLabels = scanner ? new Set(labels.map(scanner.normalize)) : undefined;
    const document: DocumentUnderConstruction = { text, chunks, ...emptyScan(), skipped: [], chunksParsed: 0 };
    if (chunks.length > MAX_CHUNKS) {
      const rest = { start: chunks[MAX_CHUNKS].start, end: text.length };
      document.skipped.push({ span: rest, reason: `the document has more than ${MAX_CHUNKS} blocks between blank lines before them` });
    }
    for (const chunk of chunks.slice(0, MAX_CHUNKS)) {
      const chunkText = text.slice(chunk.start, chunk.end);
      const quick = scanner && this.quickScan(chunkText, scanner, normalizedLabels!);
      if (quick) {
        appendScan(document, quick, chunk.start);
        continue;
      }
      const appendix = definitionsAppendix(chunkText, foldedLabels);
      const key = appendix ? `${chunkText}\u0000${appendix}` : chunkText;
      let scan = this.cache.get(key);
      if (!scan) {
        scan = this.scanChunk(chunkText, appendix);
        if (this.cache.size >= this.maxCachedChunks) this.cache.clear();
        this.cache.set(key, scan);
        document.chunksParsed++;
      }
      appendScan(document, scan, chunk.start);
    }
    if (chunks.length > MAX_CHUNKS) document.nonProse.push(document.skipped[document.skipped.length - 1].span);
    return Object.assign(document, { lines: new LineIndex(text) });
  }

  private quickScan(chunkText: string, scan: ChunkScanner, labels: ReadonlySet<string>): ChunkScan | undefined {
    const facts = scan.read(chunkText, labels);
    if (!facts) return undefined;
    return {
      ...emptyScan(),
      ...facts,
      unrenderedLinks: findUnrenderedLinks(chunkText, facts.nonProse, facts.links, facts.inlineCode),
      unresolvedReferences: findUnresolvedReferences(chunkText, facts.nonProse, facts.links),
    };
  }

  private scanChunk(chunkText: string, appendix: string): ChunkScan {
    const unparsable = unparsableReason(chunkText);
    if (unparsable) return opaqueScan(chunkText, unparsable);
    // Reference links resolve against definitions anywhere in the document: give each chunk the
    // document's labels after its own text, then drop whatever lies past the chunk.
    const source = appendix ? `${chunkText}\n\n${appendix}` : chunkText;
    try {
      const facts = clipFacts(extractFacts(parseMarkdown(source), source), chunkText.length);
      return {
        ...facts,
        todos: findTodos(chunkText, facts.nonProse),
        placeholders: findPlaceholders(chunkText, facts.nonProse, facts.listItems, facts.links, this.extraPlaceholderPatterns),
        mentions: findMentions(chunkText, facts.nonProse),
        malformedCheckboxes: findMalformedCheckboxes(chunkText, facts.nonProse),
        unrenderedLinks: findUnrenderedLinks(chunkText, facts.nonProse, facts.links, facts.inlineCode),
        unresolvedReferences: findUnresolvedReferences(chunkText, facts.nonProse, facts.links),
      };
    } catch (error) {
      // A chunk we cannot read is reported as not checked; the rest of the document still is.
      return opaqueScan(chunkText, `could not be parsed (${(error as Error).message})`);
    }
  }
}

/** A document left out of every check as a whole: nothing in it is read. */
export function uncheckedDocument(text: string, reason: string): ParsedDocument {
  const whole = { start: 0, end: text.length };
  return { text, lines: new LineIndex(text), chunks: [whole], ...emptyScan(), nonProse: [whole], skipped: [{ span: whole, reason, wholeDocument: true }], chunksParsed: 0 };
}

/** A chunk left out of every check: all of it counts as non-prose. */
function opaqueScan(text: string, reason: string): ChunkScan {
  return { ...emptyScan(), nonProse: [{ start: 0, end: text.length }], skipped: reason };
}

function emptyScan(): ChunkScan {
  return { ...emptyChunkFacts(), todos: [], placeholders: [], mentions: [], malformedCheckboxes: [], unrenderedLinks: [], unresolvedReferences: [] };
}

function definitionLabels(text: string): string[] {
  const labels = new Set<string>();
  DEFINITION_LINE.lastIndex = 0;
  for (let match; (match = DEFINITION_LINE.exec(text)); ) labels.add(match[1]);
  return [...labels].sort();
}

/**
 * The document's definitions a chunk may use: a reference names its label between brackets, so
 * only labels written as the text of a bracket pair in the chunk can resolve there (labels match
 * ignoring case and runs of white space). A chunk without any is parsed, and cached, without an
 * appendix — parsing every definition again with every chunk tripled the parse time of
 * definition-heavy documents — and each chunk is read once, not once per label.
 */
function definitionsAppendix(chunkText: string, labels: ReadonlyMap<string, readonly string[]>): string {
  if (labels.size === 0 || !chunkText.includes(']')) return '';
  const used = new Set<string>();
  for (const match of chunkText.matchAll(BRACKETED)) {
    for (const label of labels.get(foldLabel(match[1]).trim()) ?? []) used.add(label);
  }
  return [...used].sort().map((label) => `[${label}]: #`).join('\n');
}

/** The text between a `[` and the next `]`, with no bracket between them that is not escaped. */
const BRACKETED = /\[((?:[^[\]\\]|\\.){0,999})\]/g;

/** The document's definition labels by their folded form, each folded once per parse. */
function labelsByFold(labels: readonly string[]): Map<string, string[]> {
  const byFold = new Map<string, string[]>();
  for (const label of labels) {
    const fold = foldLabel(label).trim();
    const same = byFold.get(fold);
    if (same) same.push(label);
    else byFold.set(fold, [label]);
  }
  return byFold;
}

function foldLabel(text: string): string {
  return text.toLowerCase().toUpperCase().replace(/\s+/g, ' ');
}

function clipFacts(facts: ChunkFacts, length: number): ChunkFacts {
  const inside = (item: { span: Span }) => item.span.start < length;
  return {
    ...facts,
    definitions: facts.definitions.filter(inside),
    nonProse: facts.nonProse.filter((span) => span.start < length).map((span) => ({ start: span.start, end: Math.min(span.end, length) })),
  };
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

type DocumentUnderConstruction = {
  -readonly [K in Exclude<keyof ParsedDocument, 'lines' | 'frontMatter'>]: ParsedDocument[K] extends readonly (infer Item)[] ? Item[] : ParsedDocument[K];
} & { frontMatter?: ParsedDocument['frontMatter'] };

function appendScan(document: DocumentUnderConstruction, scan: ChunkScan, base: number): void {
  const itemBase = document.listItems.length;
  for (const heading of scan.headings) {
    document.headings.push({ ...heading, span: shift(heading.span, base), contentSpan: shift(heading.contentSpan, base) });
  }
  for (const item of scan.listItems) {
    const shifted: ListItemFact = {
      ...item,
      span: shift(item.span, base),
      marker: shift(item.marker, base),
      parent: item.parent === -1 ? -1 : item.parent + itemBase,
    };
    if (item.checkbox) shifted.checkbox = shift(item.checkbox, base);
    if (item.firstParagraph) shifted.firstParagraph = shift(item.firstParagraph, base);
    if (item.leadingStrong) shifted.leadingStrong = { text: item.leadingStrong.text, span: shift(item.leadingStrong.span, base) };
    document.listItems.push(shifted);
  }
  for (const comment of scan.htmlComments) document.htmlComments.push({ ...comment, span: shift(comment.span, base) });
  for (const link of scan.links) {
    const shifted: LinkFact = { ...link, span: shift(link.span, base) };
    if (link.destination) shifted.destination = shift(link.destination, base);
    if (link.textSpan) shifted.textSpan = shift(link.textSpan, base);
    document.links.push(shifted);
  }
  for (const definition of scan.definitions) {
    const shifted: DefinitionFact = { ...definition, span: shift(definition.span, base) };
    if (definition.destination) shifted.destination = shift(definition.destination, base);
    document.definitions.push(shifted);
  }
  for (const anchor of scan.htmlAnchors) document.htmlAnchors.push({ ...anchor, span: shift(anchor.span, base) });
  for (const code of scan.inlineCode) document.inlineCode.push(shift(code, base));
  for (const link of scan.unrenderedLinks) {
    document.unrenderedLinks.push({
      ...link,
      span: shift(link.span, base),
      edits: link.edits.map((edit) => ({ span: shift(edit.span, base), newText: edit.newText })),
    });
  }
  for (const reference of scan.unresolvedReferences) {
    document.unresolvedReferences.push({ ...reference, span: shift(reference.span, base), labelSpan: shift(reference.labelSpan, base) });
  }
  for (const paragraph of scan.paragraphs) {
    const shifted: ParagraphFact = { ...paragraph, span: shift(paragraph.span, base) };
    if (paragraph.firstStrong) shifted.firstStrong = { text: paragraph.firstStrong.text, span: shift(paragraph.firstStrong.span, base) };
    document.paragraphs.push(shifted);
  }
  for (const span of scan.nonProse) document.nonProse.push(shift(span, base));
  if (scan.skipped) document.skipped.push({ span: { start: base, end: base + (scan.nonProse[0]?.end ?? 0) }, reason: scan.skipped });
  if (scan.frontMatter) document.frontMatter = { ...scan.frontMatter, span: shift(scan.frontMatter.span, base) };
  for (const todo of scan.todos) {
    document.todos.push({ ...todo, span: shift(todo.span, base), lineSpan: shift(todo.lineSpan, base) });
  }
  for (const placeholder of scan.placeholders) {
    const shifted: Placeholder = { ...placeholder, span: shift(placeholder.span, base) };
    if (placeholder.wholeListItem) shifted.wholeListItem = shift(placeholder.wholeListItem, base);
    document.placeholders.push(shifted);
  }
  for (const mention of scan.mentions) document.mentions.push({ ...mention, span: shift(mention.span, base) });
  for (const box of scan.malformedCheckboxes) document.malformedCheckboxes.push({ ...box, span: shift(box.span, base) });
}
