import type { SyntaxNode, Tree } from '@lezer/common';
import type { Nodes, Parent, Root, Text } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { locateUnpositioned } from './positions';
import { markdownParser, normalizeLabel, parseWithDefinitions } from './lezerSyntax';
import { firstAtOrAfter } from '../text/spans';
import { appendAll } from '../arrays';

/**
 * The mdast tree remark-parse + remark-gfm + remark-frontmatter would give for `text`, built from
 * @lezer/markdown's syntax tree: the parts of it that facts.ts reads (node types, positions as
 * offsets, text values, urls, identifiers), not a full mdast (no line/column, no titles, no list
 * `spread`). lezer reads Markdown in time linear in the text with no recursion; micromark does
 * neither on all inputs (limits.ts).
 *
 * Where lezer and micromark read the same text differently, the tree follows micromark:
 * references whose label no definition names are text, a task checkbox is part of the first
 * paragraph, HTML blocks hold their lines without the container prefixes.
 */
export function lezerMdast(source: string, fallbackAt?: (offset: number) => number): Root {
  // micromark reads U+0000 as U+FFFD, as CommonMark asks; one character for one, so offsets hold.
  const text = source.includes('\u0000') ? source.replace(/\u0000/g, '\uFFFD') : source;
  const frontMatter = frontMatterAt(text);
  const bodyStart = frontMatter ? frontMatter.position!.end.offset! : 0;
  const root: Root = { type: 'root', children: [], position: at(0, text.length) };
  if (frontMatter) root.children.push(frontMatter as unknown as Root['children'][number]);
  if (bodyStart < text.length || bodyStart === 0) {
    const { parsed: lines, original } = withoutCarriageReturns(text);
    // The front matter's lines, blank for lezer: what follows it parses as at the start of a text.
    const from = lines === text ? bodyStart : lastAtOrBeforeInverse(bodyStart, original, lines.length);
    const parsed = from === 0 ? lines : lines.slice(0, from).replace(/[^\n]/g, ' ') + lines.slice(from);
    const parse = (labels: ReadonlySet<string>) => parseWithDefinitions(labels, () => markdownParser.parse(parsed));
    // The labels are guessed from the text before the parse and known after it: a guess that was
    // wrong (a `[label]:` in code) is parsed again with the labels the text defines.
    const guessed = guessLabels(parsed);
    let builder = new Builder(text, parse(guessed), original);
    const defined = builder.definedLabels();
    if (!sameSet(guessed, defined)) builder = new Builder(text, parse(defined), original);
    builder.build(root);
    findLiteralsInTexts(builder.literalTexts, text, fallbackAt);
  }
  return root;
}

/** What text must hold for remark-gfm's pass to find a literal in it (mdast-util-gfm-autolink-literal). */
const LITERAL_HINT = /@|www\.|https?:\/\//i;

const AUTOLINK_LITERAL_TRANSFORMS = (gfmAutolinkLiteralFromMarkdown().transforms ?? []) as ((tree: Root) => void)[];

/**
 * remark-gfm's pass over the text for the literals micromark left (inside brackets that turned out
 * not to be links), placed where remark places them. The pass replaces each text node on its own,
 * so it is run on each text that may hold a literal, held alone, and what it made takes that text's
 * place: run over whole blocks, it visited every node of a paragraph of 100,000 inline tags four
 * times (npm run fuzz).
 */
function findLiteralsInTexts(texts: readonly LiteralText[], source: string, fallbackAt?: (offset: number) => number): void {
  const replacements = new Map<Nodes, Nodes[]>();
  const parents = new Set<Parent>();
  for (const { parent, text } of texts) {
    const holder = { type: parent.type, children: [text], position: text.position } as Root;
    for (const transform of AUTOLINK_LITERAL_TRANSFORMS) transform(holder);
    if (holder.children.length === 1 && holder.children[0] === text) continue;
    locateUnpositioned(holder, source, fallbackAt);
    replacements.set(text, holder.children as Nodes[]);
    parents.add(parent);
  }
  for (const parent of parents) {
    const children: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      const replacement = replacements.get(child);
      if (replacement) appendAll(children, replacement);
      else children.push(child);
    }
    parent.children = children as Parent['children'];
  }
}

