import type { WorkspaceEdit } from 'vscode-languageserver';
import type { Project } from '../engine/project';
import type { Finding } from '../engine/types';
import { applyAutomaticFixes, minimalEdit } from '../engine/fixes';
import { toWorkspaceEdit } from './convert';

/** `source.fixAll.govmd`: every safe fix, as one minimal edit (what codeActionsOnSave applies). */
export async function fixAllEdit(project: Project, uri: string, findings: Finding[]): Promise<WorkspaceEdit | undefined> {
  const doc = await project.document(uri);
  if (!doc) return undefined;
  const result = await applyAutomaticFixes(uri, doc.text, findings, (text) => project.checkText(uri, text));
  const edit = minimalEdit(doc.text, result.text);
  return edit ? toWorkspaceEdit(uri, [edit]) : undefined;
}
