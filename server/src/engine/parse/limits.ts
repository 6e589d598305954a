/**
 * Input the parser cannot take in bounded time and stack, found before it reaches the parser.
 *
 * remark (micromark) is linear on the Markdown people write, but not on all Markdown: a line
 * costs more the more lists and block quotes are open around it, and recursion follows their
 * depth; each `]` and each closing emphasis mark looks back over everything before it in its
 * paragraph or table. A few KB of hostile text took minutes and ended in a stack overflow.
 * @lezer/markdown, which reads for the engine now (readFacts.ts), has no recursion but is not
 * linear on these shapes either (measured on the fuzz regressions: ten thousand unclosed `<!--`
 * in a paragraph, 4-24 s a chunk; lists and quotes nested 32+ deep, 179 KB in 73 s). Each
 * measure below is far beyond what real governance documents hold (no file of ../shared/corpus
 * comes near; see test/engine/limits.test.ts), and together they leave the parser work linear in
 * the document, with no chunk costing more than about a second.
 *
 * The measures read lines, not Markdown: fenced code is measured like any text (code nests and
 * brackets as little as prose does in real documents), so no fence the parser would close early
 * can hide text from them.
 */
import { lineBreakCount } from '../text/lineIndex';

/**
 * A larger document is not checked at all: parsing it would hold an editor up for many seconds.
 * The CLI does not read a larger file; the server gets open documents whole from the editor.
 */
export const MAX_DOCUMENT_LENGTH = 4 * 1024 * 1024;
/**
 * Chunks of one document past this many are not checked: each parse costs a fixed setup, and the
 * cache of parsed chunks must hold a whole document for a keystroke to re-parse one. Real
 * documents have at most a few hundred.
 */
export const MAX_CHUNKS = 5_000;
/** A chunk (text between two cut points, parsed at once) of more lines than this is not parsed. */
export const MAX_CHUNK_LINES = 5_000;
/** A chunk of more characters than this is not parsed. */
export const MAX_CHUNK_LENGTH = 512 * 1024;
/** Lists and block quotes nested deeper than this are not parsed. Real documents stop near 10. */
export const MAX_NESTING_DEPTH = 32;
/** Lines of one paragraph or table. */
export const MAX_PARAGRAPH_LINES = 2_000;
/**
 * Emphasis marks and brackets of one paragraph or table times its length, and how far back they
 * look for their openers in all (see InlineCost). The largest real ones (a 36 KB table with 467
 * marks and brackets, 71,444 characters of lookback) are a thirtieth and a fourteenth of these.
 */
export const MAX_INLINE_WORK = 500_000_000;
export const MAX_INLINE_LOOKBACK = 1_000_000;
/**
 * How far HTML comments, processing instructions, CDATA sections and declarations opened in a
 * paragraph scan ahead for their end, in all: each one left open scans to the paragraph's end
 * (`x <!--<!--<!--…`: 16 KB took 1.5 s, 200 KB minutes; found by npm run fuzz).
 */
export const MAX_HTML_SCAN = 5_000_000;
/** A run of `*`, `_` or `~` longer than this next to text would nest emphasis that deep. */
export const MAX_DELIMITER_RUN = 64;

/** Why a document of this size (characters or bytes) is not checked. */
export function documentTooLarge(size: number): string {
  return `the document is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB limit for a governance document`;
}

/** Why a chunk must not be parsed, or undefined when the parser takes it in bounded work. */
export function unparsableReason(chunk: string): string | undefined {
  const reason = unparsableLine(chunk);
  if (reason) return reason;
  // A chunk has at most one line more than it has characters.
  const lines = chunk.length < MAX_CHUNK_LINES ? 0 : lineCount(chunk);
  if (lines > MAX_CHUNK_LINES) return `${lines} lines without a blank line to cut them at are over the limit of ${MAX_CHUNK_LINES}`;
  if (chunk.length > MAX_CHUNK_LENGTH) return `a block of ${formatSize(chunk.length)} without a blank line to cut it at is over the ${formatSize(MAX_CHUNK_LENGTH)} limit`;
  return undefined;
}

/** The first line that nests too deep or makes its paragraph too costly to resolve. */
function unparsableLine(chunk: string): string | undefined {
  return withinBoundsAtAGlance(chunk) ? undefined : unparsableLineRead(chunk);
}

