import type { Nodes, Parent, Root } from 'mdast';
import { plainText } from './facts';

/**
 * Gives a position to the nodes remark-gfm adds after parsing without one: autolink literals it
 * finds in text that micromark left alone (`[Ex. Log working group https://github.com/…#logs ]` in a
 * list item). Without, such a link would sit at offset 0 of its chunk — a finding on the wrong line.
 * Each is searched for in its parent's text after the sibling before it. One not found there is
 * placed at `fallbackAt(its parent's start)` when that is given (the start of the chunk it is in,
 * where a chunk parsed alone would have it); otherwise it keeps no position (offset 0).
 */
export function locateUnpositioned(root: Root, text: string, fallbackAt?: (offset: number) => number): void {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    let cursor = parent.position?.start.offset ?? 0;
    const end = parent.position?.end.offset ?? text.length;
    for (const child of parent.children as Nodes[]) {
      if (!child.position) {
        const literal = child.type === 'text' ? child.value : plainText(child);
        const at = literal === '' ? -1 : text.indexOf(literal, cursor);
        if (at !== -1 && at + literal.length <= end) {
          child.position = { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: at + literal.length } };
        } else if (fallbackAt) {
          const offset = fallbackAt(parent.position?.start.offset ?? 0);
          child.position = { start: { line: 0, column: 0, offset }, end: { line: 0, column: 0, offset } };
        }
      }
      if (child.position?.end.offset !== undefined) cursor = child.position.end.offset;
      if ('children' in child) stack.push(child as Parent);
    }
  }
}
