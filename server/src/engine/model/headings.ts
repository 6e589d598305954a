import type { ParsedDocument } from '../parse/document';

/**
 * Each heading's parent: the nearest heading above it of a lower depth, or -1. Siblings share a
 * parent, so "### Required" under each "## Area" of a DD has a different one each time.
 */
export function parentHeadings(headings: ParsedDocument['headings']): number[] {
  const stack: number[] = [];
  return headings.map((heading, index) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]].depth >= heading.depth) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(index);
    return parent;
  });
}
