import type { UserPattern } from '../text/userPattern';
import type { Span } from '../types';
import { LineIndex, lineStartAt, nextLineBreak } from '../text/lineIndex';
import { lastAtOrBefore } from '../text/spans';
import { editBetween, splitIntoChunks, type Edit } from './chunks';
import { documentTooLarge, MAX_CHUNKS, MAX_DOCUMENT_LENGTH, unparsableReason } from './limits';
import { emptyChunkFacts, type ChunkFacts } from './facts';
import { readFacts } from './readFacts';
import { findTodos, type Todo } from '../model/todos';
import { findPlaceholders, type Placeholder } from '../model/placeholders';
import { findMentions, type Mention } from '../model/mentions';
import { findMalformedCheckboxes, type MalformedCheckbox } from '../model/checkboxes';
import { findUnrenderedLinks, findUnresolvedReferences, type UnrenderedLink, type UnresolvedReference } from '../model/unrenderedLinks';

/** What the rules read of one chunk besides the parser's facts, found the same way whoever read those. */
interface DerivedFacts {
  todos: Todo[];
  placeholders: Placeholder[];
  mentions: Mention[];
  malformedCheckboxes: MalformedCheckbox[];
  unrenderedLinks: UnrenderedLink[];
  unresolvedReferences: UnresolvedReference[];
}

/** Everything found in one chunk; spans relative to the chunk's start. */
interface ChunkScan extends ChunkFacts, DerivedFacts {
  /** Set when the chunk was not parsed: its text is left out of every check. */
  skipped?: string;
}

/**
 * Every fact a document lists, each read from each chunk and moved with it: one declaration, so a
 * new kind of fact is added here and nowhere else. Spans inside facts move by themselves (`moved`).
 */
export const LISTED_FACTS = [
  'headings', 'listItems', 'htmlComments', 'links', 'definitions', 'paragraphs', 'nonProse', 'htmlAnchors', 'inlineCode',
  'todos', 'placeholders', 'mentions', 'malformedCheckboxes', 'unrenderedLinks', 'unresolvedReferences',
] as const satisfies readonly (keyof ChunkScan)[];

/** The facts that only the full parse reads; a document read by the scanner has none of them. */
export const STRUCTURE_FACTS = ['listItems', 'paragraphs'] as const satisfies readonly (typeof LISTED_FACTS)[number][];

type ListedFacts = { readonly [K in (typeof LISTED_FACTS)[number]]: readonly ChunkScan[K][number][] };

/** Everything found in one document; spans are offsets into `text`. */
export interface ParsedDocument extends ListedFacts {
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly Span[];
  readonly frontMatter?: ChunkFacts['frontMatter'];
  /**
   * Whether list items and paragraphs were read (the full parse). A document read for its links,
   * anchors and prose only (`DocumentParser.parse` with a scanner) throws when they are asked for,
   * rather than answering "none".
   */
  readonly structured: boolean;
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

/**
 * Reads a chunk's facts without the parser when it can do so exactly; undefined otherwise. It reads
 * no list items or paragraphs: a document it helped read is not `structured`.
 */
export interface ChunkScanner {
  read(chunkText: string, labels: ReadonlySet<string>): ChunkFacts | undefined;
  /** How `read` expects the document's definition labels. */
  normalize(label: string): string;
}

/** A definition's opening, matched where a line starts (sticky). */
const DEFINITION_LINE = /[ \t>]{0,8}\[((?:[^\]\\\r\n]|\\.){1,999})\]:[ \t]*\S/y;

/**
 * An owner's latest parse, as its next version reuses it: the chunks the edit did not reach keep
 * their scans, and those before it their facts in place (the same objects, not copies).
 */
interface LatestVersion {
  parsed: ParsedDocument;
  bom: number;
  /** The chunks of the text after its byte order mark, as `splitIntoChunks` cut them. */
  bodyChunks: readonly Span[];
  /** The document's definition labels, one a line: a chunk's appendix is made from them. */
  labels: string;
  /** Each chunk's scan and its key in the cache. */
  scans: readonly ChunkScan[];
  keys: readonly string[];
  /** How many of each listed fact the document holds before each chunk (and at the end): a row of LISTED_FACTS.length per chunk. */
  factsBefore: Int32Array;
}

