import type { Nodes, Parent, Root, ListItem, Paragraph } from 'mdast';
import type { Span } from '../types';

/**
 * What the rules need from one chunk of Markdown, with spans relative to the chunk.
 * Facts are extracted once per chunk text and cached, so a keystroke costs one chunk.
 */
export interface ChunkFacts {
  headings: HeadingFact[];
  listItems: ListItemFact[];
  htmlComments: HtmlCommentFact[];
  links: LinkFact[];
  definitions: DefinitionFact[];
  /** Paragraphs outside lists, with the plain text they render. */
  paragraphs: ParagraphFact[];
  /** Spans whose characters are not prose: code, HTML, URLs. Sorted by start. */
  nonProse: Span[];
  /** `id="…"` and `<a name="…">` in HTML outside code: anchors links may name. */
  htmlAnchors: HtmlAnchorFact[];
  /** Inline code spans, backticks included. */
  inlineCode: Span[];
  frontMatter?: { span: Span; value: string; format: 'yaml' | 'toml' };
}

export interface HeadingFact {
  span: Span;
  depth: number;
  text: string;
  /** The heading's text without the `#` markers. */
  contentSpan: Span;
  /**
   * The text GitHub makes the anchor from: what the rendered heading reads, so without HTML tags,
   * image alt text or `:emoji:` shortcodes (GitHub renders those as an emoji, which slugs drop).
   */
  anchorText: string;
}

export interface HtmlAnchorFact {
  span: Span;
  /** The value of the `id` or `name` attribute, as written. */
  id: string;
}

export interface ListItemFact {
  span: Span;
  /** Index of the enclosing list item in the same chunk, or -1. */
  parent: number;
  /** `true`/`false` for a task item, `null` otherwise. */
  checked: boolean | null;
  /** The `[ ]` / `[x]` characters of a task item. */
  checkbox?: Span;
  /** The bullet or number marker. */
  marker: Span;
  /** The first paragraph's span and rendered text. */
  firstParagraph?: Span;
  text: string;
  /** Bold text that opens the first paragraph (`**criterion**`), whitespace before it skipped. */
  leadingStrong?: { span: Span; text: string };
  inBlockquote: boolean;
}

export interface HtmlCommentFact {
  span: Span;
  /** Text between `<!--` and `-->`, trimmed. */
  body: string;
}

export interface LinkFact {
  kind: 'inline' | 'autolink' | 'reference' | 'image';
  span: Span;
  url: string;
  text: string;
  /** Reference links: the normalized label they use. */
  identifier?: string;
  /** The destination as written (inside `<…>` when bracketed); absent for reference links. */
  destination?: Span;
  /** The link text between the brackets (inline and reference links). */
  textSpan?: Span;
}

export interface DefinitionFact {
  span: Span;
  identifier: string;
  label: string;
  url: string;
  /** The destination as written (inside `<…>` when bracketed). */
  destination?: Span;
}

export interface ParagraphFact {
  span: Span;
  text: string;
  /**
   * The first bold text among the paragraph's own children, when there is one: definition labels
   * written outside lists (`**How to Become a Maintainer**:`, `An **Approver** is …`) start there.
   */
  firstStrong?: { span: Span; text: string };
}

/** Facts of a chunk that holds nothing, for readers to fill. */
export function emptyChunkFacts(): ChunkFacts {
  return { headings: [], listItems: [], htmlComments: [], links: [], definitions: [], paragraphs: [], nonProse: [], htmlAnchors: [], inlineCode: [] };
}

export function extractFacts(root: Root, text: string): ChunkFacts {
  const facts = emptyChunkFacts();
  walk(root, { listItem: -1, inBlockquote: false, inList: false }, facts, text);
  facts.nonProse = mergeSpans(facts.nonProse);
  return facts;
}

/** Sorts spans and merges the ones that overlap, so that both starts and ends ascend. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

interface WalkContext {
  listItem: number;
  inBlockquote: boolean;
  inList: boolean;
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * Reads the tree in document order with a stack of its own rather than recursion: a tree is as
 * deep as the text's nesting, and no text may drive the walk past the call stack.
 */
function walk(root: Nodes, rootContext: WalkContext, facts: ChunkFacts, text: string): void {
  const pending: { node: Nodes; context: WalkContext }[] = [{ node: root, context: rootContext }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const children = visit(next.node, next.context, facts, text);
    if (!children) continue;
    const nodes = (next.node as Parent).children;
    for (let i = nodes.length - 1; i >= 0; i--) pending.push({ node: nodes[i] as Nodes, context: children });
  }
}

