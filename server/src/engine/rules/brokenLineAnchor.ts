import type { Rule } from './rule';
import { parseLineAnchor } from '../links/destination';
import { linkOccurrences } from '../links/occurrences';
import { fragmentTarget } from '../links/fragments';

export const brokenLineAnchor: Rule = {
  code: 'broken-line-anchor',
  description: 'A GitHub line anchor (`#L164`, `#L199-L201`) points past the end of the file it links to.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc, workspace }, report) {
    for (const occurrence of linkOccurrences(doc.parsed)) {
      const target = fragmentTarget(doc, occurrence, workspace.links);
      const lines = target ? parseLineAnchor(target.fragment) : undefined;
      if (!target || !lines || target.lineCount === undefined || target.folder) continue;
      if (lines.start >= 1 && lines.end <= target.lineCount) continue;
      const named = lines.start === lines.end ? `line ${lines.start}` : `lines ${lines.start}-${lines.end}`;
      report({
        span: occurrence.span,
        message: lines.start < 1
          ? `#${target.fragment} names line 0; GitHub numbers lines from 1`
          : `#${target.fragment} names ${named}, but ${target.name} has ${target.lineCount} line${target.lineCount === 1 ? '' : 's'}`,
      });
    }
  },
};
