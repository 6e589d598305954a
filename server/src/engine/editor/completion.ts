import type { GovDocument } from '../govDocument';
import { ownerKey } from '../model/todos';

export interface CompletionContext {
  /** The text of the line up to the cursor. */
  linePrefix: string;
}

export interface OwnerCandidates {
  /** GitHub handles: attendees, MAINTAINERS/OWNERS files, mentions. */
  handles: readonly string[];
  /** TODO owners as first written, one per case-insensitive name. */
  todoOwners: readonly string[];
}

export type Completion =
  | { kind: 'handle'; replaceFrom: number; items: string[] }
  | { kind: 'todo-owner'; replaceFrom: number; items: string[] };

/** `@` completes handles; `TODO for ` completes the owners TODOs already name. */
export function completeAt(context: CompletionContext, candidates: OwnerCandidates): Completion | undefined {
  const todo = /\bTODO[ \t]+[Ff][Oo][Rr][ \t]+([^*:]*)$/.exec(context.linePrefix);
  if (todo) {
    const typed = todo[1].toLowerCase();
    return { kind: 'todo-owner', replaceFrom: context.linePrefix.length - todo[1].length, items: candidates.todoOwners.filter((o) => o.toLowerCase().startsWith(typed)) };
  }
  const mention = /(?:^|[^\w@/`])@([A-Za-z0-9-]*)$/.exec(context.linePrefix);
  if (mention) {
    const typed = mention[1].toLowerCase();
    return { kind: 'handle', replaceFrom: context.linePrefix.length - mention[1].length, items: candidates.handles.filter((h) => h.toLowerCase().startsWith(typed)) };
  }
  return undefined;
}

/**
 * The handles the workspace knows for this document (`knownHandles`: attendees, owners files,
 * settings) and the TODO owners its documents name. Mentions alone do not count: they may be the
 * slips `unknown-owner` reports.
 */
export function ownerCandidates(docs: readonly GovDocument[], known: ReadonlyMap<string, string>): OwnerCandidates {
  const owners = new Map<string, string>();
  for (const doc of docs) {
    for (const todo of doc.parsed.todos) if (todo.owner && !owners.has(ownerKey(todo.owner))) owners.set(ownerKey(todo.owner), todo.owner);
  }
  return { handles: [...known.values()].sort((a, b) => a.localeCompare(b)), todoOwners: [...owners.values()].sort((a, b) => a.localeCompare(b)) };
}
