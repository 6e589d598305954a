import type { Span } from '../types';
import { forEachProseMatch } from './prose';

export interface Mention {
  span: Span;
  /** The handle without `@`, as written. */
  handle: string;
  /** `@org/team` mentions name a team, not a person. */
  team: boolean;
}

// GitHub handles: alphanumerics and single hyphens, at most 39 characters; a mention may not follow
// a word character (that is an e-mail address) or a slash (a path).
const MENTION = /(?<![\w@/`])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(\/[A-Za-z0-9_.-]+)?/g;

export function findMentions(text: string, nonProse: readonly Span[]): Mention[] {
  const mentions: Mention[] = [];
  if (!text.includes('@')) return mentions;
  forEachProseMatch(text, MENTION, nonProse, (match, span) => {
    mentions.push({ span, handle: match[1], team: Boolean(match[2]) });
  });
  return mentions;
}

export function handleKey(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}
