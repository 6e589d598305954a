import type { Span } from '../types';
import type { LinkFact } from '../parse/facts';
import { overlapsAny } from './prose';
import { lineStartAt, nextLineBreak } from '../text/lineIndex';
import { repairSpaces } from '../links/destination';

export type UnrenderedLinkKind =
  /** `[text]https://…`: the parentheses around the destination are missing. */
  | 'missing-parentheses'
  /** `[text(https://…)`: the `]` is missing. */
  | 'missing-bracket'
  /** `[text] (https://…)`: a space between `]` and `(`. */
  | 'space-before-parenthesis'
  /** `` [`code](https://…) … ` ``: a backtick in the text pairs with one after `)` and swallows the link. */
  | 'backtick-in-text'
  /** `` `[text](https://…)` ``: the whole link is inline code. */
  | 'in-code'
  /** `` `[text]`(`https://…`) `` or `` `[text](``https://…)` ``: the link is cut across two code spans. */
  | 'split-code'
  /** `[text](https://a b)`: white space in the destination. */
  | 'space-in-url';

/** Markdown written as a link that GitHub renders as plain text. Spans relative to the text scanned. */
export interface UnrenderedLink {
  span: Span;
  kind: UnrenderedLinkKind;
  url: string;
  /** The edits that make it render as the link it was meant to be. */
  edits: { span: Span; newText: string }[];
}

/** `[text][label]` or `[label][]` whose label no definition names: GitHub shows the brackets. */
export interface UnresolvedReference {
  span: Span;
  label: string;
  labelSpan: Span;
}

