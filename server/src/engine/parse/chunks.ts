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
export function splitIntoChunks(text: string): Span[] {
  const chunks: Span[] = [];
  let chunkStart = 0;
  let offset = 0;
  let previousBlank = false;
  let openFence: { marker: string; length: number } | undefined;
  let htmlBlockEnd: RegExp | undefined;
  let chunkHasContent = false;

  if (/^(---|\+\+\+)[\r\n]/.test(text)) {
    const fence = text.slice(0, 3);
    const close = new RegExp(`[\\r\\n](?:${fence === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r\\n?|\\n|$)`, 'g');
    close.lastIndex = 3;
    const match = close.exec(text);
    if (match) {
      offset = match.index + match[0].length;
      chunks.push({ start: 0, end: offset });
      chunkStart = offset;
      previousBlank = true;
    }
  }

  while (offset < text.length) {
    const lineEnd = nextLineBreak(text, offset);
    const line = text.slice(offset, lineEnd);
    const blank = /^[ \t]*$/.test(line);

    if (openFence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === openFence.marker && close[1].length >= openFence.length) openFence = undefined;
    } else if (htmlBlockEnd) {
      if (htmlBlockEnd.test(line)) htmlBlockEnd = undefined;
    } else {
      if (previousBlank && !blank && !/^[ \t]/.test(line) && chunkHasContent) {
        chunks.push({ start: chunkStart, end: offset });
        chunkStart = offset;
        chunkHasContent = false;
      }
      const fence = /^[ \t]*(`{3,}|~{3,})([^\r\n]*)$/.exec(line);
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        openFence = { marker: fence[1][0], length: fence[1].length };
      } else {
        const end = htmlBlockEndFor(line);
        if (end && !end.test(line.replace(/^[ \t]*<[!?]?/, ''))) htmlBlockEnd = end;
      }
    }
    previousBlank = blank;
    chunkHasContent ||= !blank;
    offset = lineEnd + Math.max(1, lineBreakLength(text, lineEnd));
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
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
