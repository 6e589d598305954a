import type { Finding, Fix, RelatedPlace, Severity, Span } from './types';
import type { GovDocument } from './govDocument';
import type { Settings } from './settings';
import type { Rule, RuleFinding, WorkspaceFacts } from './rules/rule';
import { RULES } from './rules';
import { Suppressions } from './suppressions';
import { appendAll } from './arrays';

/**
 * Runs every rule that applies to the document's kind and is not turned off. A rule that throws
 * (a bug, or a host that failed to answer it) costs only its own findings on this document: it
 * is reported as one finding under its code, and the other rules' findings stand.
 */
export function checkDocument(doc: GovDocument, workspace: WorkspaceFacts, settings: Settings, rules: readonly Rule[] = RULES): Finding[] {
  if (doc.kind === 'none') return [];
  const lines = doc.parsed.lines;
  const suppressions = new Suppressions(doc.parsed);
  const findings: Finding[] = [];
  const order = new Map(rules.map((rule, index) => [rule.code, index]));

  for (const rule of rules) {
    if (!rule.appliesTo.includes(doc.kind)) continue;
    const override = settings.severity[rule.code];
    if (override === 'off') continue;
    const reportedByRule: Finding[] = [];
    const report = (reported: RuleFinding) => {
      const range = lines.range(reported.span);
      if (suppressions.isSuppressed(rule.code, range.start.line)) return;
      const severity: Severity = override ?? reported.severity ?? rule.defaultSeverity;
      const finding: Finding = { uri: doc.uri, code: rule.code, severity, range, message: reported.message };
      if (reported.related?.length) finding.related = reported.related.map((place) => toRelated(doc, place));
      const fixes: Fix[] = (reported.fixes ?? []).filter((f) => f.edits.length > 0).map((f) => ({
        title: f.title,
        edits: f.edits.map((edit) => ({ range: lines.range(edit.span), newText: edit.newText })),
        ...(f.isPreferred ? { isPreferred: true } : {}),
        ...(f.automatic ? { automatic: true } : {}),
      }));
      if (fixes.length) finding.fixes = fixes;
      reportedByRule.push(finding);
    };
    try {
      rule.check({ doc, workspace, settings }, report);
      appendAll(findings, reportedByRule);
    } catch (error) {
      findings.push({
        uri: doc.uri,
        code: rule.code,
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `The ${rule.code} check failed on this document (${firstLine(error)}); the other checks ran. Please report this.`,
      });
    }
  }
  return findings.sort((a, b) => compareFindings(a, b, order));
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.code, index]));

function compareFindings(a: Finding, b: Finding, order: ReadonlyMap<string, number>): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || order.get(a.code)! - order.get(b.code)!;
}

/**
 * A document's findings with those of some rules replaced by a fresh run of those rules alone:
 * what `checkDocument` with every rule would give, when only those rules' facts changed.
 */
export function replaceFindings(previous: readonly Finding[], codes: ReadonlySet<string>, fresh: readonly Finding[]): Finding[] {
  return [...previous.filter((finding) => !codes.has(finding.code)), ...fresh].sort((a, b) => compareFindings(a, b, RULE_ORDER));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0];
}

function toRelated(doc: GovDocument, place: RelatedPlace | { span: Span; message: string }): RelatedPlace {
  if ('uri' in place) return place;
  return { uri: doc.uri, range: doc.parsed.lines.range(place.span), message: place.message };
}
