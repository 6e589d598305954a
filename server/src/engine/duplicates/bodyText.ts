const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

/**
 * The words a Markdown body says, lower-cased: what similarity compares and what word counts
 * count. Link destinations, URLs, HTML comments and tags are dropped (two sections that link to
 * the same places do not read alike for it); link text, code and table cells stay.
 */
export function bodyWords(markdown: string): string[] {
  const prose = markdown
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/^ {0,3}\[[^\]\r\n]+\]:[ \t]*\S.*$/gm, ' ')
    .replace(/\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, ']')
    .replace(/<(?:https?|mailto):[^>\s]*>/gi, ' ')
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>)\]]+/gi, ' ')
    .replace(/<\/?[A-Za-z][^>\n]*>/g, ' ');
  return prose.toLowerCase().match(WORD) ?? [];
}
