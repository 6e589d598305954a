import type { Rule } from './rule';
import type { IssueEntry } from '../model/meeting';
import { deleteLines, fix } from './edits';

export const conflictingStatus: Rule = {
  code: 'conflicting-status',
  description: 'One issue or pull request is listed under two statuses (TODO and WIP) in a meeting note.',
  defaultSeverity: 'warning',
  appliesTo: ['meeting'],
  check({ doc }, report) {
    const byKey = new Map<string, IssueEntry[]>();
    for (const entry of doc.meeting.issues) {
      const same = byKey.get(entry.key);
      if (same) same.push(entry);
      else byKey.set(entry.key, [entry]);
    }
    const lineOf = (entry: IssueEntry) => doc.parsed.lines.positionAt(entry.item.span.start).line + 1;
    for (const [key, entries] of byKey) {
      const statuses = [...new Set(entries.map((e) => e.status))];
      if (statuses.length < 2) continue;
      const places = entries.map((e) => `${e.statusHeading.text} (line ${lineOf(e)})`).join(' and ');
      for (const entry of entries) {
        const others = entries.filter((other) => other !== entry);
        report({
          span: entry.item.firstParagraph ?? entry.item.span,
          message: `${key} is listed under ${places}`,
          related: others.map((other) => ({ span: other.item.span, message: `Also listed under ${other.statusHeading.text}` })),
          fixes: [fix(`Remove ${key} from ${entry.statusHeading.text}`, [deleteLines(doc, entry.item.span)])],
        });
      }
    }
  },
};
