import { slug } from 'github-slugger';
import type { Rule } from './rule';
import { parentHeadings } from '../model/headings';
import type { HeadingFact } from '../parse/facts';
import { anchorsOf } from '../links/anchors';
import { shorten } from './edits';

export const duplicateHeading: Rule = {
  code: 'duplicate-heading',
  description: 'Two sibling headings read the same, so links to the anchor reach only the first.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    const { headings } = doc.parsed;
    const slugs = anchorsOf(doc.parsed).headingSlugs;
    // Siblings share a parent: "### Required" under each "## Area" of a DD is not a duplicate.
    const parents = parentHeadings(headings);
    const seen = new Map<string, number>();
    headings.forEach((heading, index) => {
      const parent = parents[index];
      const base = slug(heading.anchorText);
      if (base === '') return;
      const key = `${parent}\u0000${heading.depth}\u0000${base}`;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, index);
        return;
      }
      const first: HeadingFact = headings[earlier];
      const line = doc.parsed.lines.positionAt(first.span.start).line + 1;
      report({
        span: heading.contentSpan,
        message: `"${shorten(heading.text, 60)}" repeats the heading on line ${line}: #${slugs[earlier]} leads there, this one is #${slugs[index]}`,
        related: [{ span: first.contentSpan, message: `"${shorten(first.text, 60)}" first appears here` }],
      });
    });
  },
};