interface LiteralText {
  parent: Parent;
  text: Text;
}

const DEFINITION_LIKE = /\[((?:[^[\]\\]|\\.){1,999})\]:/g;

/** Every label a definition or footnote definition of `text` could have, and perhaps more. */
function guessLabels(text: string): Set<string> {
  const labels = new Set<string>();
  if (!text.includes(']:')) return labels;
  DEFINITION_LIKE.lastIndex = 0;
  for (let match; (match = DEFINITION_LIKE.exec(text)); ) labels.add(normalizeLabel(match[1]));
  return labels;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/**
 * lezer ends lines at \n only: a \r before it would be a character of the line. The text lezer
 * reads has each \r\n as \n and each lone \r as \n; `original` maps its offsets back.
 */
function withoutCarriageReturns(text: string): { parsed: string; original: (offset: number) => number } {
  if (!text.includes('\r')) return { parsed: text, original: (offset) => offset };
  // Offsets in the parsed text of the \n of each \r\n, whose \r was dropped.
  const dropped: number[] = [];
  const parsed = text.replace(/\r\n?/g, (match: string, index: number) => {
    if (match.length === 2) dropped.push(index - dropped.length);
    return '\n';
  });
  return {
    parsed,
    original: (offset) => offset + firstAtOrAfter(dropped, offset),
  };
}

/** The parsed-text offset whose original offset is `offset` (front matter ends at a line end). */
function lastAtOrBeforeInverse(offset: number, original: (offset: number) => number, length: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (original(middle) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

type Position = NonNullable<Nodes['position']>;

function at(start: number, end: number): Position {
  return { start: { offset: start }, end: { offset: end } } as Position;
}

const FRONT_MATTER_OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)/;

/** remark-frontmatter: a `---` (yaml) or `+++` (toml) fence line opening the text, closed by the same fence. */
function frontMatterAt(text: string): { type: 'yaml' | 'toml'; value: string; position: Position } | undefined {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return undefined;
  const fence = open[1];
  const close = new RegExp(`(?:\\r\\n|\\n|\\r)${fence === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?=\\r\\n|\\n|\\r|$)`, 'y');
  const valueStart = open[0].length;
  // An empty front matter: the closing fence is the line after the opening one.
  const closeAtStart = new RegExp(`${fence === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?=\\r\\n|\\n|\\r|$)`, 'y');
  closeAtStart.lastIndex = valueStart;
  const empty = closeAtStart.exec(text);
  if (empty) return { type: fence === '---' ? 'yaml' : 'toml', value: '', position: at(0, valueStart + empty[0].length) };
  for (let lineEnd = nextLineEnd(text, valueStart); lineEnd < text.length; lineEnd = nextLineEnd(text, lineEnd + lineBreakAt(text, lineEnd))) {
    close.lastIndex = lineEnd;
    const match = close.exec(text);
    if (match) return { type: fence === '---' ? 'yaml' : 'toml', value: text.slice(valueStart, lineEnd), position: at(0, lineEnd + match[0].length) };
  }
  return undefined;
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function lineBreakAt(text: string, offset: number): number {
  return text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
}


const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;

/** micromark-util-decode-string: backslash escapes and character references decoded. */
function decodeString(value: string): string {
  return value.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined, reference: string) => escaped ?? decodeReference(reference) ?? whole);
}

function decodeReference(reference: string): string | undefined {
  if (reference.charCodeAt(0) === 35) {
    const hex = reference.charCodeAt(1) === 120 || reference.charCodeAt(1) === 88;
    return decodeNumeric(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
  }
  return decodeNamedCharacterReference(reference) || undefined;
}

/** micromark-util-decode-numeric-character-reference. */
function decodeNumeric(value: string, base: number): string {
  const code = Number.parseInt(value, base);
  if (
    code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) || (code > 55_295 && code < 57_344) ||
    (code > 64_975 && code < 65_008) || (code & 65_535) === 65_535 || (code & 65_535) === 65_534 || code > 1_114_111
  ) {
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}

/** A block container whose prefix (`>`, a list item's indentation) starts each of its continuation lines. */
type Container = { kind: 'quote' } | { kind: 'indent'; width: number };

/** One inline container being filled: its mdast node, its lezer children still to read, and how far its text is read. */
interface InlineFrame {
  parent: Parent;
  next: SyntaxNode | null;
  pos: number;
  end: number;
  /** Inside a link's text, where micromark finds no autolink literal. */
  inLink?: boolean;
  /** Text that follows the content: the `]` and label of brackets micromark reads as text. */
  tail?: { from: number; to: number };
}

const HEADING_DEPTH: Record<string, number> = {
  ATXHeading1: 1, ATXHeading2: 2, ATXHeading3: 3, ATXHeading4: 4, ATXHeading5: 5, ATXHeading6: 6, SetextHeading1: 1, SetextHeading2: 2,
};

class Builder {
  private readonly definitions = new Set<string>();
  private readonly footnotes = new Set<string>();
  /** Whether the text being read is at the start of a line (after a line break, before its content). */
  private atLineStart = false;

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    /** The offset in `text` of an offset into the text lezer parsed (`withoutCarriageReturns`). */
    private readonly o: (offset: number) => number,
  ) {}

  /** The labels the text defines, footnotes' with their `^`. */
  definedLabels(): Set<string> {
    this.collectDefinitions();
    const labels = new Set(this.definitions);
    for (const footnote of this.footnotes) labels.add(`^${footnote}`);
    return labels;
  }

  build(root: Root): void {
    if (this.definitions.size === 0 && this.footnotes.size === 0) this.collectDefinitions();
    // The block walk: a stack of (lezer node, mdast parent, containers) rather than recursion.
    const pending: { node: SyntaxNode; parent: Parent; containers: readonly Container[] }[] = [];
    const pushChildren = (node: SyntaxNode, parent: Parent, containers: readonly Container[]) => {
      const children: SyntaxNode[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
      for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], parent, containers });
    };
    pushChildren(this.tree.topNode, root, []);
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { node, parent, containers } = next;
      const name = node.name;
      const depth = HEADING_DEPTH[name];
      if (depth) {
        parent.children.push(this.heading(node, depth) as never);
        continue;
      }
      switch (name) {
        case 'Paragraph':
        case 'Task': {
          const first = name === 'Task' || (parent.type === 'listItem' && parent.children.length === 0);
          parent.children.push(this.paragraph(node, parent, first) as never);
          break;
        }
        case 'Blockquote': {
          const quote: Parent = { type: 'blockquote', children: [], position: at(this.o(node.from), this.o(node.to)) } as Parent;
          parent.children.push(quote as never);
          pushChildren(node, quote, [...containers, { kind: 'quote' }]);
          break;
        }
        case 'BulletList':
        case 'OrderedList': {
          const list: Parent = { type: 'list', children: [], position: at(this.o(node.from), this.o(node.to)) } as Parent;
          parent.children.push(list as never);
          pushChildren(node, list, containers);
          break;
        }
        case 'ListItem': {
          const mark = node.getChild('ListMark');
          const item = { type: 'listItem', checked: null, children: [], position: at(mark ? this.o(mark.from) : this.o(node.from), this.o(node.to)) } as unknown as Parent;
          parent.children.push(item as never);
          pushChildren(node, item, [...containers, { kind: 'indent', width: this.itemIndent(node, containers) }]);
          break;
        }
        case 'FootnoteDefinition': {
          const footnote = { type: 'footnoteDefinition', children: [], position: at(this.o(node.from), this.o(node.to)) } as unknown as Parent;
          parent.children.push(footnote as never);
          pushChildren(node, footnote, [...containers, { kind: 'indent', width: 4 }]);
          break;
        }
        case 'FencedCode':
          parent.children.push({ type: 'code', value: '', position: at(this.o(node.from), this.o(node.to)) } as never);
          break;
        case 'CodeBlock': {
          // mdast's indented code starts with its indentation.
          const start = this.indentationStart(this.o(node.from), containers);
          parent.children.push({ type: 'code', value: '', position: at(start, this.o(node.to)) } as never);
          break;
        }
        case 'HTMLBlock':
        case 'CommentBlock':
        case 'ProcessingInstructionBlock':
        {
          // mdast's HTML block starts with its indentation.
          const start = this.indentationStart(this.o(node.from), containers);
          parent.children.push({ type: 'html', value: this.blockValue(start, this.o(node.to), containers), position: at(start, this.o(node.to)) } as never);
        }
          break;
        case 'LinkReference':
          parent.children.push(this.definition(node) as never);
          break;
        case 'Table':
          parent.children.push(this.table(node) as never);
          break;
        case 'HorizontalRule':
          parent.children.push({ type: 'thematicBreak', position: at(this.o(node.from), this.o(node.to)) } as never);
          break;
      }
    }
  }

  /** The labels of every definition and footnote in the text: a reference to any other is text. */
  private collectDefinitions(): void {
    const cursor = this.tree.cursor();
    const text = this.text;
    const inline = new Set(['Paragraph', 'Task', 'Table', 'FencedCode', 'CodeBlock', 'HTMLBlock', 'CommentBlock', 'ProcessingInstructionBlock']);
    for (let more = true; more; ) {
      const name = cursor.name;
      if (name === 'LinkReference') {
        const label = cursor.node.getChild('LinkLabel');
        if (label) this.definitions.add(normalizeLabel(text.slice(this.o(label.from) + 1, this.o(label.to) - 1)));
      } else if (name === 'FootnoteLabel') {
        this.footnotes.add(normalizeLabel(text.slice(this.o(cursor.from) + 2, text.lastIndexOf(']', this.o(cursor.to)))));
      }
      if (!inline.has(name) && name !== 'LinkReference' && cursor.firstChild()) continue;
      for (;;) {
        if (cursor.nextSibling()) break;
        if (!cursor.parent()) {
          more = false;
          break;
        }
      }
    }
  }

  /** How many columns of a list item's continuation lines are its prefix: to its content's column. */
  private itemIndent(node: SyntaxNode, containers: readonly Container[]): number {
    const mark = node.getChild('ListMark');
    if (!mark) return 2;
    const lineStart = this.lineStartOf(this.o(node.from));
    const contentStart = stripPrefixes(this.text, lineStart, containers);
    const leading = Math.max(0, this.o(mark.from) - contentStart);
    let spaces = 0;
    while (this.text[this.o(mark.to) + spaces] === ' ') spaces++;
    const blankAfter = /[\r\n]/.test(this.text[this.o(mark.to) + spaces] ?? '\n');
    const gap = blankAfter || spaces >= 5 || spaces === 0 ? 1 : spaces;
    return leading + (this.o(mark.to) - this.o(mark.from)) + gap;
  }

  /** Where the indentation before a block starts: after its containers' prefixes, when only white space follows them. */
  private indentationStart(offset: number, containers: readonly Container[]): number {
    const start = stripPrefixes(this.text, this.lineStartOf(offset), containers);
    return start < offset && /^[ \t]*$/.test(this.text.slice(start, offset)) ? start : offset;
  }

  private lineStartOf(offset: number): number {
    let start = offset;
    while (start > 0 && this.text[start - 1] !== '\n' && this.text[start - 1] !== '\r') start--;
    return start;
  }

  /** A block's text as mdast holds it: each continuation line without its containers' prefixes. */
  private blockValue(from: number, to: number, containers: readonly Container[]): string {
    const text = this.text.slice(from, to);
    if (containers.length === 0 || !/[\r\n]/.test(text)) return text;
    const parts: string[] = [];
    let lineStart = from;
    let contentStart = from;
    for (;;) {
      const lineEnd = Math.min(nextLineEnd(this.text, lineStart), to);
      parts.push(this.text.slice(contentStart, lineEnd));
      if (lineEnd >= to) break;
      const breakLength = lineBreakAt(this.text, lineEnd);
      parts.push(this.text.slice(lineEnd, lineEnd + breakLength));
      lineStart = lineEnd + breakLength;
      contentStart = Math.min(stripPrefixes(this.text, lineStart, containers), to);
    }
    return parts.join('');
  }

  private heading(node: SyntaxNode, depth: number): Parent {
    const heading = { type: 'heading', depth, children: [], position: at(this.o(node.from), this.o(node.to)) } as unknown as Parent;
    const marks = node.getChildren('HeaderMark');
    let start: number;
    let end: number;
    if (node.name.startsWith('ATX')) {
      start = marks[0] ? this.o(marks[0].to) : this.o(node.from);
      end = marks.length > 1 ? this.o(marks[marks.length - 1].from) : this.o(node.to);
    } else {
      start = this.o(node.from);
      end = marks.length > 0 ? this.o(marks[marks.length - 1].from) : this.o(node.to);
    }
    while (start < end && isSpace(this.text.charCodeAt(start))) start++;
    while (end > start && isSpaceOrBreak(this.text.charCodeAt(end - 1))) end--;
    this.inlineBlock(heading, node.firstChild, start, end);
    return heading;
  }

  private paragraph(node: SyntaxNode, parent: Parent, firstInItem: boolean): Parent {
    const paragraph = { type: 'paragraph', children: [], position: at(this.o(node.from), this.o(node.to)) } as unknown as Parent;
    let end = this.o(node.to);
    while (end > this.o(node.from) && isSpaceOrBreak(this.text.charCodeAt(end - 1))) end--;
    const marker = node.name === 'Task' ? node.getChild('TaskMarker') : null;
    if (marker && firstInItem && parent.type === 'listItem') {
      (parent as unknown as { checked: boolean }).checked = this.text[this.o(marker.from) + 1] !== ' ';
      this.inlineBlock(paragraph, marker.nextSibling, this.o(marker.to), end);
      // mdast-util-gfm-task-list-item takes the white space after the checkbox off the first text.
      const head = paragraph.children[0];
      if (head?.type === 'text') {
        head.value = head.value.slice(1);
        if (head.value.length === 0) paragraph.children.shift();
        else {
          head.position!.start.offset! += 1;
          paragraph.position!.start = { ...head.position!.start };
        }
      }
    } else {
      this.inlineBlock(paragraph, node.firstChild, this.o(node.from), end);
    }
    return paragraph;
  }

  private definition(node: SyntaxNode): Nodes {
    const label = node.getChild('LinkLabel');
    const url = node.getChild('URL');
    const labelText = label ? this.text.slice(this.o(label.from) + 1, this.o(label.to) - 1) : '';
    return {
      type: 'definition',
      identifier: normalizeLabel(labelText),
      label: labelText,
      url: url ? this.destination(url) : '',
      position: at(this.o(node.from), this.o(node.to)),
    } as Nodes;
  }

  private table(node: SyntaxNode): Parent {
    const table = { type: 'table', children: [], position: at(this.o(node.from), this.o(node.to)) } as unknown as Parent;
    for (let row = node.firstChild; row; row = row.nextSibling) {
      if (row.name !== 'TableHeader' && row.name !== 'TableRow') continue;
      const tableRow = { type: 'tableRow', children: [], position: at(this.o(row.from), this.o(row.to)) } as unknown as Parent;
      table.children.push(tableRow as never);
      for (let cell = row.firstChild; cell; cell = cell.nextSibling) {
        if (cell.name !== 'TableCell') continue;
        const tableCell = { type: 'tableCell', children: [], position: at(this.o(cell.from), this.o(cell.to)) } as unknown as Parent;
        tableRow.children.push(tableCell as never);
        this.inlineBlock(tableCell, cell.firstChild, this.o(cell.from), this.o(cell.to));
      }
    }
    return table;
  }

  private destination(url: SyntaxNode): string {
    const raw = this.text.slice(this.o(url.from), this.o(url.to));
    return decodeString(raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw);
  }

  /** Texts that may hold an autolink literal micromark left to remark-gfm, each with its parent. */
  readonly literalTexts: LiteralText[] = [];

  /** Fills a block with its inline content (`inline`), noting the texts where remark-gfm may find a literal. */
  private inlineBlock(block: Parent, first: SyntaxNode | null, from: number, to: number): void {
    this.inline(block, first, from, to);
    // Its texts are whole only now: `https\://x.org` is one text from three pieces.
    const pending: Parent[] = [block];
    for (let parent = pending.pop(); parent; parent = pending.pop()) {
      for (const node of parent.children as Nodes[]) {
        if (node.type === 'text') {
          if (LITERAL_HINT.test(node.value)) this.literalTexts.push({ parent, text: node });
        } else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') pending.push(node as Parent);
      }
    }
  }

  /** Fills `parent` with the inline content of [from, to), whose lezer nodes start at `first`. */
  private inline(parent: Parent, first: SyntaxNode | null, from: number, to: number): void {
    this.atLineStart = false;
    const frames: InlineFrame[] = [{ parent, next: first, pos: from, end: to }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      let node = frame.next;
      while (node && this.o(node.to) <= frame.pos) node = node.nextSibling;
      if (!node || this.o(node.from) >= frame.end) {
        this.appendText(frame.parent, frame.pos, frame.end);
        if (frame.tail) this.appendValue(frame.parent, decodeString(this.text.slice(frame.tail.from, frame.tail.to)), frame.tail.from, frame.tail.to);
        frames.pop();
        // What follows a link or emphasis is not at a line's start, even when its text ended a line.
        this.atLineStart = false;
        continue;
      }
      this.appendText(frame.parent, frame.pos, this.o(node.from));
      frame.pos = this.o(node.to);
      frame.next = node.nextSibling;
      const child = this.inlineNode(node, frame.parent, frame.inLink === true);
      if (child) frames.push(child);
    }
  }

  /** Adds the mdast of one lezer inline node to `parent`; returns the frame its children are read in, if any. */
  private inlineNode(node: SyntaxNode, parent: Parent, inLink: boolean): InlineFrame | undefined {
    const text = this.text;
    const name = node.name;
    const position = at(this.o(node.from), this.o(node.to));
    if (name !== 'QuoteMark') this.atLineStart = false;
    switch (name) {
      case 'QuoteMark':
      case 'TaskMarker':
        if (name === 'TaskMarker') this.appendValue(parent, text.slice(this.o(node.from), this.o(node.to)), this.o(node.from), this.o(node.to));
        return undefined;
      case 'Escape':
        this.appendValue(parent, text.slice(this.o(node.from) + 1, this.o(node.to)), this.o(node.from), this.o(node.to));
        return undefined;
      case 'Entity':
        this.appendValue(parent, decodeReference(text.slice(this.o(node.from) + 1, this.o(node.to) - 1)) ?? text.slice(this.o(node.from), this.o(node.to)), this.o(node.from), this.o(node.to));
        return undefined;
      case 'HardBreak':
        parent.children.push({ type: 'break', position } as never);
        this.atLineStart = true;
        return undefined;
      case 'InlineCode':
        parent.children.push({ type: 'inlineCode', value: this.codeValue(node, parent), position } as never);
        return undefined;
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction':
        parent.children.push({ type: 'html', value: text.slice(this.o(node.from), this.o(node.to)), position } as never);
        return undefined;
      case 'Autolink': {
        const url = node.getChild('URL');
        const raw = url ? text.slice(this.o(url.from), this.o(url.to)) : '';
        const isEmail = !/^[a-z][a-z0-9+.-]{1,31}:/i.test(raw);
        parent.children.push({
          type: 'link',
          url: isEmail ? `mailto:${raw}` : raw,
          children: [{ type: 'text', value: raw, position: at(this.o(node.from) + 1, this.o(node.to) - 1) }],
          position,
        } as never);
        return undefined;
      }
      case 'URL': {
        if (inLink) {
          this.appendValue(parent, decodeString(text.slice(this.o(node.from), this.o(node.to))), this.o(node.from), this.o(node.to));
          return undefined;
        }
        const raw = text.slice(this.o(node.from), this.o(node.to));
        const url = /^www\./i.test(raw) ? `http://${raw}` : /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `mailto:${raw}`;
        parent.children.push({ type: 'link', url, children: [{ type: 'text', value: raw, position }], position } as never);
        return undefined;
      }
      case 'Emphasis':
      case 'StrongEmphasis':
      case 'Strikethrough': {
        const type = name === 'Emphasis' ? 'emphasis' : name === 'StrongEmphasis' ? 'strong' : 'delete';
        const container = { type, children: [], position } as unknown as Parent;
        parent.children.push(container as never);
        const open = node.firstChild;
        const close = node.lastChild;
        return { parent: container, next: open?.nextSibling ?? null, pos: open ? this.o(open.to) : this.o(node.from), end: close && close !== open ? this.o(close.from) : this.o(node.to), inLink };
      }
      case 'Link':
      case 'Image':
        return this.link(node, parent, inLink);
    }
    // Marks of constructs lezer knows and micromark reads as text.
    this.appendValue(parent, text.slice(this.o(node.from), this.o(node.to)), this.o(node.from), this.o(node.to));
    return undefined;
  }

  private link(node: SyntaxNode, parent: Parent, inLink: boolean): InlineFrame | undefined {
    const text = this.text;
    const image = node.name === 'Image';
    const open = node.firstChild!;
    let close: SyntaxNode | null = null;
    for (let child = open.nextSibling; child; child = child.nextSibling) {
      if (child.name === 'LinkMark' && text[this.o(child.from)] === ']') {
        close = child;
        break;
      }
    }
    const position = at(this.o(node.from), this.o(node.to));
    const contentStart = this.o(open.to);
    const contentEnd = close ? this.o(close.from) : this.o(node.to);
    const after = close?.nextSibling ?? null;
    if (after && after.name === 'LinkMark' && text[this.o(after.from)] === '(') {
      let url: SyntaxNode | null = after.nextSibling;
      while (url && url.name !== 'URL') url = url.nextSibling;
      const link = { type: image ? 'image' : 'link', url: url ? this.destination(url) : '', children: [], position } as unknown as Parent;
      parent.children.push(link as never);
      if (image) {
        this.fillAlt(link, open.nextSibling, contentStart, contentEnd);
        return undefined;
      }
      return { parent: link, next: open.nextSibling, pos: contentStart, end: contentEnd, inLink: true };
    }
    const labelNode = after && after.name === 'LinkLabel' ? after : null;
    const labelText = labelNode && this.o(labelNode.to) - this.o(labelNode.from) > 2 ? text.slice(this.o(labelNode.from) + 1, this.o(labelNode.to) - 1) : text.slice(contentStart, contentEnd);
    const identifier = normalizeLabel(labelText);
    if (this.definitions.has(identifier) && !(labelText.startsWith('^') && !labelNode && !image)) {
      const reference = { type: image ? 'imageReference' : 'linkReference', identifier, children: [], position } as unknown as Parent;
      parent.children.push(reference as never);
      if (image) {
        this.fillAlt(reference, open.nextSibling, contentStart, contentEnd);
        return undefined;
      }
      return { parent: reference, next: open.nextSibling, pos: contentStart, end: contentEnd, inLink: true };
    }
    if (!image && !labelNode && labelText.startsWith('^') && this.footnotes.has(normalizeLabel(labelText.slice(1)))) {
      parent.children.push({ type: 'footnoteReference', position } as never);
      return undefined;
    }
    // Not a link in micromark: its brackets are text, and its content is its parent's.
    this.appendValue(parent, text.slice(this.o(node.from), contentStart), this.o(node.from), contentStart);
    return { parent, next: open.nextSibling, pos: contentStart, end: contentEnd, tail: { from: contentEnd, to: this.o(node.to) }, inLink };
  }

  private fillAlt(node: Parent, first: SyntaxNode | null, from: number, to: number): void {
    const holder = { type: 'paragraph', children: [] } as unknown as Parent;
    const saved = this.atLineStart;
    this.inline(holder, first, from, to);
    this.atLineStart = saved;
    (node as unknown as { alt: string }).alt = plainTextOf(holder);
  }

  /**
   * mdast's inline code value: line endings kept, the white space that opens a continuation line
   * dropped, and one space or line ending taken off each side when both sides have one.
   */
  private codeValue(node: SyntaxNode, parent: Parent): string {
    const marks = node.getChildren('CodeMark');
    const start = marks[0] ? this.o(marks[0].to) : this.o(node.from);
    const end = marks.length > 1 ? this.o(marks[marks.length - 1].from) : this.o(node.to);
    let value = this.text.slice(start, end);
    if (/[\r\n]/.test(value)) value = value.replace(/(\r\n|\r|\n)(?:[ \t]*>)*[ \t]*/g, (_, lineEnding: string) => lineEnding);
    const padding = /^[ \r\n]/;
    if (value.length > 2 && padding.test(value) && /[ \r\n]$/.test(value) && /[^ \r\n]/.test(value)) {
      value = value.slice(value.startsWith('\r\n') ? 2 : 1, value.endsWith('\r\n') ? -2 : -1);
    }
    if (parent.type === 'tableCell') value = value.replace(/\\\|/g, '|');
    return value;
  }

  /** Adds the text of [from, to) as micromark reads it: soft line breaks without the white space around them. */
  private appendText(parent: Parent, from: number, to: number): void {
    if (from >= to) return;
    const text = this.text;
    let pieceStart = from;
    let out = '';
    let firstOffset = -1;
    let lastOffset = from;
    let i = from;
    if (this.atLineStart) {
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      pieceStart = i;
    }
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      let lineEnd = i;
      while (lineEnd > pieceStart && isSpace(text.charCodeAt(lineEnd - 1))) lineEnd--;
      if (lineEnd > pieceStart || out === '') {
        if (firstOffset === -1 && lineEnd > pieceStart) firstOffset = pieceStart;
      }
      out += text.slice(pieceStart, lineEnd);
      const breakLength = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (firstOffset === -1) firstOffset = i;
      out += text.slice(i, i + breakLength);
      lastOffset = i + breakLength;
      i += breakLength;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      pieceStart = i;
      i--;
      this.atLineStart = true;
    }
    if (pieceStart < to) {
      if (firstOffset === -1) firstOffset = pieceStart;
      out += text.slice(pieceStart, to);
      lastOffset = to;
      this.atLineStart = false;
    }
    if (out === '') return;
    this.appendValue(parent, out, firstOffset, lastOffset);
  }

  /** Adds text to `parent`, joined to a text node it ends with (mdast has no two texts side by side). */
  private appendValue(parent: Parent, value: string, from: number, to: number): void {
    const last = parent.children[parent.children.length - 1];
    if (last?.type === 'text') {
      last.value += value;
      last.position!.end = { offset: to } as Position['end'];
      return;
    }
    parent.children.push({ type: 'text', value, position: at(from, to) } as never);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isSpaceOrBreak(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Where a line's content starts once each container's prefix is taken off it. */
function stripPrefixes(text: string, lineStart: number, containers: readonly Container[]): number {
  let pos = lineStart;
  for (const container of containers) {
    if (container.kind === 'quote') {
      let p = pos;
      let spaces = 0;
      while (spaces < 3 && text[p] === ' ') p++, spaces++;
      if (text[p] !== '>') return pos;
      p++;
      if (text[p] === ' ' || text[p] === '\t') p++;
      pos = p;
    } else {
      let width = 0;
      while (width < container.width && (text[pos] === ' ' || text[pos] === '\t')) {
        width += text[pos] === '\t' ? 4 - (width % 4) : 1;
        pos++;
      }
    }
  }
  return pos;
}

function plainTextOf(node: Parent): string {
  const parts: string[] = [];
  const pending: Nodes[] = [node as Nodes];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if ('value' in next) parts.push(next.value);
    else if ('alt' in next && next.alt) parts.push(next.alt);
    else if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i] as Nodes);
  }
  return parts.join('');
}