/** A chunk's scan, and how many documents' latest parses hold it. */
interface CachedScan {
  /** The key, a copy of the chunk's text: holding it keeps no document's whole text alive. */
  key: string;
  scan: ChunkScan;
  holders: number;
}

/**
 * Parses documents chunk by chunk, keeping each chunk's scan by its text: after an edit only the
 * chunks whose text changed are parsed again. One parser may serve many documents.
 *
 * A parse for a document (`owner`: an open one) holds the scans of its chunks until that
 * document's next parse, and no longer: typing makes a new version of the chunk being typed at
 * every keystroke, and the cache keeps only the latest, so memory stays flat however long the user
 * types. Scans no document holds (files read once, a cold run) are kept while their texts add up
 * to at most `maxUnheldCharacters`, the least recently used let go first: what they save is the
 * parse of a chunk met again (a template's paragraph in the next DD), and they are the most of
 * what a cold run keeps (39.5 of 194 MB live on 10,000 generated files, unbounded by size).
 */
export class DocumentParser {
  private readonly cache = new Map<string, CachedScan>();
  /** Each owner's chunk keys, as of its latest parse. */
  private readonly heldBy = new Map<string, ReadonlySet<string>>();
  /** Each owner's latest parse: its next one cuts, reads and moves only what the edit reached. */
  private readonly latest = new Map<string, LatestVersion>();
  /** The keys of the scans held by no document, least recently used first, and their length in all. */
  private readonly unheld = new Set<string>();
  private unheldCharacters = 0;

  constructor(
    private readonly extraPlaceholderPatterns: readonly UserPattern[] = [],
    private readonly maxUnheldCharacters = 1 << 20,
    /** Whether chunks are parsed in runs, one call each (`scanChunks`); off, each alone (tests compare the two). */
    private readonly batched = true,
  ) {}

  /** How many chunk scans are kept (for tests of the bound). */
  get cachedChunks(): number {
    return this.cache.size;
  }

  /**
   * `scanner`, when given, reads the chunks it can read exactly without the parser (links/linkScan.ts);
   * the others are parsed. Such a document holds every fact but list items and paragraphs.
   * `owner` names the document this text is the latest version of (its URI, say).
   */
  parse(text: string, scanner?: ChunkScanner, owner?: string): ParsedDocument {
    const keys = new Set<string>();
    // A scan keeps no per-chunk keys to reuse (its quick reads are not cached).
    const reuse = owner !== undefined && !scanner;
    try {
      const { parsed, version } = this.parseChunks(text, scanner, keys, reuse, reuse ? this.latest.get(owner) : undefined);
      if (reuse && version) this.latest.set(owner, version);
      else if (owner !== undefined) this.latest.delete(owner);
      return parsed;
    } finally {
      if (owner !== undefined) this.hold(owner, keys);
      this.evictUnheld();
    }
  }

  /** The owner's document was closed: its chunks are no longer held for it. */
  release(owner: string): void {
    this.hold(owner, new Set());
    this.heldBy.delete(owner);
    this.latest.delete(owner);
  }

  private hold(owner: string, keys: ReadonlySet<string>): void {
    const before = this.heldBy.get(owner);
    for (const key of keys) {
      if (before?.has(key)) continue;
      const entry = this.cache.get(key);
      if (entry && entry.holders++ === 0) this.forgetUnheld(key);
    }
    for (const key of before ?? []) {
      if (keys.has(key)) continue;
      const entry = this.cache.get(key);
      if (entry && --entry.holders === 0) this.cache.delete(key);
    }
    this.heldBy.set(owner, keys);
  }

  private noteUnheld(key: string): void {
    this.unheld.add(key);
    this.unheldCharacters += key.length;
  }

  private forgetUnheld(key: string): void {
    if (this.unheld.delete(key)) this.unheldCharacters -= key.length;
  }

  private evictUnheld(): void {
    for (const key of this.unheld) {
      if (this.unheldCharacters <= this.maxUnheldCharacters) return;
      this.forgetUnheld(key);
      this.cache.delete(key);
    }
  }

