import type { BlockContext, Element, LeafBlock, Line, MarkdownConfig } from '@lezer/markdown';

/** Whether the line does not go on with every block container open (a lazy line, or one that ends a list item). */
export function leavesAContainer(cx: BlockContext, line: Line): boolean {
  const stack = (cx as unknown as { stack: unknown[] }).stack;
  return (line as unknown as { depth: number }).depth < stack.length;
}

const SPACE = /\s/;

/**
 * Whether a line is a table's delimiter row: `:?-+:?` cells between pipes, at least one followed by
 * a pipe, with white space (and `>`, before the first) around them. It reads each character once:
 * lezer's regular expression for it, `^[>\s]*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?\s*$`, tries every
 * split of a run of white space between its two `\s*` when the line is not one (a row of 180,000
 * tabs never finished; npm run fuzz).
 */
export function isDelimiterRow(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === '>' || SPACE.test(line[i]))) i++;
  if (line[i] === '|') i++;
  let closedCells = 0;
  for (;;) {
    while (i < line.length && SPACE.test(line[i])) i++;
    if (i === line.length) return closedCells > 0;
    if (line[i] === ':') i++;
    const dashes = i;
    while (line[i] === '-') i++;
    if (i === dashes) return false;
    if (line[i] === ':') i++;
    while (i < line.length && SPACE.test(line[i])) i++;
    if (i === line.length) return closedCells > 0;
    if (line[i] !== '|') return false;
    closedCells++;
    i++;
  }
}

/**
 * lezer's GFM tables (its `Table` extension), with a delimiter row that may end in white space as
 * micromark-extension-gfm-table allows (`|---|---| `); lezer's own took such a table for a paragraph.
 */
export function Table(): MarkdownConfig {
  function parseRow(cx: BlockContext, line: string, startI = 0, elts?: Element[], offset = 0): number {
    let count = 0;
    let first = true;
    let cellStart = -1;
    let cellEnd = -1;
    let esc = false;
    const parseCell = () => {
      elts!.push(cx.elt('TableCell', offset + cellStart, offset + cellEnd, cx.parser.parseInline(line.slice(cellStart, cellEnd), offset + cellStart)));
    };
    for (let i = startI; i < line.length; i++) {
      const next = line.charCodeAt(i);
      if (next === 124 && !esc) {
        if (!first || cellStart > -1) count++;
        first = false;
        if (elts) {
          if (cellStart > -1) parseCell();
          elts.push(cx.elt('TableDelimiter', i + offset, i + offset + 1));
        }
        cellStart = cellEnd = -1;
      } else if (esc || (next !== 32 && next !== 9)) {
        if (cellStart < 0) cellStart = i;
        cellEnd = i + 1;
      }
      esc = !esc && next === 92;
    }
    if (cellStart > -1) {
      count++;
      if (elts) parseCell();
    }
    return count;
  }

  function hasPipe(str: string, start: number): boolean {
    for (let i = start; i < str.length; i++) {
      const next = str.charCodeAt(i);
      if (next === 124) return true;
      if (next === 92) i++;
    }
    return false;
  }

  class TableParser {
    /** null: the second line is not seen yet; false: not a table; else the rows so far. */
    rows: Element[] | null | false = null;

    nextLine(cx: BlockContext, line: Line, leaf: LeafBlock): boolean {
      if (this.rows === null) {
        this.rows = false;
        let lineText: string;
        if ((line.next === 45 || line.next === 58 || line.next === 124) && isDelimiterRow((lineText = line.text.slice(line.pos)))) {
          const firstRow: Element[] = [];
          const firstCount = parseRow(cx, leaf.content, 0, firstRow, leaf.start);
          if (firstCount === parseRow(cx, lineText, 0)) {
            this.rows = [
              cx.elt('TableHeader', leaf.start, leaf.start + leaf.content.length, firstRow),
              cx.elt('TableDelimiter', cx.lineStart + line.pos, cx.lineStart + line.text.length),
            ];
          }
        }
      } else if (this.rows) {
        const content: Element[] = [];
        parseRow(cx, line.text, line.pos, content, cx.lineStart);
        this.rows.push(cx.elt('TableRow', cx.lineStart + line.pos, cx.lineStart + line.text.length, content));
      }
      return false;
    }

    finish(cx: BlockContext, leaf: LeafBlock): boolean {
      if (!this.rows) return false;
      cx.addLeafElement(leaf, cx.elt('Table', leaf.start, leaf.start + leaf.content.length, this.rows));
      return true;
    }
  }

  return {
    defineNodes: [{ name: 'Table', block: true }, 'TableHeader', 'TableRow', 'TableCell', 'TableDelimiter'],
    parseBlock: [
      {
        name: 'Table',
        leaf(_cx: BlockContext, leaf: LeafBlock) {
          return hasPipe(leaf.content, 0) ? new TableParser() : null;
        },
        endLeaf(cx: BlockContext, line: Line, leaf: LeafBlock): boolean {
          // A lazy line (one that leaves a container the paragraph is in) goes on with a paragraph
          // only, as micromark reads it: it neither starts a table, nor makes a header's delimiter
          // row, nor is a table's row.
          const table = leaf.parsers.find((p): p is TableParser => p instanceof TableParser);
          const lazy = leavesAContainer(cx, line);
          if (table) {
            if (lazy && table.rows === null) table.rows = false;
            return lazy && table.rows !== false && table.rows !== null;
          }
          if (lazy || !hasPipe(line.text, line.basePos)) return false;
          const next = cx.peekLine();
          return isDelimiterRow(next) && parseRow(cx, line.text, line.basePos) === parseRow(cx, next, line.basePos);
        },
        before: 'SetextHeading',
      },
    ],
  };
}
