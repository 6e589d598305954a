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
    const lowerCandidates = candidates.map((candidate) => candidate.toLowerCase());
    // The first attendee of each name who has a handle, and one suggestion per handle however often
    // it is written: a note of thousands of mentions compared each with every attendee.
    const handleByName = new Map<string, string>();
    for (const attendee of attendees) {
      const name = attendee.name.toLowerCase();
      if (attendee.handle && !handleByName.has(name)) handleByName.set(name, attendee.handle);
    }
    const suggestions = new Map<string, string | undefined>();
    // Most handles nobody knows are people an issue is assigned to: only a likely slip is reported.
    // "@Gaius" for the attendee "[Gaius](https://github.com/gaius-qi)": the display name was used.
    const suggestionFor = (handle: string): string | undefined => {
      if (!suggestions.has(handle)) suggestions.set(handle, handleByName.get(handle.toLowerCase()) ?? nearHandle(handle, candidates, lowerCandidates));
      return suggestions.get(handle);
    };

    for (const mention of doc.meeting.mentions) {
      if (mention.team || EVERYONE.has(mention.handle.toLowerCase()) || known.has(handleKey(mention.handle))) continue;
      const suggestion = suggestionFor(mention.handle);
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

function nearHandle(handle: string, candidates: string[], lower: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(handle.toLowerCase(), lower);
  const near = distance(handle.toLowerCase(), best) <= (handle.length >= 5 ? 2 : 1);
  return near ? candidates[lower.indexOf(best)] : undefined;
}