  private parseChunks(text: string, scanner: ChunkScanner | undefined, keys: Set<string>, keepVersion = false, earlier?: LatestVersion): { parsed: ParsedDocument; version?: LatestVersion } {
    if (text.length > MAX_DOCUMENT_LENGTH) return { parsed: uncheckedDocument(text, documentTooLarge(text.length)) };
    // A byte order mark that opens the text is not part of it (GitHub and editors drop it); one
    // anywhere else is a character like any other.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const edit = earlier && earlier.bom === bom ? editBetween(earlier.parsed.text, text) : undefined;
    const earlierBody = edit && earlier && { text: earlier.parsed.text.slice(bom), chunks: earlier.bodyChunks, edit: { prefix: edit.prefix - bom, suffix: edit.suffix } };
    const bodyChunks = splitIntoChunks(bom ? text.slice(1) : text, earlierBody);
    const chunks = bom ? bodyChunks.map((chunk) => shift(chunk, bom)) : bodyChunks;
    const labels = definitionLabels(text);
    const labelLines = labels.join('\n');
    const foldedLabels = labelsByFold(labels);
    const normalizedLabels = scanner ? new Set(labels.map(scanner.normalize)) : undefined;
    const document: DocumentUnderConstruction = { text, chunks, ...emptyScan(), skipped: [], chunksParsed: 0 };
    if (chunks.length > MAX_CHUNKS) {
      const rest = { start: chunks[MAX_CHUNKS].start, end: text.length };
      document.skipped.push({ span: rest, reason: `the document has more than ${MAX_CHUNKS} blocks between blank lines before them` });
    }
    // A chunk's appendix is made from the document's labels: when they changed, no scan is reused as is.
    const unchanged = earlier && edit && earlier.labels === labelLines && chunks.length <= MAX_CHUNKS
      ? unchangedChunks(earlier.parsed, chunks, edit)
      : undefined;
    // Chunks the scanner cannot read and the cache does not hold are parsed together, in runs of
    // one call each: each call to the parser combines its extensions anew, which cost as much as
    // the parse itself for the many short chunks of a document.
    const scans: ChunkScan[] = [];
    const chunkKeys: string[] = [];
    const toParse: PendingChunk[] = [];
    const pendingByKey = new Map<string, PendingChunk>();
    for (let index = 0; index < Math.min(chunks.length, MAX_CHUNKS); index++) {
      const chunk = chunks[index];
      const same = unchanged ? unchanged[index] : -1;
      if (same !== -1) {
        scans[index] = earlier!.scans[same];
        chunkKeys[index] = earlier!.keys[same];
        keys.add(chunkKeys[index]);
        continue;
      }
      const chunkText = text.slice(chunk.start, chunk.end);
      // What the parser would not take is not read by the scanner either: it is reported unchecked.
      const unparsableScanned = scanner ? unparsableReason(chunkText) : undefined;
      const quick = scanner && unparsableScanned === undefined && this.quickScan(chunkText, scanner, normalizedLabels!);
      if (quick) {
        scans[index] = quick;
        continue;
      }
      const appendix = definitionsAppendix(chunkText, foldedLabels);
      const key = appendix ? `${chunkText}\u0000${appendix}` : chunkText;
      const cached = this.cache.get(key);
      if (cached) {
        // Used again: the last to be let go.
        if (cached.holders === 0) {
          this.forgetUnheld(cached.key);
          this.noteUnheld(cached.key);
        }
        keys.add(cached.key);
        scans[index] = cached.scan;
        chunkKeys[index] = cached.key;
        continue;
      }
      const pending = pendingByKey.get(key);
      if (pending) {
        pending.alsoAt.push(index);
        continue;
      }
      // The key and the text parsed are copies: a slice would keep the whole document alive in
      // the cache after the document itself is gone (each keystroke's version, in an editor).
      const unparsable = scanner ? unparsableScanned : unparsableReason(chunkText);
      const fresh: PendingChunk = { index, text: detachedCopy(chunkText), appendix, unparsable, alsoAt: [] };
      pendingByKey.set(key, fresh);
      toParse.push(fresh);
    }
    for (const run of neighbourRuns(toParse, this.batched)) {
      const runScans = this.scanChunks(run);
      for (const [i, pending] of run.entries()) {
        const scan = runScans[i];
        const ownKey = pending.appendix ? `${pending.text}\u0000${pending.appendix}` : pending.text;
        this.cache.set(ownKey, { key: ownKey, scan, holders: 0 });
        this.noteUnheld(ownKey);
        keys.add(ownKey);
        document.chunksParsed++;
        for (const index of [pending.index, ...pending.alsoAt]) {
          scans[index] = scan;
          chunkKeys[index] = ownKey;
        }
      }
    }
    // The chunks before the edit hold the same facts at the same places: the earlier version's own.
    const kept = unchanged ? leadingInPlace(unchanged) : 0;
    const factCount = LISTED_FACTS.length;
    const factsBefore = new Int32Array(keepVersion ? (scans.length + 1) * factCount : 0);
    if (kept > 0) {
      const row = kept * factCount;
      for (let f = 0; f < factCount; f++) (document[LISTED_FACTS[f]] as unknown[]) = (earlier!.parsed[LISTED_FACTS[f]] as unknown[]).slice(0, earlier!.factsBefore[row + f]);
      factsBefore.set(earlier!.factsBefore.subarray(0, row + factCount));
      for (let index = 0; index < kept; index++) placeAside(document, scans[index], chunks[index].start);
    }
    for (let index = kept; index < scans.length; index++) {
      appendScan(document, scans[index], chunks[index].start);
      if (keepVersion) for (let f = 0; f < factCount; f++) factsBefore[(index + 1) * factCount + f] = document[LISTED_FACTS[f]].length;
    }
    if (chunks.length > MAX_CHUNKS) document.nonProse.push(document.skipped[document.skipped.length - 1].span);
    const lines = new LineIndex(text, edit && earlier ? { lines: earlier.parsed.lines, ...edit } : undefined);
    const parsed = Object.assign(document, { lines, structured: !scanner });
    if (scanner) for (const fact of STRUCTURE_FACTS) withheld(parsed, fact);
    const reusable = keepVersion && chunks.length <= MAX_CHUNKS;
    return { parsed, version: reusable ? { parsed, bom, bodyChunks, labels: labelLines, scans, keys: chunkKeys, factsBefore } : undefined };
  }

