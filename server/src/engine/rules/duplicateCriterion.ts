import type { Rule } from './rule';
import type { Criterion } from '../model/dd';
import { shorten } from './edits';

export const duplicateCriterion: Rule = {
  code: 'duplicate-criterion',
  description: 'The same criterion appears twice in one Due Diligence document.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'template'],
  check({ doc }, report) {
    const byTitle = new Map<string, Criterion[]>();
    for (const criterion of doc.dd.criteria) {
      const key = normalizeTitle(criterion.title);
      const same = byTitle.get(key);
      if (same) same.push(criterion);
      else byTitle.set(key, [criterion]);
    }
    const lines = doc.parsed.lines;
    for (const same of byTitle.values()) {
      if (same.length < 2) continue;
      for (const criterion of same.slice(1)) {
        const first = same[0];
        const where = (c: Criterion) => `${c.area ? `"${c.area.title}"` : 'the document'}, line ${lines.positionAt(c.titleSpan.start).line + 1}`;
        report({
          span: criterion.titleSpan,
          message: `This criterion is already listed in ${where(first)}: ${shorten(criterion.title, 60)}`,
          related: [{ span: first.titleSpan, message: 'First listed here' }],
        });
      }
    }
  },
};

function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
