/** A body that says no more than this beside its links is only the link ("Please refer to: [X](x)"). */
const BARE_LINK_MAX_WORDS = 4;
/** A body this short that says "see …" with a link sends the reader elsewhere rather than defining. */
const POINTER_MAX_WORDS = 60;
const POINTER_PHRASE =
  /\b(?:see|refer(?:red)? to|check(?: out)?|listed (?:in|at|on)|described (?:in|at)|documented (?:in|at)|defined (?:in|at)|found (?:in|at)|details (?:in|at|on)|learn more|more (?:details|information))\b/i;

/** Whether a body of this many words could be a pointer at all (cheap check before the full one). */
export function mayBePointer(wordCount: number): boolean {
  return wordCount > 0 && wordCount <= POINTER_MAX_WORDS;
}

export interface BodyForPointer {
  /** The body's Markdown. */
  prose: string;
  wordCount: number;
  /** Words of the body outside its links' text. */
  wordsOutsideLinks: number;
  /** Targets of the body's links. */
  linkUrls: readonly string[];
}

/**
 * Whether a section only points elsewhere ("see X", one line with a link): such a section is not a
 * definition. A `mailto:` link is a contact, not a pointer to another definition: "email
 * security@… to report it" defines how to report.
 */
export function isPointerBody(body: BodyForPointer): boolean {
  const pointsElsewhere = body.linkUrls.some((url) => url.trim() !== '' && !/^mailto:/i.test(url.trim()));
  if (!pointsElsewhere || body.wordCount === 0) return false;
  if (body.wordsOutsideLinks <= BARE_LINK_MAX_WORDS) return true;
  return body.wordCount <= POINTER_MAX_WORDS && POINTER_PHRASE.test(body.prose);
}