  private quickScan(chunkText: string, scan: ChunkScanner, labels: ReadonlySet<string>): ChunkScan | undefined {
    const facts = scan.read(chunkText, labels);
    return facts && withDerivedFacts(facts, this.derivedFacts(chunkText, facts));
  }

  /**
   * The scans of chunks, from one parse of their texts one after the other: a chunk starts where no
   * block of the text before it continues (chunks.ts), and every chunk but a document's last ends
   * with a blank line, so each chunk's facts are those it has parsed alone.
   */
  private scanChunks(run: readonly PendingChunk[]): ChunkScan[] {
    if (run.length === 1) return [this.scanChunk(run[0].text, run[0].appendix, run[0].unparsable)];
    const runText = run.map((pending) => pending.text).join('');
    const starts: number[] = [];
    for (let i = 0, offset = 0; i < run.length; offset += run[i].text.length, i++) starts.push(offset);
    let facts: ChunkFacts;
    try {
      facts = readFacts(runText, (offset) => starts[chunkIndexAt(starts, offset)]);
    } catch {
      // Each chunk alone, so that only the one that cannot be read is reported unchecked.
      return run.map((pending) => this.scanChunk(pending.text, pending.appendix, pending.unparsable));
    }
    return splitFacts(facts, starts).map((chunkFacts, i) => withDerivedFacts(chunkFacts, this.derivedFacts(run[i].text, chunkFacts)));
  }

  private scanChunk(chunkText: string, appendix: string, unparsable: string | undefined): ChunkScan {
    if (unparsable) return opaqueScan(chunkText, unparsable);
    // Reference links resolve against definitions anywhere in the document: give each chunk the
    // document's labels after its own text, then drop whatever lies past the chunk.
    const source = appendix ? `${chunkText}\n\n${appendix}` : chunkText;
    try {
      const facts = clipFacts(readFacts(source), chunkText.length);
      return withDerivedFacts(facts, this.derivedFacts(chunkText, facts));
    } catch (error) {
      // A chunk we cannot read is reported as not checked; the rest of the document still is.
      return opaqueScan(chunkText, `could not be parsed (${(error as Error).message})`);
    }
  }

