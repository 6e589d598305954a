import { closest, distance } from 'fastest-levenshtein';
import type { Rule } from './rule';
import { fix } from './edits';
import { handleKey } from '../model/mentions';

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  description: 'An @handle in a meeting note is neither an attendee nor listed in a MAINTAINERS / OWNERS file.',
  defaultSeverity: 'information',
  appliesTo: ['meeting'],
  check({ doc, workspace, settings }, report) {
    const attendees = doc.meeting.attendees;
    const known = new Set<string>(workspace.knownOwners);
    for (const owner of settings.owners) known.add(handleKey(owner));
    for (const attendee of attendees) if (attendee.handle) known.add(handleKey(attendee.handle));
    const attendeeHandles = attendees.map((a) => a.handle).filter((h): h is string => Boolean(h));

    for (const mention of doc.meeting.mentions) {
      if (mention.team || known.has(handleKey(mention.handle))) continue;
      // "@Gaius" for the attendee "[Gaius](https://github.com/gaius-qi)": the display name was used.
      const byName = attendees.find((a) => a.handle && a.name.toLowerCase() === mention.handle.toLowerCase());
      const suggestion = byName?.handle ?? nearHandle(mention.handle, attendeeHandles);
      report({
        span: mention.span,
        message: `@${mention.handle} is not an attendee of this meeting nor in a MAINTAINERS or OWNERS file${suggestion ? `; did you mean @${suggestion}?` : ''}`,
        fixes: suggestion ? [fix(`Change to @${suggestion}`, [{ span: mention.span, newText: `@${suggestion}` }], { isPreferred: true })] : [],
      });
    }
  },
};

function nearHandle(handle: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(handle.toLowerCase(), lower);
  const near = distance(handle.toLowerCase(), best) <= (handle.length >= 5 ? 2 : 1);
  return near ? candidates[lower.indexOf(best)] : undefined;
}
