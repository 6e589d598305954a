/**
 * A 53-bit hash of a text and its length: what a text is known by where holding the text itself
 * would cost its memory (link target facts, a file's duplicate definitions).
 */
export function contentKey(text: string): string {
  let h1 = multiplicativeHashes(text);
  let h2 = secondHash;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * The loop alone, in a function of its own: with the finish after it in the same function, V8
 * compiled the loop on the stack of each call and threw that code away at the finish, which had
 * run too rarely to be typed (460 deoptimizations in a cold check of cncf/toc's 463 files).
 */
function multiplicativeHashes(text: string): number {
  // Both hashes in one pass over the text: reading each character was most of the cost.
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  secondHash = second;
  return first;
}

/** `multiplicativeHashes`' second hash: a number beside the one returned, not an object made for two. */
let secondHash = 0;
