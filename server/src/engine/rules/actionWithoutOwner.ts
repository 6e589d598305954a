import type { Rule } from './rule';
import { fix, shorten } from './edits';

export const actionWithoutOwner: Rule = {
  code: 'action-without-owner',
  description: 'An open action item of a meeting note names no @owner.',
  defaultSeverity: 'information',
  appliesTo: ['meeting'],
  check({ doc }, report) {
    const handles = [...new Set(doc.meeting.attendees.map((a) => a.handle).filter((h): h is string => Boolean(h)))];
    for (const action of doc.meeting.actions) {
      if (action.done || action.owners.length > 0) continue;
      const end = action.ownSpan.end;
      report({
        span: action.ownSpan,
        message: `Open action without an owner: ${shorten(action.text, 80)}`,
        fixes: handles.slice(0, 5).map((handle) => fix(`Add @${handle} as owner`, [{ span: { start: end, end }, newText: ` @${handle}` }])),
      });
    }
  },
};
