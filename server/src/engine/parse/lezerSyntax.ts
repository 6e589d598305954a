import { parser as commonMark, TaskList, type BlockContext, type Element, type InlineContext, type LeafBlock, type Line, type MarkdownConfig, type MarkdownParser } from '@lezer/markdown';
import { AutolinkLiterals } from './lezerAutolinkLiterals';
import { leavesAContainer, Table } from './lezerTable';
import { isOpenBracket, partsOf } from './lezerParts';

/**
 * The Markdown remark-parse + remark-gfm read, as @lezer/markdown reads it once told where it
 * differs: each extension below (and in lezerTable.ts, lezerAutolinkLiterals.ts) brings one
 * construct to micromark's reading; readFacts.test.ts shows each. Front matter is not a block
 * here: it can only open the text, and lezerMdast.ts takes it off before parsing.
 *
 * Strikethrough: one tilde as well as two, as micromark-extension-gfm-strikethrough.
 */
const Strikethrough: MarkdownConfig = {
  defineNodes: [{ name: 'Strikethrough' }, { name: 'StrikethroughMark' }],
  parseInline: [
    {
      name: 'Strikethrough',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== TILDE || cx.char(pos - 1) === TILDE) return -1;
        let end = pos + 1;
        while (cx.char(end) === TILDE) end++;
        // micromark-extension-gfm-strikethrough: a run of more than two tildes is text.
        if (end - pos > 2) return end;
        const before = classify(cx.slice(pos - 1, pos));
        const after = classify(cx.slice(end, end + 1));
        const open = after === 'other' || (after === 'punctuation' && before !== 'other');
        const close = before === 'other' || (before === 'punctuation' && after !== 'other');
        return cx.addDelimiter(end - pos === 1 ? SingleTilde : DoubleTilde, pos, end, open, close);
      },
      after: 'Emphasis',
    },
  ],
};

const TILDE = 126;
const SingleTilde = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const DoubleTilde = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };

/** micromark's classifyCharacter: the start or end of the text counts as white space. */
function classify(char: string): 'whitespace' | 'punctuation' | 'other' {
  if (char === '' || /\s/u.test(char)) return 'whitespace';
  return /[\p{P}\p{S}]/u.test(char) ? 'punctuation' : 'other';
}

/** GFM footnote definitions: a `[^label]:` block whose continuation lines are indented four columns. */
const FOOTNOTE_START = /^\[\^([^\]\s\\]|\\.)+\]:/;

const Footnotes: MarkdownConfig = {
  defineNodes: [
    {
      name: 'FootnoteDefinition',
      block: true,
      composite(cx: BlockContext, line: Line, value: number): boolean {
        if (line.next !== -1 && line.indent < line.baseIndent + value) return false;
        line.moveBaseColumn(line.baseIndent + value);
        return true;
      },
    },
    { name: 'FootnoteLabel' },
  ],
  parseBlock: [
    {
      name: 'FootnoteDefinition',
      parse(cx: BlockContext, line: Line): boolean | null {
        if (line.next !== 91 /* [ */ || line.indent - line.baseIndent > 3) return false;
        const match = FOOTNOTE_START.exec(line.text.slice(line.pos));
        if (!match) return false;
        const start = cx.lineStart + line.pos;
        cx.startComposite('FootnoteDefinition', line.pos, 4);
        cx.addElement(cx.elt('FootnoteLabel', start, start + match[0].length));
        let contentStart = line.pos + match[0].length;
        while (contentStart < line.text.length && (line.text[contentStart] === ' ' || line.text[contentStart] === '\t')) contentStart++;
        line.moveBase(contentStart);
        return null;
      },
      before: 'LinkReference',
    },
  ],
};

/**
 * The labels of the definitions of the text being parsed: micromark reads a reference to any other
 * label as text (`[TBD]`), where lezer would make it a link and let it hide the link around it.
 */
let definedLabels: ReadonlySet<string> = new Set();

/** Parses with references to `labels` only (normalized as `normalizeLabel` does). */
export function parseWithDefinitions<T>(labels: ReadonlySet<string>, parse: () => T): T {
  const before = definedLabels;
  definedLabels = labels;
  try {
    return parse();
  } finally {
    definedLabels = before;
  }
}

/** micromark-util-normalize-identifier (then lower-cased, as mdast stores identifiers). */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}


/**
 * Whether a bare destination starting at `from` nests its parentheses at most 32 deep, as micromark
 * (and cmark) take one; a deeper one is no destination. lezer has no such bound, and looked to the
 * end of the paragraph from each `](` of `[x]([x]([x](…` (30,000 of them: seconds, from npm run fuzz).
 */
