/**
 * A 53-bit hash of a text and its length: what a text is known by where holding the text itself
 * would cost its memory (link target facts, a file's duplicate definitions).
 */
export function contentKey(text: string): string {
  let h1 = multiplicativeHash(text, 0xdeadbeef, 2654435761);
  let h2 = multiplicativeHash(text, 0x41c6ce57, 1597334677);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * The loop alone, in a function of its own: with the finish after it in the same function, V8
 * compiled the loop on the stack of each call and threw that code away at the finish, which had
 * run too rarely to be typed (460 deoptimizations in a cold check of cncf/toc's 463 files).
 */
function multiplicativeHash(text: string, seed: number, multiplier: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), multiplier);
  return hash;
}
