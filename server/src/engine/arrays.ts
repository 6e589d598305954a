/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument: past
 * about 100,000 items (a document's findings, a paragraph's inline nodes, a meeting's items) it
 * throws "Maximum call stack size exceeded" (a 4 MB document of 360,000 broken anchors lost its
 * broken-fragment check to it).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
