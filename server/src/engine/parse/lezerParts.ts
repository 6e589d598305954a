/**
 * What an inline text of lezer is made of so far (`InlineContext.parts`, not in lezer's typings):
 * delimiters still open, and the elements made. Read by the extensions that must know which
 * brackets are open.
 */

export interface OpenBracket {
  type: object;
  from: number;
  to: number;
  side: number;
}

export function partsOf(cx: object): unknown[] {
  return (cx as { parts: unknown[] }).parts;
}

/** lezer's `[` and `![` delimiters, the ones whose type resolves to nothing of their own. */
export function isOpenBracket(part: unknown): part is OpenBracket {
  return typeof part === 'object' && part !== null && 'side' in part && typeof (part as OpenBracket).type === 'object' && !('resolve' in (part as OpenBracket).type);
}