/** Takes the facts of one node; returns the context its children are read in, or undefined to skip them. */
function visit(node: Nodes, context: WalkContext, facts: ChunkFacts, text: string): WalkContext | undefined {
  if ((node.type as string) === 'toml' || node.type === 'yaml') {
    const frontMatter = node as unknown as { value: string; type: 'yaml' | 'toml' };
    facts.frontMatter = { span: spanOf(node), value: frontMatter.value, format: frontMatter.type };
    facts.nonProse.push(spanOf(node));
    return undefined;
  }
  switch (node.type) {
    case 'heading': {
      const span = spanOf(node);
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const contentSpan = first && last ? { start: spanOf(first).start, end: spanOf(last).end } : span;
      facts.headings.push({ span, depth: node.depth, text: plainText(node).trim(), contentSpan, anchorText: anchorTextOf(node) });
      break;
    }
    case 'code':
      facts.nonProse.push(spanOf(node));
      return undefined;
    case 'inlineCode':
      facts.nonProse.push(spanOf(node));
      facts.inlineCode.push(spanOf(node));
      return undefined;
    case 'html': {
      const span = spanOf(node);
      // `<TBD>` parses as an HTML tag, but in a template it is a blank to fill in.
      if (node.value.trim() !== '<TBD>') facts.nonProse.push(span);
      collectHtmlAnchors(node.value, span.start, facts.htmlAnchors);
      const comments = /<!--([\s\S]*?)-->/g;
      for (let match; (match = comments.exec(node.value)); ) {
        facts.htmlComments.push({
          span: { start: span.start + match.index, end: span.start + match.index + match[0].length },
          body: match[1].trim(),
        });
      }
      return undefined;
    }
    case 'link':
    case 'image': {
      const span = spanOf(node);
      const label = text.slice(span.start, span.end);
      const autolink = node.type === 'link' && !label.startsWith('[') && !label.includes('](');
      const link: LinkFact = {
        kind: node.type === 'image' ? 'image' : autolink ? 'autolink' : 'inline',
        span,
        url: node.url,
        text: node.type === 'image' ? (node.alt ?? '') : plainText(node),
      };
      const destination = autolink ? autolinkDestination(span, text) : inlineDestination(node, span, text);
      if (destination) link.destination = destination;
      if (!autolink) link.textSpan = linkTextSpan(node, span, text);
      facts.links.push(link);
      markDestinationNonProse(node, span, text, facts);
      break;
    }
    case 'linkReference':
    case 'imageReference':
      facts.links.push({
        kind: 'reference',
        span: spanOf(node),
        url: '',
        text: node.type === 'imageReference' ? (node.alt ?? '') : plainText(node),
        identifier: node.identifier,
        textSpan: linkTextSpan(node, spanOf(node), text),
      });
      break;
    case 'definition': {
      const span = spanOf(node);
      const definition: DefinitionFact = { span, identifier: node.identifier, label: node.label ?? node.identifier, url: node.url };
      const destination = definitionDestination(span, text);
      if (destination) definition.destination = destination;
      facts.definitions.push(definition);
      facts.nonProse.push(span);
      return undefined;
    }
    case 'blockquote':
      return { ...context, inBlockquote: true };
    case 'listItem': {
      const index = facts.listItems.length;
      facts.listItems.push(listItemFact(node, context, text));
      return { ...context, listItem: index, inList: true };
    }
    case 'paragraph':
      if (!context.inList) facts.paragraphs.push(paragraphFact(node));
      break;
  }
  return 'children' in node ? context : undefined;
}

/**
 * The text a node renders, as mdast-util-to-string reads it (HTML and image alt text included
 * unless turned off), without its recursion.
 */
export function plainText(root: Nodes, options: { includeHtml?: boolean; includeImageAlt?: boolean } = {}): string {
  const includeHtml = options.includeHtml ?? true;
  const includeImageAlt = options.includeImageAlt ?? true;
  const parts: string[] = [];
  const pending: Nodes[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if ('value' in node) {
      if (node.type !== 'html' || includeHtml) parts.push(node.value);
    } else if (includeImageAlt && 'alt' in node && node.alt) {
      parts.push(node.alt);
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes);
    }
  }
  return parts.join('');
}

/**
 * GitHub slugs the heading's rendered text: HTML tags and images render no text, and `:rocket:`
 * renders as an emoji, which the slug drops (an unknown shortcode would stay text; we cannot tell
 * those apart without GitHub's emoji list and take the common case).
 */
function anchorTextOf(node: Nodes): string {
  return plainText(node, { includeHtml: false, includeImageAlt: false }).replace(/(?<![\w:]):[a-z0-9_+-]+:(?![\w:])/g, '');
}

const HTML_ANCHOR = /<([a-z][a-z0-9-]*)\b[^>]*?\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * `<a name="x">` and `id="x"` on any element make `#x` work on GitHub (it prefixes them
 * `user-content-`); comments hide them. Offsets are into `html`.
 */
