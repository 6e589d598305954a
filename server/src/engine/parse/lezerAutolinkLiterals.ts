import type { InlineContext, MarkdownConfig } from '@lezer/markdown';
import { isOpenBracket, partsOf } from './lezerParts';

/**
 * GFM autolink literals (`www.x.org`, `https://x.org`, `a@b.org`) found where and as far as
 * micromark-extension-gfm-autolink-literal finds them: a port of its state machines over the text.
 * lezer's own ends them differently (`…#roadmap)]`, `http://host/path` without a dot, `x.com[200+`).
 * Literals micromark leaves to remark-gfm's later pass over the text are found by that pass
 * (lezerMdast.ts runs it).
 */
export const AutolinkLiterals: MarkdownConfig = {
  parseInline: [
    {
      name: 'Autolink',
      parse(cx: InlineContext, next: number, pos: number): number {
        // Asked at every character of every inline text: what a character and the one before it
        // tell is asked first, and most characters are answered by it.
        const previous = pos > cx.offset ? cx.char(pos - 1) : null;
        const www = (next === 119 || next === 87) && previousWww(previous);
        const protocol = (next === 104 || next === 72) && !asciiAlpha(previous);
        const email = gfmAtext(next) && !(previous === 47 || gfmAtext(previous)) && nextAtSign(cx, pos) < cx.end;
        if (!www && !protocol && !email) return -1;
        // Inside a link's text no literal is made: asked before a literal is read, so that none is
        // read to its end only to be dropped (`[x http://a/http://a/…` read the rest of the line at each one).
        if (openLinkBefore(cx)) return -1;
        let end = www ? wwwEnd(cx, pos) : -1;
        if (end < 0 && protocol) end = protocolEnd(cx, pos);
        if (end < 0 && email) end = emailEnd(cx, pos);
        if (end < 0) return -1;
        return cx.addElement(cx.elt('URL', pos, end));
      },
    },
  ],
};

type At = InlineContext;

/** The inline text last asked whether a link is open, and what is known of its parts. */
let openLinkText: InlineContext | undefined;
/** No part below this opens a link. */
let noOpenerBelow = 0;
/** A part that opens a link, and where it was. */
let opener: unknown;
let openerAt = -1;

/**
 * `cx.hasOpenLink`, which reads back over every part of the text so far (a link made, a bracket, an
 * emphasis mark, a literal): asked at each literal, a line of 20,000 URLs took seconds, and a
 * paragraph of links `[x](#a) https://a.org` read back over every link made before. Parts are only
 * added at the end, and an opener is only replaced (by its link, or by nothing when it opens none),
 * so what was read stays known: the parts below the last "no" hold no opener, and the opener found
 * last still opens a link while it is there.
 */
function openLinkBefore(cx: InlineContext): boolean {
  const parts = partsOf(cx);
  if (cx !== openLinkText) {
    openLinkText = cx;
    noOpenerBelow = 0;
    opener = undefined;
  }
  if (opener !== undefined && parts[openerAt] === opener) return true;
  for (let i = parts.length - 1; i >= Math.min(noOpenerBelow, parts.length); i--) {
    if (isOpenBracket(parts[i])) {
      opener = parts[i];
      openerAt = i;
      return true;
    }
  }
  opener = undefined;
  noOpenerBelow = parts.length;
  return false;
}

/** The inline text last asked about and the offset of its next `@` (each word of it would otherwise scan to its end). */
let atSignText: InlineContext | undefined;
let atSignAt = -1;

function nextAtSign(cx: InlineContext, pos: number): number {
  if (cx !== atSignText || atSignAt < pos) {
    atSignText = cx;
    const index = cx.text.indexOf('@', pos - cx.offset);
    atSignAt = index < 0 ? Number.MAX_SAFE_INTEGER : index + cx.offset;
  }
  return atSignAt;
}

/** The character at `offset`, or null past the end of the inline text (micromark's end of file). */
function charAt(cx: InlineContext, offset: number): number | null {
  return offset < cx.end ? cx.char(offset) : null;
}

function asciiAlpha(code: number | null): boolean {
  return code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}

function asciiAlphanumeric(code: number | null): boolean {
  return code !== null && (asciiAlpha(code) || (code >= 48 && code <= 57));
}

function gfmAtext(code: number | null): boolean {
  return code === 43 || code === 45 || code === 46 || code === 95 || asciiAlphanumeric(code);
}

/** micromark-util-character: markdownLineEndingOrSpace or unicodeWhitespace. */
function whitespace(code: number | null): boolean {
  if (code === null) return false;
  // ASCII by its codes (`\s` there is tab to carriage return, and space): the expression is for the rest.
  if (code < 128) return code < 0 || code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(String.fromCodePoint(code));
}

function unicodePunctuation(code: number | null): boolean {
  if (code === null) return false;
  if (code < 128) return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
  return /[\p{P}\p{S}]/u.test(String.fromCodePoint(code));
}

