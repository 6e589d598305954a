import type { UserPattern } from '../text/userPattern';
import type { Span } from '../types';
import { LineIndex } from '../text/lineIndex';
import { splitIntoChunks } from './chunks';
import { parseMarkdown } from './markdown';
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
  /** Parts of the text that were not checked, and why (nesting too deep to parse in time). */
  readonly skipped: readonly { span: Span; reason: string }[];
  /** How many chunks this parse had to parse rather than take from the cache. */
  readonly chunksParsed: number;
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
    const chunks = splitIntoChunks(text);
    const labels = definitionLabels(text);
    const foldedLabels: DefinitionLabels = { labels, folded: labels.map((label) => foldLabel(label).trim()) };
    const normalizedLabels = scanner ? new Set(labels.map(scanner.normalize)) : undefined;
    const document: DocumentUnderConstruction = { text, chunks, ...emptyScan(), skipped: [], chunksParsed: 0 };
    for (const chunk of chunks) {
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
    const tooDeep = excessiveNesting(chunkText);
    if (tooDeep) return opaqueScan(chunkText, tooDeep);
    // Reference links resolve against definitions anywhere in the document: give each chunk the
    // document's labels after its own text, then drop whatever lies past the chunk.
    const source = appendix ? `${chunkText}\n\n${appendix}` : chunkText;
    let facts: ChunkFacts;
    try {
      facts = clipFacts(extractFacts(parseMarkdown(source), source), chunkText.length);
    } catch (error) {
      return opaqueScan(chunkText, `could not be parsed (${(error as Error).message})`);
    }
    return {
      ...facts,
      todos: findTodos(chunkText, facts.nonProse),
      placeholders: findPlaceholders(chunkText, facts.nonProse, facts.listItems, facts.links, this.extraPlaceholderPatterns),
      mentions: findMentions(chunkText, facts.nonProse),
      malformedCheckboxes: findMalformedCheckboxes(chunkText, facts.nonProse),
      unrenderedLinks: findUnrenderedLinks(chunkText, facts.nonProse, facts.links, facts.inlineCode),
      unresolvedReferences: findUnresolvedReferences(chunkText, facts.nonProse, facts.links),
    };
  }
}

/** Deeper than this, remark's parse time grows steeply (200 levels: half a second a chunk) and no real document goes. */
const MAX_NESTING_COLUMNS = 64;
const MAX_QUOTE_DEPTH = 32;

function excessiveNesting(text: string): string | undefined {
  for (const prefix of text.matchAll(/^[ \t>]{64,}/gm)) {
    const quotes = prefix[0].split('>').length - 1;
    if (quotes > MAX_QUOTE_DEPTH) return `block quotes nest more than ${MAX_QUOTE_DEPTH} levels deep`;
    if (prefix[0].replace(/\t/g, '    ').length > MAX_NESTING_COLUMNS && quotes === 0) return `lists nest more than ${MAX_NESTING_COLUMNS} columns deep`;
  }
  return undefined;
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
 * The document's definitions a chunk may use: only labels whose text appears in the chunk can
 * resolve a reference there (labels match ignoring case and runs of white space), so a chunk
 * without any is parsed, and cached, without an appendix — parsing every definition again with
 * every chunk tripled the parse time of definition-heavy documents.
 */
function definitionsAppendix(chunkText: string, labels: DefinitionLabels): string {
  if (labels.labels.length === 0 || !chunkText.includes(']')) return '';
  const chunk = foldLabel(chunkText);
  return labels.labels.filter((_, i) => chunk.includes(labels.folded[i])).map((label) => `[${label}]: #`).join('\n');
}

/** The document's definition labels, each also folded once per parse (not once per chunk). */
interface DefinitionLabels {
  labels: readonly string[];
  folded: readonly string[];
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
