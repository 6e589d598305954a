import { closest, distance } from 'fastest-levenshtein';
import type { Rule } from './rule';
import { fix } from './edits';
import { handleKey } from '../model/mentions';
import { knownHandles } from '../model/owners';

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  description: 'An @handle in a meeting note looks like a mistake: a known handle is a small edit away, or it is a known person\'s display name.',
  defaultSeverity: 'information',
  appliesTo: ['meeting'],
  check({ doc, workspace, settings }, report) {
    const attendees = doc.meeting.attendees;
    const known = knownHandles(attendees, workspace.ownerHandles, settings.owners);
    const candidates = [...known.values()];

    for (const mention of doc.meeting.mentions) {
      if (mention.team || EVERYONE.has(mention.handle.toLowerCase()) || known.has(handleKey(mention.handle))) continue;
      // Most handles nobody knows are people an issue is assigned to: only a likely slip is reported.
      // "@Gaius" for the attendee "[Gaius](https://github.com/gaius-qi)": the display name was used.
      const byName = attendees.find((a) => a.handle && a.name.toLowerCase() === mention.handle.toLowerCase());
      const suggestion = byName?.handle ?? nearHandle(mention.handle, candidates);
      if (!suggestion) continue;
      report({
        span: mention.span,
        message: `@${mention.handle} is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file; did you mean @${suggestion}?`,
        fixes: [fix(`Change to @${suggestion}`, [{ span: mention.span, newText: `@${suggestion}` }], { isPreferred: true })],
      });
    }
  },
};

/** Mentions that address a group of people rather than an account. */
const EVERYONE = new Set(['all', 'everyone', 'here', 'channel', 'team']);

function nearHandle(handle: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(handle.toLowerCase(), lower);
  const near = distance(handle.toLowerCase(), best) <= (handle.length >= 5 ? 2 : 1);
  return near ? candidates[lower.indexOf(best)] : undefined;
}
