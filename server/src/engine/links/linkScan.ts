import type { Span } from '../types';
import { splitLines } from '../text/lineIndex';
import { blankOut, SpanCover, anyStartsInside, lastAtOrBefore } from '../text/spans';
import { destinationAt, emptyChunkFacts, mergeSpans, type ChunkFacts, type DefinitionFact, type HeadingFact, type HtmlCommentFact, type LinkFact } from '../parse/facts';

/**
 * The link rules' facts of one chunk, read without the parser when the chunk is plain enough for
 * that to be exact: headings without inline markup, inline links, images, references, definitions,
 * `<scheme:…>` autolinks and HTML comments. It returns undefined — and the chunk is parsed — as
 * soon as the chunk holds anything whose reading depends on the rest of CommonMark: code, escapes,
 * entities, HTML, block quotes, setext headings, indented code, nested brackets, markup in
 * link text, bare URLs or e-mail addresses (GFM's autolink literals), footnotes.
 *
 * `labels` are the document's definition labels, normalized (see `normalizeLabel`).
 */
export function scanLinkChunk(text: string, labels: ReadonlySet<string>): ChunkFacts | undefined {
  const facts: ChunkFacts = emptyChunkFacts();
  const lines = splitLines(text);
  if (/^ {0,3}(`{3,}|~{3,})/.test(lines[0].text)) return fencedCode(text, lines, facts);
  // U+2028/U+2029 end no line, but `.` and `$` below would stop at them.
  if (/[\\\t\u2028\u2029]|&(?:#\w+|[a-z]\w*);|\[\^|~~~|```/i.test(text)) return undefined;
  const isList = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ ]|$)/.test(lines[0]?.text ?? '');
  // Comments, code spans and autolinks first: their text is not Markdown. Masked so nothing else reads it.
  const withoutComments = maskComments(text, lines, facts);
  if (withoutComments === undefined) return undefined;
  const withoutCode = maskCode(withoutComments, lines, facts);
  if (withoutCode === undefined) return undefined;
  // A code span that opened before a comment would have made the comment code.
  if (anyStartsInside(facts.htmlComments.map((comment) => comment.span.start), facts.inlineCode)) return undefined;
  const masked = maskAutolinks(withoutCode, facts);
  if (masked === undefined) return undefined;

  let paragraphStart = true;
  let afterBlank = false;
  let afterDefinition = false;
  for (const line of lines) {
    const content = masked.slice(line.start, line.start + line.text.length);
    if (/^ *$/.test(content)) {
      paragraphStart = afterBlank = true;
      afterDefinition = false;
      continue;
    }
    if (/^ *>/.test(content) || /^ {0,3}(?:(?:[-*_] *){3,}|=+ *|-+ *)$/.test(content)) return undefined;
    // Indented code: anywhere outside a list, after a blank line inside one.
    if ((!isList || afterBlank) && /^ {4,}/.test(content)) return undefined;
    // A definition's title may sit on the next line.
    if (afterDefinition && /^ *["'(]/.test(content)) return undefined;
    afterBlank = afterDefinition = false;
    const heading = /^( {0,3})(#{1,6})(?= |$)(.*)$/.exec(content);
    if (heading) {
      if (isList) return undefined;
      const fact = headingFact(line.start, heading);
      if (!fact) return undefined;
      facts.headings.push(fact);
      paragraphStart = true;
      continue;
    }
    if (/^ {0,3}\[[^\]]*\]:/.test(content)) {
      if (!paragraphStart || isList) return undefined;
      const definition = definitionFact(line.start, content);
      if (!definition) return undefined;
      facts.definitions.push(definition);
      facts.nonProse.push(definition.span);
      afterDefinition = true;
      continue;
    }
    paragraphStart = false;
    const before = facts.links.length;
    if (!scanInline(text, masked, line.start, content, labels, facts)) return undefined;
    literalAutolinks(content, line.start, facts.links.slice(before).map((link) => link.span), facts);
  }
  // What is left unread must not be an autolink literal (`https://…`, `www.…`, `a@b.io`).
  const rest = blankOut(masked, [...facts.nonProse, ...facts.links.map((link) => link.span)], ' ');
  if (/https?:|www\.|mailto:|xmpp:|[\w.+-]@[\w-]+\./i.test(rest)) return undefined;
  // A GFM table cuts its rows into cells at each `|` before reading them: what is read the same in
  // a cell as in a paragraph is what holds no `|` (a link, code span or URL that would be cut is
  // left to the parser), and a table row is never a definition.
  if (text.includes('|')) {
    if (facts.definitions.length > 0) return undefined;
    const read = [...facts.links.map((link) => link.span), ...facts.inlineCode, ...facts.htmlComments.map((comment) => comment.span)];
    if (read.some((span) => text.slice(span.start, span.end).includes('|'))) return undefined;
  }
  facts.nonProse = mergeSpans(facts.nonProse);
  facts.links.sort((a, b) => a.span.start - b.span.start);
  return facts;
}

/** CommonMark's label matching: case-folded, runs of white space as one space, trimmed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

interface Line {
  start: number;
  text: string;
}


/** Records HTML comments and `<scheme:…>` autolinks and blanks them out; undefined for any other HTML. */
/**
 * Records HTML comments and blanks them out (a comment that opens a line is an HTML block, which
 * takes the rest of its last line); undefined when text follows such a block on its line.
 */
function maskComments(text: string, lines: readonly Line[], facts: ChunkFacts): string | undefined {
  const covers: Span[] = [];
  const lineStarts = lines.map((line) => line.start);
  // The line an offset lies on, its end counted as on it.
  const lineHolding = (offset: number) => lines[Math.max(0, lastAtOrBefore(lineStarts, offset))];
  for (const match of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    const span = { start: match.index, end: match.index + match[0].length };
    facts.htmlComments.push({ span, body: match[1].trim() } satisfies HtmlCommentFact);
    const line = lineHolding(span.start);
    const opensLine = /^ {0,3}$/.test(text.slice(line.start, span.start));
    const lastLine = lineHolding(span.end);
    const covered = opensLine ? { start: span.start, end: lastLine.start + lastLine.text.length } : span;
    if (opensLine && /\S/.test(text.slice(span.end, covered.end))) return undefined;
    facts.nonProse.push(covered);
    covers.push(covered);
  }
  return blankOut(text, covers, '\u0001');
}

/**
 * Whether `]:` and blanks alone stand before `at` on its line. Read back over the blanks only: the
 * line up to each autolink, read whole, made a long line of autolinks quadratic.
 */
function afterDefinitionLabel(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === ':' && text[i - 1] === ']';
}

/** Records `<scheme:…>` and `<address@host>` autolinks and blanks them out; undefined for any other HTML. */
function maskAutolinks(masked: string, facts: ChunkFacts): string | undefined {
  const autolinks = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>\u0001\u0002]*)>|<([a-z0-9.!#$%&'*+/=?^_{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)>/gi;
  const read: Span[] = [];
  for (const match of masked.matchAll(autolinks)) {
    // `[a]: <scheme:…>` is a definition's destination written in brackets, not an autolink.
    if (afterDefinitionLabel(masked, match.index)) return undefined;
    const span = { start: match.index, end: match.index + match[0].length };
    const written = match[1] ?? match[2];
    const url = match[1] ?? `mailto:${match[2]}`;
    facts.links.push({ kind: 'autolink', span, url, text: written, destination: { start: span.start + 1, end: span.end - 1 } });
    facts.nonProse.push(span);
    read.push(span);
  }
  const result = blankOut(masked, read, '\u0001');
  return result.includes('<') ? undefined : result;
}

/** A chunk that is one fenced code block and blank lines: code, nothing else. */
function fencedCode(text: string, lines: readonly Line[], facts: ChunkFacts): ChunkFacts | undefined {
  const open = /^( {0,3})(`{3,}|~{3,})([^\n]*)$/.exec(lines[0].text)!;
  if (open[2][0] === '`' && open[3].includes('`')) return undefined;
  const closing = lines.findIndex((line, i) => {
    if (i === 0) return false;
    const close = /^ {0,3}(`{3,}|~{3,})[ ]*$/.exec(line.text);
    return close !== null && close[1][0] === open[2][0] && close[1].length >= open[2].length;
  });
  if (closing === -1 || lines.slice(closing + 1).some((line) => !/^[ ]*$/.test(line.text))) return undefined;
  const last = lines[closing];
  facts.nonProse.push({ start: open[1].length, end: last.start + last.text.length });
  return facts;
}

