/**
 * A TODO marker for an owner, as DD reviewers write them: `**TODO for Dragonfly Team:** `, the
 * cursor's place after it. Characters that would end the owner early in the marker (`*`, `_`,
 * `:`) become spaces; without an owner, `**TODO:** `. The host decides where the line goes (DD
 * authors put it in the criterion's body, indented like the item: pass that indentation).
 */
export function todoBlock(owner: string, indent = ''): string {
  const name = owner.replace(/[*_:\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  return name ? `${indent}**TODO for ${name}:** ` : `${indent}**TODO:** `;
}