  private derivedFacts(chunkText: string, facts: ChunkFacts): DerivedFacts {
    return {
      todos: findTodos(chunkText, facts.nonProse),
      placeholders: findPlaceholders(chunkText, facts.nonProse, facts.listItems, facts.links, this.extraPlaceholderPatterns),
      mentions: findMentions(chunkText, facts.nonProse),
      malformedCheckboxes: findMalformedCheckboxes(chunkText, facts.nonProse),
      unrenderedLinks: findUnrenderedLinks(chunkText, facts.nonProse, facts.links, facts.inlineCode),
      unresolvedReferences: findUnresolvedReferences(chunkText, facts.nonProse, facts.links),
    };
  }
}

/**
 * A chunk's scan, written out field by field: an object spread of the two (`{ ...facts, ...derived }`)
 * made objects V8 kept far larger, and so promoted out of the young generation — 390 MB of a
 * 10,000-file run's heap (`govmd check`, sampled with the heap profiler).
 */
function withDerivedFacts(facts: ChunkFacts, derived: DerivedFacts): ChunkScan {
  return {
    headings: facts.headings,
    listItems: facts.listItems,
    htmlComments: facts.htmlComments,
    links: facts.links,
    definitions: facts.definitions,
    paragraphs: facts.paragraphs,
    nonProse: facts.nonProse,
    htmlAnchors: facts.htmlAnchors,
    inlineCode: facts.inlineCode,
    frontMatter: facts.frontMatter,
    todos: derived.todos,
    placeholders: derived.placeholders,
    mentions: derived.mentions,
    malformedCheckboxes: derived.malformedCheckboxes,
    unrenderedLinks: derived.unrenderedLinks,
    unresolvedReferences: derived.unresolvedReferences,
  };
}

/** A fact the document was not read for: asking for it is a bug to see, not an empty answer. */
function withheld(document: object, fact: (typeof STRUCTURE_FACTS)[number]): void {
  Object.defineProperty(document, fact, {
    enumerable: false,
    get() {
      throw new Error(`${fact} were not read: this document was read for its links and prose only`);
    },
  });
}

/**
 * A copy of the text that shares no memory with the string it was cut from. V8 keeps a slice as a
 * view of its whole parent; a joined string is flattened into a buffer of its own when first read,
 * and a slice of that keeps only that buffer.
 */
function detachedCopy(text: string): string {
  const joined = `\u0000${text}`;
  joined.charCodeAt(1);
  return joined.slice(1);
}

/** A document left out of every check as a whole: nothing in it is read. */
export function uncheckedDocument(text: string, reason: string): ParsedDocument {
  const whole = { start: 0, end: text.length };
  return { text, lines: new LineIndex(text), chunks: [whole], ...emptyScan(), nonProse: [whole], skipped: [{ span: whole, reason, wholeDocument: true }], chunksParsed: 0, structured: true };
}

/** A chunk left out of every check: all of it counts as non-prose. */
function opaqueScan(text: string, reason: string): ChunkScan {
  return { ...emptyScan(), nonProse: [{ start: 0, end: text.length }], skipped: reason };
}

function emptyScan(): ChunkScan {
  return { ...emptyChunkFacts(), todos: [], placeholders: [], mentions: [], malformedCheckboxes: [], unrenderedLinks: [], unresolvedReferences: [] };
}

/**
 * The texts the parser is given for a document (the reader's differential test reads the same):
 * each chunk alone, and with the document's definitions it uses appended, as `scanChunk` parses it.
 */
export function chunkSources(text: string): string[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const labels = labelsByFold(definitionLabels(text));
  const sources: string[] = [];
  for (const chunk of splitIntoChunks(body)) {
    const chunkText = body.slice(chunk.start, chunk.end);
    sources.push(chunkText);
    const appendix = definitionsAppendix(chunkText, labels);
    if (appendix) sources.push(`${chunkText}\n\n${appendix}`);
  }
  return sources;
}