function previousWww(code: number | null): boolean {
  return code === null || code === 40 || code === 42 || code === 95 || code === 91 || code === 93 || code === 126 || whitespace(code);
}

function wwwEnd(at: At, pos: number): number {
  for (let i = 0; i < 3; i++) if (charAt(at, pos + i) !== 119 && charAt(at, pos + i) !== 87) return -1;
  if (charAt(at, pos + 3) !== 46 || charAt(at, pos + 4) === null) return -1;
  const domain = domainEnd(at, pos);
  return domain < 0 ? -1 : pathEnd(at, domain);
}

function protocolEnd(at: At, pos: number): number {
  let p = pos;
  let protocol = '';
  while (asciiAlpha(charAt(at, p)) && protocol.length < 5) protocol += String.fromCharCode(charAt(at, p)!), p++;
  if (charAt(at, p) !== 58 || (protocol.toLowerCase() !== 'http' && protocol.toLowerCase() !== 'https')) return -1;
  if (charAt(at, p + 1) !== 47 || charAt(at, p + 2) !== 47) return -1;
  p += 3;
  const code = charAt(at, p);
  if (code === null || code < 32 || code === 127 || whitespace(code) || unicodePunctuation(code)) return -1;
  const domain = domainEnd(at, p);
  return domain < 0 ? -1 : pathEnd(at, domain);
}

function domainEnd(at: At, from: number): number {
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  let seen = false;
  let p = from;
  for (;;) {
    const code = charAt(at, p);
    if (code === 46 || code === 95) {
      if (trailAt(at, p)) break;
      if (code === 95) underscoreInLast = true;
      else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      p++;
      continue;
    }
    if (code === null || whitespace(code) || (code !== 45 && unicodePunctuation(code))) break;
    seen = true;
    p++;
  }
  return underscoreInLastButOne || underscoreInLast || !seen ? -1 : p;
}

const PATH_PUNCTUATION = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

function pathEnd(at: At, from: number): number {
  let open = 0;
  let close = 0;
  let p = from;
  for (;;) {
    const code = charAt(at, p);
    if (code === 40) {
      open++;
      p++;
      continue;
    }
    if (code === 41 && close < open) {
      close++;
      p++;
      continue;
    }
    if (code !== null && PATH_PUNCTUATION.has(code)) {
      if (trailAt(at, p)) return p;
      if (code === 41) close++;
      p++;
      continue;
    }
    if (code === null || whitespace(code)) return p;
    p++;
  }
}

const TRAIL_PUNCTUATION = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);

/** The inline text of the last `trailAt` that answered no, and the positions it read. */
let notTrailingText: InlineContext | undefined;
let notTrailingFrom = 0;
let notTrailingUntil = 0;

/**
 * Whether what starts at `from` is trailing punctuation that ends a literal rather than continues it.
 * Asked at each punctuation mark of a literal, and reading the whole run of them each time, it was
 * quadratic in the run (a literal of 100,000 dots; npm run fuzz). When the run does not end the
 * literal, no mark inside it starts a run that does: those answers are known.
 */
function trailAt(at: At, from: number): boolean {
  if (at === notTrailingText && from >= notTrailingFrom && from < notTrailingUntil) return false;
  const answer = trailingRunEnds(at, from);
  if (answer === true) return true;
  notTrailingText = at;
  notTrailingFrom = from;
  notTrailingUntil = answer;
  return false;
}

/** true when the run of trailing punctuation at `from` ends the literal; else where it was found not to. */
function trailingRunEnds(at: At, from: number): true | number {
  let p = from;
  for (;;) {
    let code = charAt(at, p);
    if (code !== null && TRAIL_PUNCTUATION.has(code)) {
      p++;
      continue;
    }
    if (code === 38) {
      p++;
      if (!asciiAlpha(charAt(at, p))) return p;
      while (asciiAlpha(charAt(at, p))) p++;
      if (charAt(at, p) !== 59) return p;
      p++;
      continue;
    }
    if (code === 93) {
      p++;
      code = charAt(at, p);
      if (code === null || code === 40 || code === 91 || whitespace(code)) return true;
      continue;
    }
    return code === 60 || code === null || whitespace(code) || p;
  }
}

function emailEnd(at: At, pos: number): number {
  let p = pos;
  while (gfmAtext(charAt(at, p))) p++;
  if (charAt(at, p) !== 64) return -1;
  p++;
  let data = false;
  let dot = false;
  for (;;) {
    const code = charAt(at, p);
    if (code === 46) {
      if (!asciiAlphanumeric(charAt(at, p + 1))) break;
      dot = true;
      p++;
      continue;
    }
    if (code === 45 || code === 95 || asciiAlphanumeric(code)) {
      data = true;
      p++;
      continue;
    }
    break;
  }
  return data && dot && asciiAlpha(charAt(at, p - 1)) ? p : -1;
}