export function htmlAnchorsIn(html: string): { id: string; start: number; end: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
  HTML_ANCHOR.lastIndex = 0;
  for (let match; (match = HTML_ANCHOR.exec(withoutComments)); ) {
    if (match[2].toLowerCase() === 'name' && match[1].toLowerCase() !== 'a') continue;
    const id = match[3] ?? match[4] ?? match[5] ?? '';
    if (id !== '') found.push({ id, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function collectHtmlAnchors(html: string, base: number, into: HtmlAnchorFact[]): void {
  for (const anchor of htmlAnchorsIn(html)) into.push({ id: anchor.id, span: { start: base + anchor.start, end: base + anchor.end } });
}

/** `<https://…>` holds its destination between the brackets; a bare `https://…` is all destination. */
function autolinkDestination(span: Span, text: string): Span {
  return text[span.start] === '<' ? { start: span.start + 1, end: span.end - 1 } : { ...span };
}

function linkTextSpan(node: Nodes, span: Span, text: string): Span {
  const children = 'children' in node ? (node as Parent).children : [];
  if (children.length > 0) return { start: spanOf(children[0] as Nodes).start, end: spanOf(children[children.length - 1] as Nodes).end };
  const open = text.indexOf('[', span.start);
  const start = open === -1 || open >= span.end ? span.start : open + 1;
  const close = text.indexOf(']', start);
  return { start, end: close === -1 || close > span.end ? start : close };
}

/** Where `(destination "title")` starts: after the `](` that follows the link text. */
function inlineDestination(node: Nodes, span: Span, text: string): Span | undefined {
  const textEnd = node.type === 'image' ? span.start : linkTextSpan(node, span, text).end;
  const open = text.indexOf('](', textEnd);
  if (open === -1 || open >= span.end) return undefined;
  return destinationAt(text, open + 2, span.end);
}

function definitionDestination(span: Span, text: string): Span | undefined {
  const colon = /\]:/.exec(text.slice(span.start, span.end));
  return colon ? destinationAt(text, span.start + colon.index + 2, span.end) : undefined;
}

/** The destination starting at `from` (after optional white space), bracketed or bare with balanced parentheses. */
export function destinationAt(text: string, from: number, limit: number): Span | undefined {
  // Read by character code: a one-character string and a pattern test per character made a link's
  // destination the costliest part of reading it.
  let start = from;
  while (start < limit && isBlankCode(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) === LESS_THAN) {
    let end = start + 1;
    for (let code; end < limit && (code = text.charCodeAt(end)) !== GREATER_THAN && code !== LINE_FEED && code !== CARRIAGE_RETURN; ) end += code === BACKSLASH ? 2 : 1;
    return { start: start + 1, end: Math.min(end, limit) };
  }
  let end = start;
  let depth = 0;
  while (end < limit) {
    const code = text.charCodeAt(end);
    if (code === BACKSLASH) end += 2;
    else if (isBlankCode(code)) break;
    else if (code === OPEN_PARENTHESIS) depth++, end++;
    else if (code === CLOSE_PARENTHESIS) {
      if (depth === 0) break;
      depth--, end++;
    } else end++;
  }
  return { start, end: Math.min(end, limit) };
}

const [BACKSLASH, LESS_THAN, GREATER_THAN, OPEN_PARENTHESIS, CLOSE_PARENTHESIS, LINE_FEED, CARRIAGE_RETURN] = [92, 60, 62, 40, 41, 10, 13];

/** A space, tab, line feed or carriage return: what ends a bare destination. */
const isBlankCode = (code: number) => code === 32 || code === 9 || code === LINE_FEED || code === CARRIAGE_RETURN;

/** The URL part of an inline link is not prose: placeholders and TODOs are not looked for there. */
function markDestinationNonProse(node: Nodes, span: Span, text: string, facts: ChunkFacts): void {
  const children = 'children' in node ? (node as Parent).children : [];
  const last = children[children.length - 1];
  const textEnd = last ? spanOf(last as Nodes).end : span.start;
  if (text[span.start] === '[' || text[span.start] === '!') {
    const destinationStart = text.indexOf('](', textEnd);
    if (destinationStart !== -1 && destinationStart < span.end) facts.nonProse.push({ start: destinationStart, end: span.end });
  } else {
    facts.nonProse.push(span);
  }
}

function paragraphFact(node: Paragraph): ParagraphFact {
  const fact: ParagraphFact = { span: spanOf(node), text: plainText(node) };
  const strong = node.children.find((child) => child.type === 'strong');
  if (strong) fact.firstStrong = { span: spanOf(strong), text: plainText(strong).trim() };
  return fact;
}

function listItemFact(node: ListItem, context: WalkContext, text: string): ListItemFact {
  const span = spanOf(node);
  const markerMatch = /^([-*+]|\d{1,9}[.)])/.exec(text.slice(span.start, span.start + 12));
  const marker = { start: span.start, end: span.start + (markerMatch ? markerMatch[0].length : 1) };
  const paragraph = node.children[0]?.type === 'paragraph' ? (node.children[0] as Paragraph) : undefined;
  const fact: ListItemFact = {
    span,
    parent: context.listItem,
    checked: node.checked ?? null,
    marker,
    text: paragraph ? plainText(paragraph).trim() : '',
    inBlockquote: context.inBlockquote,
  };
  if (paragraph) fact.firstParagraph = spanOf(paragraph);
  if (node.checked !== null && node.checked !== undefined) {
    const box = /^[ \t]+\[[ xX]\]/.exec(text.slice(marker.end, marker.end + 12));
    if (box) fact.checkbox = { start: marker.end + box[0].length - 3, end: marker.end + box[0].length };
  }
  if (paragraph) {
    const firstContent = paragraph.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (firstContent?.type === 'strong') {
      fact.leadingStrong = { span: spanOf(firstContent), text: plainText(firstContent).trim() };
    }
  }
  return fact;
}
