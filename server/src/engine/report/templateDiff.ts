import type { GovDocument } from '../govDocument';
import { kindName, plainTitle, type TemplateComparison } from '../template/compare';
import { templateLabel, templateOrigin } from '../template/ddTemplate';

/** "4 criteria missing · 1 moved", or that the DD has every criterion where the template puts it. */
export function templateSummary(comparison: TemplateComparison): string {
  const parts: string[] = [];
  const { missing, moved, places } = comparison;
  if (missing.length) parts.push(`${missing.length} ${missing.length === 1 ? 'criterion' : 'criteria'} missing`);
  if (moved.length) parts.push(`${moved.length} moved`);
  return parts.length ? parts.join(' · ') : `all ${places.length} criteria in place`;
}

/** The lens over a DD's title: `Template of 2026-06-29: 4 criteria missing · 1 moved`. */
export function templateLensTitle(comparison: TemplateComparison): string {
  return `${templateLabel(comparison.template)}: ${templateSummary(comparison)}`;
}

/**
 * What `govmd template-diff` prints: the summary, then one line per missing or moved criterion with
 * where the template puts it.
 */
export function formatTemplateDiff(doc: GovDocument, comparison: TemplateComparison, file: string, pathOf?: (uri: string) => string): string {
  const lines = [`${file}: ${templateLensTitle(comparison)} (${templateOrigin(comparison.template, pathOf)})`];
  const rows: [string, string, string][] = [];
  for (const place of comparison.missing) rows.push(['missing', `${place.area.title} / ${kindName(place.kind)}`, plainTitle(place.title)]);
  for (const { found, to } of comparison.moved) {
    const line = doc.parsed.lines.positionAt(found.item.span.start).line + 1;
    const here = found.area?.title === to.area.title ? kindName(found.kind) : `${found.area?.title ?? 'no area'} / ${kindName(found.kind)}`;
    rows.push(['moved', `${to.area.title} / ${kindName(to.kind)}`, `${plainTitle(to.title)} (line ${line}: under ${here})`]);
  }
  if (rows.length) {
    lines.push('');
    const width = Math.max(...rows.map((row) => row[1].length));
    for (const [what, where, title] of rows) lines.push(`${what.padEnd(7)}  ${where.padEnd(width)}  ${title}`);
  }
  return lines.join('\n');
}

/** The same as JSON, for scripts. */
export function templateDiffJson(doc: GovDocument, comparison: TemplateComparison, pathOf: (uri: string) => string = (uri) => uri) {
  const { template } = comparison;
  return {
    template: { level: template.level, date: template.date ?? null, source: template.source === 'built-in' ? 'built-in' : pathOf(template.source) },
    criteria: comparison.places.length,
    missing: comparison.missing.map((place) => ({ area: place.area.title, kind: place.kind, title: plainTitle(place.title) })),
    moved: comparison.moved.map(({ found, to }) => ({
      line: doc.parsed.lines.positionAt(found.item.span.start).line + 1,
      title: plainTitle(to.title),
      from: { area: found.area?.title ?? null, kind: found.kind },
      to: { area: to.area.title, kind: to.kind },
    })),
  };
}
