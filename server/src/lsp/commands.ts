import type { Connection } from 'vscode-languageserver';
import type { Session } from './session';
import type { GovDocument } from '../engine/govDocument';
import { progressOf } from '../engine/model/dd';
import { ownerCandidates } from '../engine/editor/completion';

/** Commands the client asks the server to run (`workspace/executeCommand`); the client owns the UI. */
export const SERVER_COMMANDS = ['govmd.progress', 'govmd.knownOwners'];

export interface ProgressResult {
  title: string;
  status: string;
  required: { met: number; total: number };
  suggested: { met: number; total: number };
  areas: { title: string; line: number; required: { met: number; total: number }; suggested: { met: number; total: number } }[];
}

export function registerCommands(
  connection: Connection,
  session: () => Session,
  docFor: (uri: string) => Promise<GovDocument | undefined>,
): void {
  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    switch (command) {
      case 'govmd.progress': {
        const doc = await docFor(String(args[0]));
        if (!doc || doc.kind !== 'dd' || doc.dd.criteria.length === 0) return null;
        const progress = progressOf(doc.dd);
        const result: ProgressResult = {
          title: doc.parsed.headings.find((h) => h.depth === 1)?.text ?? doc.path,
          status: `DD ${progress.required.met}/${progress.required.total} required`,
          required: progress.required,
          suggested: progress.suggested,
          areas: progress.areas.map((area) => ({
            title: area.title,
            line: doc.parsed.lines.positionAt(area.heading.span.start).line,
            required: area.required,
            suggested: area.suggested,
          })),
        };
        return result;
      }
      case 'govmd.knownOwners': {
        const docs = await session().openDocuments();
        const facts = await session().project.workspaceFacts();
        const candidates = ownerCandidates(docs, facts.ownerHandles ?? []);
        return { handles: candidates.handles, todoOwners: candidates.todoOwners };
      }
      default:
        return null;
    }
  });
}