const MISSING_PARENTHESES = /\[([^[\]\r\n]+)\](?=https?:\/\/|www\.)/g;
const MISSING_BRACKET = /\[([^[\]\r\n]*?)\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/g;
const SPACE_BEFORE_PARENTHESIS = /\[([^[\]\r\n]+)\]([ \t]+)\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/g;
const SPACE_IN_URL = /\[([^[\]\r\n]+)\]\((https?:\/\/[^)\r\n]*?)\)/g;
const CODE_IS_LINK = /^\[[^\]\r\n]+\]\(([^)\s]+)\)$/;
const CODE_STARTS_WITH_LINK_END = /^([^`\r\n]*?)\]\(([^)\s]+)\)/;
const REFERENCE = /!?\[((?:[^[\]\\\r\n]|\\.)*)\]\[((?:[^[\]\\\r\n]|\\.)*)\]/g;
const TASK_BOX = /^[ xX]$/;
/** Destinations that explain syntax rather than link anywhere: `[text](url)`, `[name](https://example.com)`. */
const EXAMPLE_DESTINATION = /^(?:url|link|path|href|target|\.\.\.|…)$|example\.|<|your-|\{|\$/i;

export function findUnrenderedLinks(text: string, nonProse: readonly Span[], links: readonly LinkFact[], inlineCode: readonly Span[]): UnrenderedLink[] {
  const found: UnrenderedLink[] = [];
  // Each kind is written with a `[` (most chunks have none: their check is this one search).
  if (!text.includes('[')) return found;
  const linkSpans = links.map((link) => link.span).sort((a, b) => a.start - b.start);
  /** The opening `[` is prose and not part of a link that did render. */
  const isLooseBracket = (at: number) => !overlapsAny({ start: at, end: at + 1 }, nonProse) && !overlapsAny({ start: at, end: at + 1 }, linkSpans);

  for (const match of text.matchAll(MISSING_PARENTHESES)) {
    if (TASK_BOX.test(match[1]) || !isLooseBracket(match.index)) continue;
    const urlStart = match.index + match[0].length;
    const autolink = links.find((link) => link.span.start === urlStart);
    const urlEnd = autolink ? autolink.span.end : urlStart + /^[^\s<]*[^\s<.,;:!?'")\]]/.exec(text.slice(urlStart))![0].length;
    found.push({
      span: { start: match.index, end: urlEnd },
      kind: 'missing-parentheses',
      url: text.slice(urlStart, urlEnd),
      edits: [{ span: { start: urlStart, end: urlStart }, newText: '(' }, { span: { start: urlEnd, end: urlEnd }, newText: ')' }],
    });
  }

  for (const match of text.matchAll(MISSING_BRACKET)) {
    if (!isLooseBracket(match.index)) continue;
    const end = match.index + match[0].length;
    // `[see the docs (https://…)]`: bracketed prose that closes later on the line is not a link.
    const restOfLine = text.slice(end, nextLineBreak(text, end));
    if (/^[^[]*\]/.test(restOfLine)) continue;
    const parenthesis = match.index + 1 + match[1].length;
    found.push({
      span: { start: match.index, end },
      kind: 'missing-bracket',
      url: match[2],
      edits: [{ span: { start: parenthesis, end: parenthesis }, newText: ']' }],
    });
  }

  for (const match of text.matchAll(SPACE_BEFORE_PARENTHESIS)) {
    if (TASK_BOX.test(match[1]) || !isLooseBracket(match.index)) continue;
    const gapStart = match.index + 1 + match[1].length + 1;
    found.push({
      span: { start: match.index, end: match.index + match[0].length },
      kind: 'space-before-parenthesis',
      url: match[3],
      edits: [{ span: { start: gapStart, end: gapStart + match[2].length }, newText: '' }],
    });
  }

  for (const match of text.matchAll(SPACE_IN_URL)) {
    const inside = withoutTitle(match[2]);
    if (!/\s/.test(inside.trim()) || !isLooseBracket(match.index)) continue;
    const urlStart = match.index + match[0].length - 1 - match[2].length;
    const leading = /^\s*/.exec(inside)![0].length;
    const url = inside.trim();
    found.push({
      span: { start: match.index, end: match.index + match[0].length },
      kind: 'space-in-url',
      url,
      edits: [{ span: { start: urlStart + leading, end: urlStart + leading + url.length }, newText: repairSpaces(url) }],
    });
  }

  const splitCodes = new Set<Span>();
  for (let i = 0; i + 1 < inlineCode.length; i++) {
    const [first, second] = [inlineCode[i], inlineCode[i + 1]];
    const between = text.slice(first.end, second.start);
    if (!/^[ \t]*[(]?$/.test(between)) continue;
    // `` `[text]`(`url`) ``: the parentheses may stand outside both spans.
    const close = between.trim() === '(' && text[second.end] === ')' ? ')' : '';
    const joined = `${codeContent(text, first)}${between.trim()}${codeContent(text, second)}${close}`;
    const link = CODE_IS_LINK.exec(joined);
    if (!link || EXAMPLE_DESTINATION.test(link[1])) continue;
    splitCodes.add(first).add(second);
    const span = { start: first.start, end: second.end + close.length };
    found.push({ span, kind: 'split-code', url: link[1], edits: [{ span, newText: joined }] });
  }

  const openBracketBefore = openBracketsBefore(text);
  for (const code of inlineCode) {
    if (splitCodes.has(code)) continue;
    const written = text.slice(code.start, code.end);
    const fence = /^`+/.exec(written)![0];
    const content = written.slice(fence.length, written.length - fence.length);
    const wholeLink = CODE_IS_LINK.exec(content.trim());
    if (wholeLink && !EXAMPLE_DESTINATION.test(wholeLink[1])) {
      found.push({ span: code, kind: 'in-code', url: wholeLink[1], edits: [{ span: code, newText: content.trim() }] });
      continue;
    }
    const swallowed = CODE_STARTS_WITH_LINK_END.exec(content);
    if (!swallowed || EXAMPLE_DESTINATION.test(swallowed[2])) continue;
    const open = openBracketBefore(code.start);
    if (open === -1 || !isLooseBracket(open)) continue;
    const bracket = code.start + fence.length + swallowed[1].length;
    found.push({
      span: { start: open, end: code.end },
      kind: 'backtick-in-text',
      url: swallowed[2],
      edits: [{ span: { start: bracket, end: bracket }, newText: fence }],
    });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * For offsets asked in ascending order: the `[` that the line holding the offset leaves open just
 * before it (the last bracket before it on that line, when that is a `[`), or -1. Each character is
 * read once: the line before each code span, read whole, made a line of thousands of
 * `` `](x)` `` quadratic.
 */
function openBracketsBefore(text: string): (offset: number) => number {
  let readTo = 0;
  let open = -1;
  return (offset) => {
    if (offset < readTo) {
      readTo = lineStartAt(text, offset - 1);
      open = -1;
    }
    for (; readTo < offset; readTo++) {
      const char = text[readTo];
      if (char === '[') open = readTo;
      else if (char === ']' || char === '\n' || char === '\r') open = -1;
    }
    return open;
  };
}

function codeContent(text: string, code: Span): string {
  const written = text.slice(code.start, code.end);
  const fence = /^`+/.exec(written)![0];
  return written.slice(fence.length, written.length - fence.length).trim();
}

export function findUnresolvedReferences(text: string, nonProse: readonly Span[], links: readonly LinkFact[]): UnresolvedReference[] {
  const found: UnresolvedReference[] = [];
  if (!text.includes('][')) return found;
  const linkSpans = links.map((link) => link.span).sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(REFERENCE)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (overlapsAny(span, nonProse) || overlapsAny(span, linkSpans)) continue;
    const collapsed = match[2] === '';
    const label = collapsed ? match[1] : match[2];
    if (label.trim() === '' || label.startsWith('^') || (collapsed && TASK_BOX.test(label))) continue;
    const labelStart = collapsed ? span.start + (match[0].startsWith('!') ? 2 : 1) : span.end - 1 - match[2].length;
    found.push({ span, label, labelSpan: { start: labelStart, end: labelStart + label.length } });
  }
  return found;
}

/**
 * A destination without its `"title"` or `'title'`: found from the end, each character looked at
 * once, where the pattern `[ \t]+"[^"]*"[ \t]*$` retried at every blank of a long run.
 */
function withoutTitle(destination: string): string {
  const end = beforeBlanks(destination, destination.length);
  const quote = destination[end - 1];
  if (end < 2 || (quote !== '"' && quote !== "'")) return destination;
  const open = destination.lastIndexOf(quote, end - 2);
  if (open < 1 || !isBlank(destination[open - 1])) return destination;
  return destination.slice(0, beforeBlanks(destination, open));
}

const isBlank = (character: string) => character === ' ' || character === '\t';

/** Where the blanks that end `text.slice(0, end)` begin. */
function beforeBlanks(text: string, end: number): number {
  while (end > 0 && isBlank(text[end - 1])) end--;
  return end;
}