function destinationNests(cx: InlineContext, from: number): boolean {
  let p = from;
  while (cx.char(p) === 32 || cx.char(p) === 9 || cx.char(p) === 10) p++;
  if (cx.char(p) === 60 /* < */) return true;
  for (let balance = 0; p < cx.end; p++) {
    const code = cx.char(p);
    if (code === 92 /* \ */) p++;
    else if (code === 40) {
      if (balance >= 32) return false;
      balance++;
    } else if (code === 41) {
      if (balance === 0) return true;
      balance--;
    } else if (code <= 32 || code === 127) return true;
  }
  return true;
}

const FULL_LABEL = /^\[((?:[^[\]\\]|\\.){0,999})\]/;

const ReferencesMustBeDefined: MarkdownConfig = {
  parseInline: [
    {
      name: 'UndefinedReference',
      parse(cx: InlineContext, next: number, start: number): number {
        if (next !== 93 /* ] */) return -1;
        const parts = partsOf(cx);
        for (let i = parts.length - 1; i >= 0; i--) {
          const part = parts[i];
          if (!isOpenBracket(part)) continue;
          // lezer's own LinkEnd drops a bracket inside a link, and takes `[text](destination)`.
          if (!part.side || (cx.char(start + 1) === 40 /* ( */ && destinationNests(cx, start + 2))) return -1;
          let label = cx.slice(part.to, start);
          if (cx.char(start + 1) === 91 /* [ */) {
            const full = FULL_LABEL.exec(cx.slice(start + 1, Math.min(cx.end, start + 1003)));
            if (full && full[1] !== '') label = full[1];
          }
          if (definedLabels.has(normalizeLabel(label))) return -1;
          // As micromark: the bracket opens nothing, and this `]` is text.
          parts[i] = null;
          return start + 1;
        }
        return -1;
      },
      before: 'LinkEnd',
    },
  ],
};

/**
 * CommonMark's seventh kind of HTML block: a line holding one whole open or closing tag. lezer's own
 * test forgets the self-closing `<img … />`, which it then read as a paragraph.
 */
const SelfClosingTagBlock: MarkdownConfig = {
  parseBlock: [
    {
      name: 'SelfClosingTagBlock',
      parse(cx: BlockContext, line: Line): boolean {
        if (line.next !== 60 /* < */ || !SELF_CLOSING_TAG_LINE.test(line.text.slice(line.pos))) return false;
        const start = cx.lineStart + line.pos;
        const markers: Element[] = [];
        const depth = (cx as unknown as { depth: number }).depth;
        while (!/^[ \t]*$/.test(line.text) && cx.nextLine()) {
          if ((line as unknown as { depth: number }).depth < depth) break;
          markers.push(...line.markers);
        }
        cx.addElement(cx.elt('HTMLBlock', start, cx.prevLineEnd(), markers));
        return true;
      },
      before: 'HTMLBlock',
    },
  ],
};

const SELF_CLOSING_TAG_LINE = /^<[a-z][\w-]*(\s+[a-z:_][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/>\s*$/i;

type EndLeaf = (cx: BlockContext, line: Line, leaf: LeafBlock) => boolean;

/**
 * When a paragraph is open in every container the line goes on with, a list item may interrupt it
 * only if it has content and, ordered, starts at 1 (a `5.` written under an item's paragraph is
 * more paragraph); a line that leaves a container (a sibling item, a line after a block quote)
 * may start any item — micromark's rules. lezer lets any item interrupt anywhere inside a list of
 * its kind and no empty one outside. lezer has no option for it: its two checks are replaced in
 * the parser's list of leaf enders (a lezer that has them elsewhere is refused at load).
 */
function withListInterruptionsAsMicromark(configured: MarkdownParser): MarkdownParser {
  const enders = (configured as unknown as { endLeafBlock: EndLeaf[] }).endLeafBlock;
  const bullet = enders.findIndex((end) => String(end).includes('isBulletList'));
  const ordered = enders.findIndex((end) => String(end).includes('isOrderedList'));
  if (bullet === -1 || ordered === -1) throw new Error('@lezer/markdown changed: its list interruption checks were not found');
  enders[bullet] = (cx, line) => {
    if (!BULLET_START.test(line.text.slice(line.pos))) return false;
    return leavesAContainer(cx, line) || /\S/.test(line.text.slice(line.pos + 1));
  };
  enders[ordered] = (cx, line) => {
    const start = ORDERED_START.exec(line.text.slice(line.pos));
    if (!start) return false;
    return leavesAContainer(cx, line) || (start[1] === '1' && /\S/.test(line.text.slice(line.pos + start[0].length)));
  };
  return configured;
}

const BULLET_START = /^[-+*](?:[ \t]|$)/;
const ORDERED_START = /^(\d{1,9})[.)](?:[ \t]|$)/;



/**
 * `<scheme:…>` is an autolink only as CommonMark has it: a scheme of 2 to 32 letters, digits, `+`,
 * `.` or `-`, and no `<`, space or control character before the `>`. lezer takes any of them
 * (`<https://x.org/d<a>`) and wants one character after the `:`. Such a text is no HTML tag
 * either (a tag name has no `:`), so it is text.
 */
const StrictAutolinks: MarkdownConfig = {
  parseInline: [
    {
      name: 'StrictAutolink',
      parse(cx: InlineContext, next: number, start: number): number {
        if (next !== 60 /* < */) return -1;
        const after = cx.slice(start + 1, Math.min(cx.end, start + 40));
        if (!LOOSE_SCHEME.test(after)) return -1;
        const end = cx.slice(start + 1, cx.end).search(/[<>\s\x00-\x1f\x7f]/);
        const candidate = cx.slice(start + 1, end < 0 ? cx.end : start + 1 + end + 1);
        if (!STRICT_URI_AUTOLINK.test(candidate)) return start + 1;
        const to = start + 1 + candidate.length;
        return cx.addElement(cx.elt('Autolink', start, to, [cx.elt('LinkMark', start, start + 1), cx.elt('URL', start + 1, to - 1), cx.elt('LinkMark', to - 1, to)]));
      },
      before: 'HTMLTag',
    },
  ],
};

const LOOSE_SCHEME = /^[a-z][-\w+.]+:/i;
const STRICT_URI_AUTOLINK = /^[a-z][a-z0-9+.-]{1,31}:[^<>\s\x00-\x1f\x7f]*>$/i;

/**
 * lezer's hard break looks ahead over the spaces at each space of a run, to see whether a line
 * break ends it: a long run of spaces cost its square (345,716 spaces in a link destination, from
 * npm run fuzz, ran for minutes). The run's first space asks once; the rest of the run is text.
 */
const SpaceRuns: MarkdownConfig = {
  parseInline: [
    {
      name: 'SpaceRun',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== 32 || cx.char(pos - 1) !== 32) return -1;
        let end = pos + 1;
        while (cx.char(end) === 32) end++;
        return end;
      },
      before: 'HardBreak',
    },
  ],
};

