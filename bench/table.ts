// How the bench prints: one Markdown table per bench, so the figures paste into an issue note.

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const isMissing = (value: number | undefined): value is undefined => value === undefined || Number.isNaN(value);

/** 18.2 s, 950 ms, 4.4 ms: three significant figures at most. */
export function duration(ms: number | undefined): string {
  if (isMissing(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function megabytes(mb: number | undefined): string {
  return isMissing(mb) ? 'n/a' : `${mb.toFixed(0)} MB`;
}

export function ratio(value: number | undefined): string {
  return isMissing(value) ? 'n/a' : `${value.toFixed(value >= 10 ? 0 : 2)}×`;
}
