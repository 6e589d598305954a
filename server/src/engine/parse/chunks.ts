import type { Span } from '../types';
import { lineBreakLength, nextLineBreak } from '../text/lineIndex';

/**
 * Cuts a Markdown text into chunks that parse the same alone as in place.
 *
 * A cut falls before a non-indented line that follows a blank line, outside fenced code, multi-line
 * HTML blocks and front matter: no list item, block quote or paragraph continues across that point,
 * so an edit inside one chunk can never change how another chunk parses. The only document-wide
 * state left, link reference definitions, is handled by the caller.
 */
export function splitIntoChunks(text: string, previous?: EarlierVersion): Span[] {
  return (previous && splitAfterEdit(text, previous)) ?? cutFrom(text, frontMatterChunks(text));
}

/** An earlier version of a text, its chunks, and where it differs from the new one (`editBetween`). */
export interface EarlierVersion {
  text: string;
  chunks: readonly Span[];
  edit: Edit;
}

/** Where two versions of a text differ: the length of the start and of the end they share. */
export interface Edit {
  prefix: number;
  suffix: number;
}

export function editBetween(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/**
 * The chunks of a new version of a text, cut again only from the last cut before the edit to the
 * first cut after it that the earlier version had too. A cut is a point where the cutting starts
 * over in the same state whatever came before (no fence, HTML block or front matter open, after a
 * blank line): from one that the edit does not reach, the rest is cut as before, moved by the
 * edit's length. Typing in a large document cuts a few lines instead of the whole text.
 */
function splitAfterEdit(text: string, previous: EarlierVersion): Span[] | undefined {
  const { chunks, edit } = previous;
  const delta = text.length - previous.text.length;
  const editEnd = text.length - edit.suffix;
  // The first character of the line a cut is at must be unchanged, so the cut stands: strictly before the edit.
  let resume = -1;
  for (let i = chunks.length - 1; i > 0; i--) {
    if (chunks[i].start < edit.prefix) {
      resume = i;
      break;
    }
  }
  if (resume === -1) return undefined;
  const oldIndexAt = new Map<number, number>();
  for (let i = resume; i < chunks.length; i++) oldIndexAt.set(chunks[i].start, i);
  const before = chunks.slice(0, resume).map((chunk) => ({ ...chunk }));
  return cutFrom(text, { chunks: before, offset: chunks[resume].start }, (cut) => {
    if (cut < editEnd) return undefined;
    const index = oldIndexAt.get(cut - delta);
    return index === undefined ? undefined : chunks.slice(index).map((chunk) => ({ start: chunk.start + delta, end: chunk.end + delta }));
  });
}

/** Where cutting starts: after the front matter, when the text opens with one. */
function frontMatterChunks(text: string): { chunks: Span[]; offset: number } {
  if (/^(---|\+\+\+)[\r\n]/.test(text)) {
    const fence = text.slice(0, 3);
    const close = new RegExp(`[\\r\\n](?:${fence === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r\\n?|\\n|$)`, 'g');
    close.lastIndex = 3;
    const match = close.exec(text);
    if (match) {
      const offset = match.index + match[0].length;
      return { chunks: [{ start: 0, end: offset }], offset };
    }
  }
  return { chunks: [], offset: 0 };
}

/**
 * Cuts from `start.offset`, a point where cutting starts over (the text's start, or a cut). `rest`
 * is asked at each new cut for the chunks from there on, when they are known already.
 */
function cutFrom(text: string, start: { chunks: Span[]; offset: number }, rest?: (cut: number) => Span[] | undefined): Span[] {
  const chunks = start.chunks;
  let chunkStart = start.offset;
  let offset = start.offset;
  let previousBlank = start.offset > 0;
  let openFence: { code: number; length: number } | undefined;
  let htmlBlockEnd: RegExp | undefined;
  let chunkHasContent = false;

  while (offset < text.length) {
    const lineEnd = nextLineBreak(text, offset);
    // Most lines open with neither a fence nor HTML: what their first character rules out is not
    // searched for (a regular expression and a copy of every line of the workspace, before).
    let first = offset;
    while (first < lineEnd && isBlank(text.charCodeAt(first))) first++;
    const blank = first === lineEnd;
    const opening = text.charCodeAt(first);
    const line = () => text.slice(offset, lineEnd);

    if (openFence) {
      const close = opening === openFence.code ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line()) : null;
      if (close && close[1].length >= openFence.length) openFence = undefined;
    } else if (htmlBlockEnd) {
      if (htmlBlockEnd.test(line())) htmlBlockEnd = undefined;
    } else {
      if (previousBlank && !blank && first === offset && chunkHasContent) {
        chunks.push({ start: chunkStart, end: offset });
        const known = rest?.(offset);
        if (known) return [...chunks, ...known];
        chunkStart = offset;
        chunkHasContent = false;
      }
      const fence = opening === BACKTICK || opening === TILDE ? /^[ \t]*(`{3,}|~{3,})([^\r\n]*)$/.exec(line()) : null;
      if (fence && !(opening === BACKTICK && fence[2].includes('`'))) {
        openFence = { code: opening, length: fence[1].length };
      } else if (opening === LESS_THAN) {
        const whole = line();
        const end = htmlBlockEndFor(whole);
        if (end && !end.test(whole.replace(/^[ \t]*<[!?]?/, ''))) htmlBlockEnd = end;
      }
    }
    previousBlank = blank;
    chunkHasContent ||= !blank;
    offset = lineEnd + Math.max(1, lineBreakLength(text, lineEnd));
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

const BACKTICK = 0x60;
const TILDE = 0x7e;
const LESS_THAN = 0x3c;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The end condition of the CommonMark HTML block kinds (1–5) that may hold blank lines. */
function htmlBlockEndFor(line: string): RegExp | undefined {
  const start = line.replace(/^[ \t]*/, '');
  if (/^<(script|pre|style|textarea)(\s|>|$)/i.test(start)) return /<\/(script|pre|style|textarea)>/i;
  if (start.startsWith('<!--')) return /-->/;
  if (start.startsWith('<?')) return /\?>/;
  if (start.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(start)) return />/;
  return undefined;
}