type InlineParse = (cx: InlineContext, next: number, pos: number) => number;

/**
 * The characters each inline parser can act on; any other one it answers -1 at its first test.
 * `Autolink` (lezerAutolinkLiterals.ts) starts at `w`, `h` and, for an e-mail address, at any
 * character of one.
 */
const INLINE_TRIGGERS: Readonly<Record<string, string>> = {
  Escape: '\\',
  Entity: '&',
  InlineCode: '`',
  HTMLTag: '<',
  StrictAutolink: '<',
  Emphasis: '*_',
  Strikethrough: '~',
  SpaceRun: ' ',
  HardBreak: '\\ ',
  Link: '[',
  Image: '!',
  UndefinedReference: ']',
  LinkEnd: ']',
  Autolink: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._',
};

/**
 * lezer asks every inline parser at every character of every paragraph, fourteen calls a character
 * of which nearly all answer -1 (parseInline was the largest self time of a cold check of cncf/toc).
 * Here it asks one, which asks only those that can act on that character, in lezer's order. A
 * parser not in INLINE_TRIGGERS, and any character past ASCII, is asked of every parser as before.
 */
function withInlineParsersByCharacter(configured: MarkdownParser): MarkdownParser {
  const parser = configured as unknown as { inlineParsers: (InlineParse | undefined)[]; inlineNames: string[] };
  const inOrder = parser.inlineNames
    .map((name, i) => ({ name, parse: parser.inlineParsers[i] }))
    .filter((entry): entry is { name: string; parse: InlineParse } => entry.parse !== undefined);
  const byCharacter: InlineParse[][] = [];
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    byCharacter.push(inOrder.filter(({ name }) => INLINE_TRIGGERS[name] === undefined || INLINE_TRIGGERS[name].includes(char)).map(({ parse }) => parse));
  }
  const everyParser = inOrder.map(({ parse }) => parse);
  const byCharacterParse: InlineParse = (cx, next, pos) => {
    const parsers = next >= 0 && next < 128 ? byCharacter[next] : everyParser;
    for (let i = 0; i < parsers.length; i++) {
      const result = parsers[i](cx, next, pos);
      if (result >= 0) return result;
    }
    return -1;
  };
  parser.inlineParsers = [byCharacterParse];
  parser.inlineNames = ['ByCharacter'];
  return configured;
}

/** remark-parse + remark-gfm's Markdown, read by lezer. */
export const markdownParser = withInlineParsersByCharacter(withListInterruptionsAsMicromark(
  commonMark.configure([
    // lezer's GFM but its table, strikethrough and autolinks, whose readings differ (its `remove`
    // would leave its table's paragraph ender in place).
    TaskList,
    Strikethrough,
    Table(),
    Footnotes,
    ReferencesMustBeDefined,
    SelfClosingTagBlock,
    AutolinkLiterals,
    StrictAutolinks,
    SpaceRuns,
  ]),
));
