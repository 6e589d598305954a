import type { DdProgress, KindProgress } from '../model/dd';

/**
 * The criteria progress as a picture: per area one Required and one Suggested bar, filled by the
 * share met, with `met/total` beside it, then the whole DD. Self-contained SVG (no script, no
 * external font or stylesheet, an opaque background) so it renders the same as an image on
 * GitHub in light and dark themes, in a job summary, and in VS Code's webview.
 */
export function progressSvg(title: string, progress: DdProgress): string {
  const rows = [
    ...progress.areas.map((area) => ({ title: area.title, required: area.required, suggested: area.suggested, total: false })),
    { title: 'All areas', required: progress.required, suggested: progress.suggested, total: true },
  ];
  const height = ROWS_TOP + rows.length * ROW_HEIGHT + TOTAL_GAP + PADDING;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="govmd-title govmd-desc" font-family="${FONT}">`,
    `  <title id="govmd-title">Criteria progress: ${escapeXml(title)}</title>`,
    `  <desc id="govmd-desc">${escapeXml(describe(progress))}</desc>`,
    `  <rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="6" fill="#ffffff" stroke="${COLORS.border}"/>`,
    `  <text x="${PADDING}" y="32" font-size="16" font-weight="600" fill="${COLORS.text}">${escapeXml(truncate(title, 60))}</text>`,
    ...legend(),
  ];
  rows.forEach((row, index) => {
    const top = ROWS_TOP + index * ROW_HEIGHT + (row.total ? TOTAL_GAP : 0);
    if (row.total) out.push(`  <line x1="${PADDING}" y1="${top - TOTAL_GAP / 2 - 2}" x2="${WIDTH - PADDING}" y2="${top - TOTAL_GAP / 2 - 2}" stroke="${COLORS.border}"/>`);
    out.push(
      `  <g class="area" data-area="${escapeXml(row.title)}">`,
      `    <text x="${PADDING}" y="${top + 22}" font-size="13"${row.total ? ' font-weight="600"' : ''} fill="${COLORS.text}">${escapeXml(truncate(row.title, 32))}<title>${escapeXml(row.title)}</title></text>`,
      ...bar(row.title, 'Required', row.required, top + 4),
      ...bar(row.title, 'Suggested', row.suggested, top + 20),
      '  </g>',
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const WIDTH = 640;
const PADDING = 20;
const ROWS_TOP = 72;
const ROW_HEIGHT = 40;
const TOTAL_GAP = 12;
const BAR_X = 270;
const BAR_WIDTH = 280;
const BAR_HEIGHT = 12;
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif";
const COLORS = {
  text: '#1f2328',
  muted: '#59636e',
  border: '#d0d7de',
  track: '#eaeef2',
  Required: '#1a7f37',
  Suggested: '#0969da',
};

function legend(): string[] {
  return (['Required', 'Suggested'] as const).flatMap((kind, index) => {
    const x = PADDING + index * 110;
    return [
      `  <rect x="${x}" y="45" width="10" height="10" rx="2" fill="${COLORS[kind]}"/>`,
      `  <text x="${x + 16}" y="54" font-size="12" fill="${COLORS.muted}">${kind}</text>`,
    ];
  }).concat(`  <text x="${WIDTH - PADDING}" y="54" font-size="12" text-anchor="end" fill="${COLORS.muted}">met/total</text>`);
}

/** One bar: the track, the met share filled, `met/total` at its end; `—` when the area has none. */
function bar(area: string, kind: 'Required' | 'Suggested', progress: KindProgress, y: number): string[] {
  const label = progress.total === 0 ? '—' : `${progress.met}/${progress.total}`;
  const tooltip = progress.total === 0 ? `${area}: no ${kind} criteria` : `${area}: ${progress.met} of ${progress.total} ${kind} criteria met`;
  const filled = progress.total === 0 ? 0 : round((BAR_WIDTH * progress.met) / progress.total);
  return [
    `    <g class="bar" data-kind="${kind.toLowerCase()}" data-met="${progress.met}" data-total="${progress.total}">`,
    `      <title>${escapeXml(tooltip)}</title>`,
    progress.total === 0
      ? `      <rect class="track" x="${BAR_X}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="3" fill="none" stroke="${COLORS.border}" stroke-dasharray="3 3"/>`
      : `      <rect class="track" x="${BAR_X}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="3" fill="${COLORS.track}"/>`,
    `      <rect class="met" x="${BAR_X}" y="${y}" width="${filled}" height="${BAR_HEIGHT}" rx="3" fill="${COLORS[kind]}"/>`,
    `      <text x="${WIDTH - PADDING}" y="${y + 10}" font-size="12" text-anchor="end" fill="${progress.total === 0 ? COLORS.muted : COLORS.text}">${label}</text>`,
    '    </g>',
  ];
}

function describe(progress: DdProgress): string {
  const part = (p: KindProgress, kind: string) => `${p.met} of ${p.total} ${kind}`;
  return `${part(progress.required, 'Required')} and ${part(progress.suggested, 'Suggested')} criteria met, in ${progress.areas.length} areas.`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Text and attribute values; what XML 1.0 forbids (control characters, lone surrogates) is dropped. */
function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