/** `unparsableLine`, read line by line and character by character (exported for the test that the glance agrees). */
export function unparsableLineRead(chunk: string): string | undefined {
  let paragraph = new InlineCost();
  // Lines end as CommonMark (and LSP) says: at \n, \r\n or a lone \r.
  for (const line of chunk.split(/\r\n?|\n/)) {
    if (/^[ \t]*$/.test(line)) {
      paragraph = new InlineCost();
      continue;
    }
    const nesting = nestingOf(line);
    if (nesting.depth > MAX_NESTING_DEPTH) {
      return nesting.quotes > nesting.depth / 2
        ? `block quotes nest more than ${MAX_NESTING_DEPTH} levels deep`
        : `lists nest more than ${MAX_NESTING_DEPTH} levels deep`;
    }
    // A list item or a heading starts a paragraph of its own; any other line may continue one.
    if (nesting.markers > 0 || /^[ \t>]*#/.test(line)) paragraph = new InlineCost();
    paragraph.add(line);
    if (paragraph.lines > MAX_PARAGRAPH_LINES) return `a paragraph or table of more than ${MAX_PARAGRAPH_LINES} lines`;
    if (paragraph.delimiters * paragraph.length > MAX_INLINE_WORK || paragraph.lookback > MAX_INLINE_LOOKBACK) {
      return `a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (${paragraph.delimiters} in its first ${formatSize(paragraph.length)})`;
    }
    if (paragraph.htmlScan > MAX_HTML_SCAN) {
      return `a paragraph holds more unclosed HTML comments (<!--) or declarations than the parser reads in bounded time (${paragraph.htmlOpened} in its first ${formatSize(paragraph.length)})`;
    }
    const run = longDelimiterRun(line);
    if (run) return `a run of ${run} emphasis marks`;
  }
  return undefined;
}

/**
 * Whether no line of the chunk can reach a limit `unparsableLine` checks, from counts over the whole
 * chunk — what most chunks are, read in one pass instead of character by character (InlineCost).
 * Each bound holds for every paragraph of the chunk: an offset in a paragraph is below the chunk's
 * length L, so each `]` or closing mark looks back less than L (lookback < marks × L), and each
 * character scanned past an open HTML construct costs at most the number of `<` (HTML scan < `<` × L). Nesting deeper than the limit
 * takes a container prefix of more columns than that, so at least nine characters (a tab is four).
 */
export function withinBoundsAtAGlance(chunk: string): boolean {
  const length = chunk.length;
  // No count can pass its length: in a short chunk none reaches a bound but the delimiter run's
  // and the nesting's, which the expressions below read without a loop of ours over every character.
  if (length < SHORT_CHUNK) return !(length > MAX_DELIMITER_RUN && LONG_DELIMITER_RUN_ANYWHERE.test(chunk)) && !DEEP_PREFIX.test(chunk);
  let marks = 0;
  let openers = 0;
  let lines = 1;
  for (let i = 0; i < length; i++) {
    const code = chunk.charCodeAt(i);
    // [ ] * _ ~
    if (code === 91 || code === 93 || code === 42 || code === 95 || code === 126) marks++;
    else if (code === 60) openers++;
    else if (code === 10 || code === 13) lines++;
  }
  if (lines > MAX_PARAGRAPH_LINES) return false;
  if (marks * (length + 1) > MAX_INLINE_LOOKBACK || marks * (length + 1) > MAX_INLINE_WORK) return false;
  if (openers * length > MAX_HTML_SCAN) return false;
  if (marks > MAX_DELIMITER_RUN && LONG_DELIMITER_RUN_ANYWHERE.test(chunk)) return false;
  return !DEEP_PREFIX.test(chunk);
}

/**
 * Below this length every count `withinBoundsAtAGlance` takes is within its bound whatever the
 * characters: lines and marks are at most the length, and the length squared is under the lookback bound.
 */
const SHORT_CHUNK = Math.min(MAX_PARAGRAPH_LINES, Math.floor(Math.sqrt(Math.min(MAX_INLINE_LOOKBACK, MAX_INLINE_WORK, MAX_HTML_SCAN))) - 1);

/** Nine characters a container prefix may be made of, at a line's start. */
const DEEP_PREFIX = /(?:^|[\r\n])[ \t>\-+*.)\d]{9}/;

/**
 * What resolving the emphasis marks and link brackets of one paragraph or table costs micromark,
 * read from the characters alone. Each pair it matches splices the paragraph's events (marks ×
 * length); each `]` and closing mark looks back to its opener, or to the paragraph's start when
 * there is none (lookback): nested pairs and closers without openers make that quadratic.
 * Openers are paired as a stack per mark, whitespace deciding what may open or close: close
 * enough to what micromark does to tell hostile text from any real document.
 */