/**
 * Records inline code spans (backtick runs paired on one line) and blanks them out; undefined when
 * a span would need the parser: unpaired on its line, holding brackets or HTML.
 */
function maskCode(masked: string, lines: readonly Line[], facts: ChunkFacts): string | undefined {
  if (!masked.includes('`')) return masked;
  const spans: Span[] = [];
  for (const line of lines) {
    const content = masked.slice(line.start, line.start + line.text.length);
    const runs = [...content.matchAll(/`+/g)];
    for (let i = 0; i < runs.length; i++) {
      const close = runs.findIndex((run, j) => j > i && run[0].length === runs[i][0].length);
      if (close === -1) return undefined;
      const start = runs[i].index;
      const end = runs[close].index + runs[close][0].length;
      if (content.slice(start, end).includes('\u0001')) return undefined;
      const span = { start: line.start + start, end: line.start + end };
      facts.inlineCode.push(span);
      facts.nonProse.push(span);
      spans.push(span);
      i = close;
    }
  }
  return blankOut(masked, spans, '\u0002');
}

function headingFact(lineStart: number, match: RegExpExecArray): HeadingFact | undefined {
  const [, indent, hashes, rest] = match;
  const inner = rest.replace(/(?:^| +)#+ *$/, '');
  const leading = /^ */.exec(inner)![0].length;
  const content = inner.trim();
  if (/[[\]*~!<>\u0001\u0002]|:[a-z0-9_+-]+:|https?:|www\.|@/i.test(content) || mayBeEmphasis(content)) return undefined;
  const start = lineStart + indent.length;
  const contentStart = lineStart + indent.length + hashes.length + leading;
  const span = { start, end: lineStart + match[0].length };
  return {
    span,
    depth: hashes.length,
    text: content,
    contentSpan: content === '' ? span : { start: contentStart, end: contentStart + content.length },
    anchorText: content,
  };
}

function definitionFact(lineStart: number, content: string): DefinitionFact | undefined {
  const match = /^( {0,3})\[([^\]]+)\]: *(<[^<>\n]*>|[^\s<]+)(?: +("[^"]*"|'[^']*'|\([^()]*\)))? *$/.exec(content);
  if (!match || !/\S/.test(match[2]) || /[[\]]/.test(match[2])) return undefined;
  const [, indent, label, written] = match;
  const start = lineStart + indent.length;
  const end = lineStart + content.length;
  const destinationStart = lineStart + content.indexOf(written, indent.length + label.length + 3);
  const url = written.startsWith('<') ? written.slice(1, -1) : written;
  const destination = written.startsWith('<') ? { start: destinationStart + 1, end: destinationStart + written.length - 1 } : { start: destinationStart, end: destinationStart + written.length };
  return { span: { start, end }, identifier: normalizeLabel(label).toLowerCase(), label, url, destination };
}

/** Reads the links of one line; false when the line needs the parser. */
function scanInline(text: string, masked: string, lineStart: number, content: string, labels: ReadonlySet<string>, facts: ChunkFacts): boolean {
  let at = 0;
  // `- [ ] task`: GFM's checkbox, not a bracket.
  const box = /^ *(?:[-*+]|\d{1,9}[.)]) +\[[ xX]\](?= |$)/.exec(content);
  if (box) at = box[0].length;
  for (;;) {
    const open = content.indexOf('[', at);
    const stray = content.indexOf(']', at);
    if (stray !== -1 && (open === -1 || stray < open)) return false;
    if (open === -1) return true;
    const close = content.indexOf(']', open + 1);
    if (close === -1 || content.slice(open + 1, close).includes('[')) return false;
    const image = open > 0 && content[open - 1] === '!';
    const inner = content.slice(open + 1, close);
    if (/[*~!\u0001\u0002]/.test(inner) || mayBeEmphasis(inner)) return false;
    // In a link's text a URL is text; in brackets that stay text, GFM may still link it (later, without a position).
    const urlInside = /https?:|www\.|@|mailto:|xmpp:/i.test(inner);
    const start = lineStart + open - (image ? 1 : 0);
    const textSpan = { start: lineStart + open + 1, end: lineStart + close };
    const after = content[close + 1];
    if (after === '(') {
      const destination = destinationAt(masked, lineStart + close + 2, lineStart + content.length);
      if (!destination) return false;
      const parsed = inlineTail(content, close + 2, destination.start - lineStart, destination.end - lineStart);
      if (!parsed) return false;
      const bracketed = text[destination.start - 1] === '<';
      if (masked.slice(lineStart + close, lineStart + parsed.end).includes('\u0002')) return false;
      const url = text.slice(destination.start, destination.end);
      if (!bracketed && /[<>]/.test(url)) return false;
      const span = { start, end: lineStart + parsed.end };
      const link: LinkFact = { kind: image ? 'image' : 'inline', span, url, text: inner, destination, textSpan };
      facts.links.push(link);
      facts.nonProse.push({ start: lineStart + close, end: span.end });
      at = parsed.end;
      continue;
    }
    if (after === '[') {
      const labelClose = content.indexOf(']', close + 2);
      if (labelClose === -1) return false;
      const written = content.slice(close + 2, labelClose);
      if (written.includes('[') || written.includes('\u0002')) return false;
      const label = written === '' ? inner : written;
      if (labels.has(normalizeLabel(label))) {
        facts.links.push({ kind: 'reference', span: { start, end: lineStart + labelClose + 1 }, url: '', text: inner, identifier: normalizeLabel(label).toLowerCase(), textSpan });
      } else if (labels.has(normalizeLabel(inner)) || urlInside) {
        return false; // `[defined][undefined]`: CommonMark's fallbacks get subtle
      }
      at = labelClose + 1;
      continue;
    }
    if (labels.has(normalizeLabel(inner))) {
      facts.links.push({ kind: 'reference', span: { start, end: lineStart + close + 1 }, url: '', text: inner, identifier: normalizeLabel(inner).toLowerCase(), textSpan });
    } else if (image || urlInside) {
      return false;
    }
    at = close + 1;
  }
}

const TRAIL_PUNCTUATION = new Set([...'!"\')*,.:;?_~']);
const PATH_PUNCTUATION = new Set([...'!"&\')*,.:;<?]_~']);
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const WHITESPACE = /^\s$/;

/**
 * GFM's autolink literals (`https://…`, `www.…`) as micromark-extension-gfm-autolink-literal
 * reads them: where they may start, what a domain is, and which trailing punctuation is not part
 * of the URL. `\u0001` is masked HTML, which ends a URL as `<` does.
 */
function literalAutolinks(content: string, lineStart: number, taken: readonly Span[], facts: ChunkFacts): void {
  const candidates = /https?:\/\/|www\./gi;
  const inTaken = new SpanCover(taken.map((span) => ({ start: span.start - lineStart, end: span.end - lineStart })));
  for (let match; (match = candidates.exec(content)); ) {
    const at = match.index;
    if (inTaken.covers(at)) continue;
    const previous = content[at - 1];
    const www = match[0][0].toLowerCase() === 'w';
    if (www ? previous !== undefined && !/[\s(*_[\]~]/.test(previous) : previous !== undefined && /[A-Za-z]/.test(previous)) continue;
    const domainStart = www ? at : at + match[0].length;
    if (!www && (content[domainStart] === undefined || WHITESPACE.test(content[domainStart]) || PUNCTUATION.test(content[domainStart]) || content[domainStart] === '\u0001')) continue;
    const domainEnd = domainAt(content, domainStart);
    if (domainEnd === undefined) continue;
    const end = pathAt(content, domainEnd);
    const written = content.slice(at, end);
    const span = { start: lineStart + at, end: lineStart + end };
    facts.links.push({ kind: 'autolink', span, url: www ? `http://${written}` : written, text: written, destination: { ...span } });
    facts.nonProse.push(span);
    candidates.lastIndex = end;
  }
}

function domainAt(content: string, start: number): number | undefined {
  let at = start;
  let seen = false;
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  for (;;) {
    const char = content[at];
    if (char === '.' || char === '_') {
      if (isTrail(content, at)) break;
      if (char === '_') underscoreInLast = true;
      else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      at++;
      continue;
    }
    if (char === undefined || char === '\u0001' || WHITESPACE.test(char) || (char !== '-' && PUNCTUATION.test(char))) break;
    seen = true;
    at++;
  }
  return seen && !underscoreInLast && !underscoreInLastButOne ? at : undefined;
}

function pathAt(content: string, start: number): number {
  let at = start;
  let opened = 0;
  let closed = 0;
  for (;;) {
    const char = content[at];
    if (char === undefined || char === '\u0001' || WHITESPACE.test(char)) return at;
    if (char === '(') opened++;
    else if (char === ')' && closed < opened) closed++;
    else if (PATH_PUNCTUATION.has(char)) {
      if (isTrail(content, at)) return at;
      if (char === ')') closed++;
    }
    at++;
  }
}

/** Whether what follows is trailing punctuation up to the end of the URL: not part of it. */
function isTrail(content: string, start: number): boolean {
  let at = start;
  for (;;) {
    const char = content[at];
    if (char === undefined || char === '<' || char === '\u0001' || WHITESPACE.test(char)) return true;
    if (TRAIL_PUNCTUATION.has(char)) {
      at++;
    } else if (char === '&') {
      at++;
      if (!/[A-Za-z]/.test(content[at] ?? '')) return false;
      while (/[A-Za-z]/.test(content[at] ?? '')) at++;
      if (content[at] !== ';') return false;
      at++;
    } else if (char === ']') {
      at++;
      const next = content[at];
      if (next === undefined || next === '(' || next === '[' || WHITESPACE.test(next)) return true;
    } else {
      return false;
    }
  }
}

/** `_` between two letters or digits (`COMMUNITY_LADDER`) never starts or ends emphasis; any other may. */
function mayBeEmphasis(text: string): boolean {
  return /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u.test(text);
}

/** After the destination: an optional title, then `)`. Offsets in the line; undefined when it is not a link. */
function inlineTail(content: string, open: number, destinationStart: number, destinationEnd: number): { end: number } | undefined {
  const before = content.slice(open, destinationStart);
  if (!/^ *<?$/.test(before)) return undefined;
  let at = destinationEnd + (content[destinationStart - 1] === '<' ? 1 : 0);
  if (content[destinationStart - 1] === '<' && content[destinationEnd] !== '>') return undefined;
  const tail = /^(?: +("[^"]*"|'[^']*'|\([^()]*\)))? *\)/.exec(content.slice(at));
  if (!tail) return undefined;
  at += tail[0].length;
  return { end: at };
}

/** The link rules' reading of plain chunks, for `DocumentParser.parse(text, LINK_SCANNER)`. */
export const LINK_SCANNER = { read: scanLinkChunk, normalize: normalizeLabel };
