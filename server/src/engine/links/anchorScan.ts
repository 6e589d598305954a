import { htmlAnchorsIn } from '../parse/facts';
import { splitLines } from '../text/lineIndex';

/** Heading texts (in order) and HTML anchor ids of a Markdown text, read without the parser. */
export interface ScannedAnchors {
  headings: string[];
  htmlIds: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})([^\n]*)$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** What makes a heading's rendered text differ from its source: markup, escapes, entities, emoji shortcodes. */
const INLINE_MARKUP = /[`*_[\]<>\\!~]|&(?:#\w+|\w+);|:[a-z0-9_+-]+:/i;
/** Headings the line scan does not place for sure: indented (list continuation or code), in a list item or quote. */
const NESTED_HEADING = /^(?: {4,}|\t)[ \t]*#{1,6}(?:[ \t]|$)|^[ \t]*(?:[-*+]|\d{1,9}[.)]|>)[ \t>]*#{1,6}(?:[ \t]|$)/;
const NESTED_FENCE = /^(?: {4,}|\t)[ \t]*(?:`{3,}|~{3,})/;

/**
 * Link targets need only their anchors: this reads them line by line, a hundred times faster than
 * the full parse, for the texts where that is exact — plain ATX headings outside code, comments
 * and HTML blocks, and `id=` / `name=` in HTML. It returns undefined, and the caller parses, as
 * soon as the text holds anything it would have to guess about: inline markup in a heading,
 * setext headings, headings or fences nested in lists, quotes or indented code, HTML next to a
 * heading, a backtick on a line with an HTML anchor.
 */
export function scanAnchors(text: string): ScannedAnchors | undefined {
  const lines = splitLines(text).map((line) => line.text);
  const headings: string[] = [];
  const htmlIds: string[] = [];
  let index = 0;
  if (/^(---|\+\+\+)[ \t]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.|\+\+\+)[ \t]*$/.test(line));
    if (close !== -1) index = close + 1;
  }
  let fence: { marker: string; length: number } | undefined;
  let inComment = false;
  let htmlBlock = false;
  let commentBlock = false;
  let previous = '';
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.marker && close[1].length >= fence.length) fence = undefined;
      previous = '';
      continue;
    }
    if (inComment) {
      const end = line.indexOf('-->');
      if (end === -1) continue;
      inComment = false;
      // An HTML block that a comment opened ends with the comment (CommonMark's kind 2).
      if (commentBlock) htmlBlock = commentBlock = false;
      if (!collectIds(line.slice(end + 3), htmlIds)) return undefined;
      previous = line;
      continue;
    }
    const blank = /^[ \t]*$/.test(line);
    if (blank) {
      htmlBlock = commentBlock = false;
      previous = '';
      continue;
    }
    if (NESTED_HEADING.test(line) || NESTED_FENCE.test(line)) return undefined;
    const opening = FENCE.exec(line);
    if (opening && !(opening[1][0] === '`' && opening[2].includes('`'))) {
      fence = { marker: opening[1][0], length: opening[1].length };
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && previous !== '') return undefined;
    if (/^ {0,3}</.test(line)) {
      if (previous === '' && !htmlBlock) {
        htmlBlock = true;
        commentBlock = /^ {0,3}<!--/.test(line);
      }
      const open = line.lastIndexOf('<!--');
      if (open !== -1 && line.indexOf('-->', open) === -1) {
        if (!collectIds(line.slice(0, open), htmlIds)) return undefined;
        inComment = true;
        continue;
      }
      if (commentBlock && line.includes('-->')) htmlBlock = commentBlock = false;
    }
    const heading = ATX.exec(line);
    if (heading) {
      if (htmlBlock || /^ {0,3}</.test(previous)) return undefined;
      const content = heading[2].replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      if (INLINE_MARKUP.test(content)) return undefined;
      headings.push(content);
      previous = '';
      continue;
    }
    if (!collectIds(line, htmlIds)) return undefined;
    const open = line.lastIndexOf('<!--');
    if (open !== -1 && line.indexOf('-->', open) === -1) inComment = true;
    previous = line;
  }
  return { headings, htmlIds };
}

/**
 * Adds the line's HTML anchors; false when the line may hide them from the parser or show it
 * more: a backtick (inline code?), indentation (code block?), a tag that goes on to the next line.
 */
function collectIds(line: string, into: string[]): boolean {
  if (/<[a-z][^>]*$/i.test(line.replace(/<!--[\s\S]*?(?:-->|$)/g, ''))) return false;
  if (!/\s(?:id|name)\s*=/i.test(line)) return true;
  if (line.includes('`') || /^(?: {4,}|\t)/.test(line)) return false;
  for (const anchor of htmlAnchorsIn(line)) into.push(anchor.id);
  return true;
}
