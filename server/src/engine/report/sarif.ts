import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../types';
import { encodeUri } from '../text/uriText';

export interface SarifRule {
  code: string;
  description: string;
  defaultSeverity: Severity;
  /** The rule's page (docs/rules/<code>.md), shown by code scanning beside each alert. */
  helpMarkdown?: string;
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules as the driver's rules,
 * file paths relative to the checkout (`%SRCROOT%`), UTF-16 columns like VS Code's.
 */
export function toSarif(findings: readonly Finding[], rules: readonly SarifRule[], fileOf: (uri: string) => string, version: string): Log {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.code,
    name: rule.code.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    ...(rule.helpMarkdown ? { help: { text: rule.helpMarkdown, markdown: rule.helpMarkdown } } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const location = (uri: string, range: Finding['range']) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeUri(fileOf(uri)), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  });
  const results: Result[] = findings.map((finding) => {
    const result: Result = {
      ruleId: finding.code,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.uri, finding.range)],
      partialFingerprints: { 'govmdFinding/v1': fingerprint(`${fileOf(finding.uri)}|${finding.code}|${finding.message}`) },
    };
    const index = ruleIndex.get(finding.code);
    if (index !== undefined) result.ruleIndex = index;
    if (finding.related?.length) {
      result.relatedLocations = finding.related.map((place, id) => ({ id, ...location(place.uri, place.range), message: { text: place.message } }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'govmd', version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** FNV-1a: a stable id that survives line moves, so code scanning tracks a finding across commits. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
