import type { Finding } from '../types';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: Finding['severity'];
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

/** SPEC §10's JSON shape: 1-based lines and columns, files as the caller names them. */
export function toJsonFindings(findings: readonly Finding[], fileOf: (uri: string) => string): JsonFinding[] {
  return findings.map((finding) => {
    const json: JsonFinding = {
      file: fileOf(finding.uri),
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
    };
    if (finding.related?.length) {
      json.related = finding.related.map((place) => ({
        file: fileOf(place.uri),
        line: place.range.start.line + 1,
        column: place.range.start.character + 1,
        message: place.message,
      }));
    }
    return json;
  });
}