class InlineCost {
  lines = 0;
  length = 0;
  delimiters = 0;
  lookback = 0;
  /** Characters HTML openers still open have scanned past, in all; and how many were opened. */
  htmlScan = 0;
  htmlOpened = 0;
  /** Open HTML constructs, by the text that ends them. */
  private readonly htmlOpen = new Map<string, number>();
  private readonly brackets: number[] = [];
  private readonly openers: Record<string, number[]> = { '*': [], _: [], '~': [] };

  add(line: string): void {
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      const at = this.length + i;
      this.scanHtml(line, i);
      if (char === '[') {
        this.delimiters++;
        this.brackets.push(at);
      } else if (char === ']') {
        this.delimiters++;
        this.lookback += at - (this.brackets.pop() ?? 0);
      } else if ((char === '*' || char === '_' || char === '~') && line[i - 1] !== char) {
        let end = i;
        while (line[end] === char) end++;
        const before = line[i - 1];
        const after = line[end];
        // An underscore inside a word (`snake_case`) can neither open nor close.
        if (char === '_' && isWordCharacter(before) && isWordCharacter(after)) continue;
        this.delimiters++;
        const canClose = before !== undefined && /\S/.test(before);
        const canOpen = after !== undefined && /\S/.test(after);
        const openers = this.openers[char];
        if (canClose && openers.length > 0) {
          this.lookback += at - openers.pop()!;
        } else {
          if (canClose) this.lookback += at;
          if (canOpen) openers.push(at);
        }
      }
    }
    this.lines++;
    this.length += line.length + 1;
  }

  /**
   * As micromark reads HTML in text: `<!--` scans ahead to `-->`, `<?` to `?>`, `<![CDATA[` to
   * `]]>`, `<!` and a letter to `>`. Each character read while such openers are open costs one per
   * opener (an opener inside a construct that does close is never tried: counting it too only
   * errs high); an end closes every opener of its kind.
   */
  private scanHtml(line: string, i: number): void {
    for (const [end, open] of this.htmlOpen) {
      if (line.startsWith(end, i - end.length + 1) && i - end.length + 1 >= 0) {
        this.htmlOpen.delete(end);
        continue;
      }
      this.htmlScan += open;
    }
    if (line[i] !== '<') return;
    const end = line.startsWith('<!--', i) ? '-->' : line.startsWith('<?', i) ? '?>' : line.startsWith('<![CDATA[', i) ? ']]>' : /^<![A-Za-z]/.test(line.slice(i, i + 3)) ? '>' : undefined;
    if (end === undefined) return;
    this.htmlOpened++;
    this.htmlOpen.set(end, (this.htmlOpen.get(end) ?? 0) + 1);
  }
}

export interface Nesting {
  /** At least as many containers as the line opens or continues. */
  depth: number;
  quotes: number;
  markers: number;
}

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+/;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * How deep a line sits in lists and block quotes, from its prefix of indentation, `>` and list
 * markers alone: a nested list item is indented at least two columns past its parent, so half the
 * prefix's width (a `>` counts whole) is never less than the real depth. Indentation with no
 * marker after it opens nothing and counts nothing.
 */
export function nestingOf(line: string): Nesting {
  const prefix = CONTAINER_PREFIX.exec(line);
  if (!prefix || THEMATIC_BREAK.test(line)) return { depth: 0, quotes: 0, markers: 0 };
  let columns = 0;
  let quotes = 0;
  let markers = 0;
  for (const char of prefix[0]) {
    columns += char === '\t' ? 4 - (columns % 4) : 1;
    if (char === '>') quotes++;
    else if (char === '-' || char === '+' || char === '*' || char === '.' || char === ')') markers++;
  }
  return { depth: quotes + Math.ceil((columns - quotes) / 2), quotes, markers };
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

const LONG_DELIMITER_RUN = new RegExp(`([*_~])\\1{${MAX_DELIMITER_RUN},}`, 'g');
const LONG_DELIMITER_RUN_ANYWHERE = new RegExp(`([*_~])\\1{${MAX_DELIMITER_RUN},}`);

/** The length of a `*`, `_` or `~` run longer than the limit that touches text, or 0. */
function longDelimiterRun(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  for (const match of line.matchAll(LONG_DELIMITER_RUN)) {
    const before = line[match.index - 1];
    const after = line[match.index + match[0].length];
    if ((before !== undefined && /\S/.test(before)) || (after !== undefined && /\S/.test(after))) return match[0].length;
  }
  return 0;
}

/** Lines up to the last that holds text. */
function lineCount(text: string): number {
  return lineBreakCount(text.trimEnd()) + 1;
}

function formatSize(length: number): string {
  return length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1)} MB` : `${Math.round(length / 1024)} KB`;
}
