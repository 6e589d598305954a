import type { GovDocument } from '../govDocument';
import { progressOf, type DdProgress } from '../model/dd';
import { progressMarkdownTable } from '../report/progress';

/**
 * "Show criteria progress" as Markdown: met/total per area for Required and Suggested, the
 * whole, then the open Required criteria per area, each linked to its line in the document
 * (`file:///…#L52`, which VS Code's Markdown preview opens at that line). Criteria of unknown
 * kind count as Required, as their severity does; criteria without a checkbox count as not met.
 */
export function progressReport(doc: GovDocument): string {
  const progress = progressOf(doc.dd);
  const title = doc.parsed.headings.find((h) => h.depth === 1)?.text || doc.path;
  const out: string[] = [`# Criteria progress: ${title}`];
  if (doc.dd.criteria.length === 0) {
    out.push('No criteria found: a criterion is a list item that starts with bold text, under an area heading (`## Security`).');
    return out.join('\n\n') + '\n';
  }
  out.push(progressMarkdownTable(progress));
  const open = openRequiredCriteria(doc);
  out.push(`## Open Required criteria (${open.length})`);
  if (open.length === 0) out.push('None: every Required criterion is met.');
  const byArea = new Map<string, string[]>();
  for (const criterion of open) {
    const entry = `- ${criterion.title} ([line ${criterion.line + 1}](${doc.uri}#L${criterion.line + 1}))`;
    byArea.set(criterion.area, [...(byArea.get(criterion.area) ?? []), entry]);
  }
  for (const [area, entries] of byArea) out.push(`### ${area}`, entries.join('\n'));
  return out.join('\n\n') + '\n';
}

export interface OpenCriterion {
  area: string;
  title: string;
  /** 0-based, as editors count. */
  line: number;
}

/** Criteria not met that count as Required (unknown kind included), in document order. */
export function openRequiredCriteria(doc: GovDocument): OpenCriterion[] {
  return doc.dd.criteria
    .filter((c) => c.kind !== 'suggested' && c.checked !== true)
    .map((c) => ({
      area: c.area?.title ?? '(no area)',
      title: c.title.replace(/\s+/g, ' ').trim(),
      line: doc.parsed.lines.positionAt(c.item.span.start).line,
    }));
}

/** The status-bar item of the active DD: `DD 26/43 required`. */
export function statusBarText(progress: DdProgress): string {
  if (progress.required.total > 0) return `DD ${progress.required.met}/${progress.required.total} required`;
  if (progress.suggested.total > 0) return `DD ${progress.suggested.met}/${progress.suggested.total} suggested`;
  return 'DD no criteria';
}
