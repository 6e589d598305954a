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

function ratio(progress: KindProgress): string {
  return `${progress.met}/${progress.total}`;
}
