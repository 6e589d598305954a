import type { GovDocument } from '../govDocument';
import { progressOf, type DdProgress, type KindProgress } from '../model/dd';

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
  out.push(
    [
      '| Area | Required | Suggested |',
      '| --- | ---: | ---: |',
      ...progress.areas.map((area) => `| ${escapeCell(area.title)} | ${ratio(area.required)} | ${ratio(area.suggested)} |`),
      `| **All areas** | **${ratio(progress.required)}** | **${ratio(progress.suggested)}** |`,
    ].join('\n'),
  );
  const open = doc.dd.criteria.filter((c) => c.kind !== 'suggested' && c.checked !== true);
  out.push(`## Open Required criteria (${open.length})`);
  if (open.length === 0) out.push('None: every Required criterion is met.');
  const byArea = new Map<string, string[]>();
  for (const criterion of open) {
    const area = criterion.area?.title ?? '(no area)';
    const line = doc.parsed.lines.positionAt(criterion.item.span.start).line + 1;
    const entry = `- ${criterion.title.replace(/\s+/g, ' ').trim()} ([line ${line}](${doc.uri}#L${line}))`;
    byArea.set(area, [...(byArea.get(area) ?? []), entry]);
  }
  for (const [area, entries] of byArea) out.push(`### ${area}`, entries.join('\n'));
  return out.join('\n\n') + '\n';
}

/** The status-bar item of the active DD: `DD 26/43 required`. */
export function statusBarText(progress: DdProgress): string {
  if (progress.required.total > 0) return `DD ${progress.required.met}/${progress.required.total} required`;
  if (progress.suggested.total > 0) return `DD ${progress.suggested.met}/${progress.suggested.total} suggested`;
  return 'DD no criteria';
}

/** `3/5 (60%)`; `—` for an area with no criterion of that kind. */
function ratio(progress: KindProgress): string {
  if (progress.total === 0) return '—';
  return `${progress.met}/${progress.total} (${Math.round((progress.met / progress.total) * 100)}%)`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