/**
 * The labels of the lines that open like a definition (`[label]: destination`). Every such line holds
 * `]:`, which few lines do: only those are matched, at their start (a whole-text pattern that looked
 * behind at every character was a tenth of a keystroke in a 42 KB DD).
 */
export function definitionLabels(text: string): string[] {
  const labels = new Set<string>();
  for (let at = text.indexOf(']:'); at !== -1; ) {
    DEFINITION_LINE.lastIndex = lineStartAt(text, at);
    const match = DEFINITION_LINE.exec(text);
    if (match) labels.add(match[1]);
    const lineEnd = nextLineBreak(text, at);
    at = lineEnd === text.length ? -1 : text.indexOf(']:', lineEnd);
  }
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

/** A chunk to parse: its index in the document, its own copy of its text, its definitions appendix. */
interface PendingChunk {
  index: number;
  text: string;
  appendix: string;
  /** Why the parser would not take it (`unparsableReason`), when it would not. */
  unparsable: string | undefined;
  /** Later chunks of the document with the same text and appendix: they get the same scan. */
  alsoAt: number[];
}

/**
 * The chunks in runs, in document order, none of them one the parser would refuse (that one is
 * reported alone) or one that needs definitions appended, no run longer than MAX_RUN_LENGTH.
 */
function neighbourRuns(chunks: readonly PendingChunk[], batched: boolean): PendingChunk[][] {
  const runs: PendingChunk[][] = [];
  let run: PendingChunk[] = [];
  let runLength = 0;
  for (const chunk of chunks) {
    // A chunk that uses the document's definitions is parsed alone with them (definitionsAppendix):
    // appended to a run, they met other chunks' definitions and continued each other differently.
    // One that opens with a front matter fence is read as front matter when it opens the text
    // parsed: it is parsed alone, so that it opens its own text and no run's.
    // So is one with a footnote (`[^1]`): a chunk alone knows only its own footnote definitions.
    const alone = !batched || chunk.appendix !== '' || FRONT_MATTER_FENCE.test(chunk.text) || chunk.text.includes('[^') || chunk.unparsable !== undefined;
    if (alone || runLength + chunk.text.length > MAX_RUN_LENGTH) {
      if (run.length > 0) runs.push(run);
      run = [];
      runLength = 0;
    }
    if (alone) {
      runs.push([chunk]);
      continue;
    }
    run.push(chunk);
    runLength += chunk.text.length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const FRONT_MATTER_FENCE = /^\ufeff?(?:---|\+\+\+)/;

/** Runs stay short enough that one parse never holds much more than a chunk's events at once. */
const MAX_RUN_LENGTH = 64 * 1024;

/**
 * One parse's facts cut at the chunks' starts (offsets into the parsed text, ascending, the first 0):
 * each fact goes to the chunk it starts in, moved to that chunk's offsets; spans of non-prose that
 * run over a cut are cut there, as each chunk parsed alone ends its own.
 */
function splitFacts(facts: ChunkFacts, starts: readonly number[]): ChunkFacts[] {
  const parts = starts.map(() => emptyChunkFacts());
  const chunkAt = (offset: number) => chunkIndexAt(starts, offset);
  const firstItem = starts.map(() => -1);
  for (const [index, item] of facts.listItems.entries()) {
    const chunk = chunkAt(item.span.start);
    if (firstItem[chunk] === -1) firstItem[chunk] = index;
    const copy = moved(item, -starts[chunk]);
    // A list item names its parent by index: in its own chunk's list.
    if (copy.parent !== -1) copy.parent -= firstItem[chunk];
    parts[chunk].listItems.push(copy);
  }
  for (const kind of ['headings', 'htmlComments', 'links', 'definitions', 'paragraphs', 'htmlAnchors'] as const) {
    for (const fact of facts[kind]) {
      const chunk = chunkAt(fact.span.start);
      (parts[chunk][kind] as unknown[]).push(moved(fact, -starts[chunk]));
    }
  }
  for (const span of facts.inlineCode) {
    const chunk = chunkAt(span.start);
    parts[chunk].inlineCode.push(moved(span, -starts[chunk]));
  }
  for (const span of facts.nonProse) {
    for (let chunk = chunkAt(span.start), start = span.start; ; chunk++) {
      const limit = starts[chunk + 1] ?? Infinity;
      parts[chunk].nonProse.push({ start: start - starts[chunk], end: Math.min(span.end, limit) - starts[chunk] });
      if (span.end <= limit) break;
      start = limit;
    }
  }
  if (facts.frontMatter) {
    const chunk = chunkAt(facts.frontMatter.span.start);
    parts[chunk].frontMatter = moved(facts.frontMatter, -starts[chunk]);
  }
  return parts;
}

/** The index of the chunk an offset is in, given the chunks' starts (ascending, the first 0). */
function chunkIndexAt(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(starts, offset));
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

type DocumentUnderConstruction = { -readonly [K in (typeof LISTED_FACTS)[number]]: ChunkScan[K] } & {
  text: string;
  chunks: Span[];
  frontMatter?: ParsedDocument['frontMatter'];
  skipped: SkippedPart[];
  chunksParsed: number;
};

/**
 * For each chunk of the new version, the index of the earlier version's chunk with the same text
 * (before the edit, at the same place; after it, moved by the edit's length), or -1 where the
 * edit reached.
 */
function unchangedChunks(earlier: ParsedDocument, chunks: readonly Span[], edit: Edit): Int32Array {
  const delta = chunks[chunks.length - 1].end - earlier.text.length;
  const editEnd = earlier.text.length + delta - edit.suffix;
  const afterEdit = new Map<number, number>();
  for (let index = earlier.chunks.length - 1; index >= 0 && earlier.chunks[index].start >= edit.prefix; index--) afterEdit.set(earlier.chunks[index].start + delta, index);
  const same = new Int32Array(chunks.length).fill(-1);
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (chunk.end <= edit.prefix) {
      const before = earlier.chunks[index];
      if (before?.start === chunk.start && before.end === chunk.end) same[index] = index;
    } else if (chunk.start >= editEnd) {
      const at = afterEdit.get(chunk.start);
      if (at !== undefined && earlier.chunks[at].end + delta === chunk.end) same[index] = at;
    }
  }
  return same;
}

/** How many chunks from the start are the earlier version's own, at the same places. */
function leadingInPlace(unchanged: Int32Array): number {
  let count = 0;
  while (count < unchanged.length && unchanged[count] === count) count++;
  return count;
}

/** What `appendScan` adds besides the listed facts: a skipped part, the front matter. */
function placeAside(document: DocumentUnderConstruction, scan: ChunkScan, base: number): void {
  if (scan.skipped) document.skipped.push({ span: { start: base, end: base + (scan.nonProse[0]?.end ?? 0) }, reason: scan.skipped });
  if (scan.frontMatter) document.frontMatter = moved(scan.frontMatter, base);
}

function appendScan(document: DocumentUnderConstruction, scan: ChunkScan, base: number): void {
  const itemBase = document.listItems.length;
  for (const fact of LISTED_FACTS) {
    const into = document[fact] as unknown[];
    for (const item of scan[fact]) into.push(moved(item, base));
  }
  // A list item names its parent by index: the index moves with the items before the chunk.
  for (let i = itemBase; i < document.listItems.length; i++) {
    const item = document.listItems[i];
    if (item.parent !== -1) item.parent += itemBase;
  }
  placeAside(document, scan, base);
}

/** A copy of a fact with every span in it (`{ start, end }`, however deep) moved by `by`. */
function moved<T>(fact: T, by: number): T {
  if (typeof fact !== 'object' || fact === null) return fact;
  if (Array.isArray(fact)) {
    const copy: unknown[] = [];
    for (let i = 0; i < fact.length; i++) copy.push(moved(fact[i], by));
    return copy as T;
  }
  const record = fact as Record<string, unknown>;
  // A span, the most of what is moved, is made in one piece (and with one shape for all).
  if (typeof record.start === 'number' && typeof record.end === 'number' && isSpanOnly(record)) return { start: record.start + by, end: record.end + by } as T;
  const copy: Record<string, unknown> = {};
  for (const key in record) copy[key] = moved(record[key], by);
  return copy as T;
}

function isSpanOnly(record: Record<string, unknown>): boolean {
  let keys = 0;
  for (const _ in record) if (++keys > 2) return false;
  return true;
}
