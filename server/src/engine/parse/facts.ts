import type { Nodes, Parent, Root, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
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
  frontMatter?: { span: Span; value: string; format: 'yaml' | 'toml' };
}

export interface HeadingFact {
  span: Span;
  depth: number;
  text: string;
  /** The heading's text without the `#` markers. */
  contentSpan: Span;
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
}

export interface DefinitionFact {
  span: Span;
  identifier: string;
  label: string;
  url: string;
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

export function extractFacts(root: Root, text: string): ChunkFacts {
  const facts: ChunkFacts = {
    headings: [],
    listItems: [],
    htmlComments: [],
    links: [],
    definitions: [],
    paragraphs: [],
    nonProse: [],
  };
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

function walk(node: Nodes, context: WalkContext, facts: ChunkFacts, text: string): void {
  if ((node.type as string) === 'toml' || node.type === 'yaml') {
    const frontMatter = node as unknown as { value: string; type: 'yaml' | 'toml' };
    facts.frontMatter = { span: spanOf(node), value: frontMatter.value, format: frontMatter.type };
    facts.nonProse.push(spanOf(node));
    return;
  }
  switch (node.type) {
    case 'heading': {
      const span = spanOf(node);
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const contentSpan = first && last ? { start: spanOf(first).start, end: spanOf(last).end } : span;
      facts.headings.push({ span, depth: node.depth, text: toString(node).trim(), contentSpan });
      break;
    }
    case 'code':
    case 'inlineCode':
      facts.nonProse.push(spanOf(node));
      return;
    case 'html': {
      const span = spanOf(node);
      // `<TBD>` parses as an HTML tag, but in a template it is a blank to fill in.
      if (node.value.trim() !== '<TBD>') facts.nonProse.push(span);
      const comments = /<!--([\s\S]*?)-->/g;
      for (let match; (match = comments.exec(node.value)); ) {
        facts.htmlComments.push({
          span: { start: span.start + match.index, end: span.start + match.index + match[0].length },
          body: match[1].trim(),
        });
      }
      return;
    }
    case 'link':
    case 'image': {
      const span = spanOf(node);
      const label = text.slice(span.start, span.end);
      const autolink = node.type === 'link' && !label.startsWith('[') && !label.includes('](');
      facts.links.push({
        kind: node.type === 'image' ? 'image' : autolink ? 'autolink' : 'inline',
        span,
        url: node.url,
        text: node.type === 'image' ? (node.alt ?? '') : toString(node),
      });
      markDestinationNonProse(node, span, text, facts);
      break;
    }
    case 'linkReference':
    case 'imageReference':
      facts.links.push({
        kind: 'reference',
        span: spanOf(node),
        url: '',
        text: node.type === 'imageReference' ? (node.alt ?? '') : toString(node),
        identifier: node.identifier,
      });
      break;
    case 'definition': {
      const span = spanOf(node);
      facts.definitions.push({ span, identifier: node.identifier, label: node.label ?? node.identifier, url: node.url });
      facts.nonProse.push(span);
      return;
    }
    case 'blockquote':
      for (const child of node.children) walk(child, { ...context, inBlockquote: true }, facts, text);
      return;
    case 'listItem': {
      const index = facts.listItems.length;
      facts.listItems.push(listItemFact(node, context, text));
      for (const child of node.children) walk(child, { ...context, listItem: index, inList: true }, facts, text);
      return;
    }
    case 'paragraph':
      if (!context.inList) facts.paragraphs.push(paragraphFact(node));
      break;
  }
  if ('children' in node) {
    for (const child of (node as Parent).children) walk(child as Nodes, context, facts, text);
  }
}

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
  const fact: ParagraphFact = { span: spanOf(node), text: toString(node) };
  const strong = node.children.find((child) => child.type === 'strong');
  if (strong) fact.firstStrong = { span: spanOf(strong), text: toString(strong).trim() };
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
    text: paragraph ? toString(paragraph).trim() : '',
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
      fact.leadingStrong = { span: spanOf(firstContent), text: toString(firstContent).trim() };
    }
  }
  return fact;
}
