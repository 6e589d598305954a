import type { Span } from '../types';
import type { Located } from './canonical';
import { lineBreakOf } from '../text/lineIndex';
import { decodeUri, uriBasename } from '../text/uriText';
import { linkBetween } from '../workspaceIndex';

export interface LinkReplacement {
  /** The code action's title. */
  title: string;
  /** What to replace in the member's document: its body, keeping the heading or label. */
  span: Span;
  newText: string;
}

/**
 * Replaces a duplicated definition with a link to the canonical one, keeping its heading or bold
 * label so anchors and lists stay in place: `* **How to Become a Member**: See [Adding New
 * Member/Approver/Maintainer in COMMUNITY_MEMBERSHIP.md](COMMUNITY_MEMBERSHIP.md#adding-new-memberapprovermaintainer).`
 * `text` is the member's document. Applied once, the section is a pointer and no longer reported.
 */
export function linkReplacement(text: string, member: Located, target: Located): LinkReplacement {
  const href = linkBetween(member.uri, target.uri, target.definition.anchor);
  const link = `[${escapeLinkText(`${target.definition.label} in ${uriBasename(target.uri)}`)}](${href})`;
  const { labelSpan, bodySpan } = member.definition;
  const title = `Replace this definition with a link to ${decodeUri(href)}`;
  const eol = lineBreakOf(text);
  if (member.definition.kind === 'heading') return { title, span: bodySpan, newText: `${eol}${eol}See ${link}.` };
  // `A **Maintainer** is …`: the label is inside the sentence the link replaces.
  if (bodySpan.start <= labelSpan.start) return { title, span: bodySpan, newText: `See ${link}.` };
  const labelEndsWithPunctuation = /[:.]\*\*$|[:.]__$/.test(text.slice(labelSpan.start, labelSpan.end)) || text[labelSpan.end] === ':';
  return { title, span: bodySpan, newText: `${labelEndsWithPunctuation ? '' : ':'} See ${link}.` };
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
