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

/**
 * Titles as compared, kept from one check to the next: a DD is checked at every keystroke, and its
 * titles rarely change (the Unicode-aware pattern cost more than the rest of the rule). Bounded:
 * typing in a title adds one entry a keystroke.
 */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 10_000;

function normalizeTitle(title: string): string {
  let key = normalized.get(title);
  if (key === undefined) {
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    key = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    normalized.set(title, key);
  }
  return key;
}
