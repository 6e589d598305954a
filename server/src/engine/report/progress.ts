import type { DdProgress, KindProgress } from '../model/dd';

/** The criteria progress table `govmd progress` prints. */
export function formatProgressTable(title: string, progress: DdProgress): string {
  const rows: [string, string, string][] = progress.areas.map((area) => [area.title, ratio(area.required), ratio(area.suggested)]);
  rows.push(['Total', ratio(progress.required), ratio(progress.suggested)]);
  const header: [string, string, string] = ['Area', 'Required', 'Suggested'];
  const widths = [0, 1, 2].map((column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const format = (row: [string, string, string]) =>
    `${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2].padStart(widths[2])}`;
  const rule = '-'.repeat(widths[0] + widths[1] + widths[2] + 4);
  return [title, '', format(header), rule, ...rows.slice(0, -1).map(format), rule, format(rows[rows.length - 1])].join('\n');
}

/**
 * The same figures as a GitHub Markdown table (PR comments, job summaries, the editor's report):
 * `3/5 (60%)` per area and kind, `—` where an area has no criterion of that kind.
 */
export function progressMarkdownTable(progress: DdProgress): string {
  return [
    '| Area | Required | Suggested |',
    '| --- | ---: | ---: |',
    ...progress.areas.map((area) => `| ${escapeCell(area.title)} | ${percentRatio(area.required)} | ${percentRatio(area.suggested)} |`),
    `| **All areas** | **${percentRatio(progress.required)}** | **${percentRatio(progress.suggested)}** |`,
  ].join('\n');
}

/** `govmd progress --format markdown`: a heading naming the DD (and its file), then the table. */
export function formatProgressMarkdown(title: string, file: string, progress: DdProgress): string {
  return `### ${escapeInline(title)}\n\n\`${file.replace(/`/g, "'")}\`\n\n${progressMarkdownTable(progress)}\n`;
}

function ratio(progress: KindProgress): string {
  return `${progress.met}/${progress.total}`;
}

function percentRatio(progress: KindProgress): string {
  if (progress.total === 0) return '—';
  return `${progress.met}/${progress.total} (${Math.round((progress.met / progress.total) * 100)}%)`;
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** A title is shown as text: Markdown in it (a `<`, a `*`) must not turn into markup. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, '\\$&');
}
