import type { Finding, Severity } from '../types';

const ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

/** One line per finding, `file:line:column: severity: message [code]`, as compilers print them. */
export function formatText(findings: readonly Finding[], fileOf: (uri: string) => string): string {
  const lines = findings.map(
    (f) => `${fileOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.code}]`,
  );
  return lines.join('\n');
}

export function summarize(findings: readonly Finding[], fileCount: number): string {
  if (findings.length === 0) return `No problems in ${plural(fileCount, 'file')}.`;
  const counts = ORDER.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => (severity === 'information' ? `${count} information` : plural(count, severity)));
  return `${plural(findings.length, 'problem')} (${counts.join(', ')}) in ${plural(fileCount, 'file')}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
