import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, Fix, Severity, TextEdit } from '../engine/types';
import { fileUri } from '../engine/text/uriText';

export const SOURCE = 'govmd';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govmd`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Rule pages ship in the extension and the package (docs/rules/ beside server/out/): diagnostics
 * link to those files, which open in the editor. A server run from elsewhere has none to link to.
 */
const BUNDLED_DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const DOCS_BASE = existsSync(BUNDLED_DOCS) ? `${fileUri(BUNDLED_DOCS)}/` : undefined;

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    ...(DOCS_BASE ? { codeDescription: { href: `${DOCS_BASE}${finding.code}.md` } } : {}),
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((place) => ({ location: { uri: place.uri, range: place.range }, message: place.message }));
  }
  return diagnostic;
}

export function toWorkspaceEdit(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of edits) (changes[edit.uri ?? uri] ??= []).push({ range: edit.range, newText: edit.newText });
  return { changes };
}

export function toQuickFix(finding: Finding, fix: Fix): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(finding.uri, fix.edits), CodeActionKind.QuickFix);
  action.diagnostics = [toDiagnostic(finding)];
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}
