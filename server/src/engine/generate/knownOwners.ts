import type { GovDocument } from '../govDocument';
import { ownerKey } from '../model/todos';
import { handleKey } from '../model/mentions';

export interface KnownOwner {
  /** As first written: `Dragonfly Team`, `@gaius-qi`. */
  name: string;
  /** Where it was first seen: a TODO's owner, or a GitHub handle (mention, attendee, owners file). */
  source: 'todo' | 'handle';
  /** How often the workspace names it. */
  uses: number;
}

/**
 * The owners to offer when inserting a TODO: TODO owners of the workspace and the handles it knows
 * (`known`: see `knownHandles` — never a bare mention, which may be the slip `unknown-owner`
 * reports), grouped case-insensitively (`Dragonfly Team` and `Dragonfly team` are one) and shown as
 * first written, most used first. A handle written as a TODO owner (`TODO for @x:`) and as a
 * mention is one owner; a TODO owner written as an unknown handle is not offered either.
 */
export function knownOwners(docs: readonly GovDocument[], known: ReadonlyMap<string, string>): KnownOwner[] {
  const owners = new Map<string, KnownOwner>();
  const add = (name: string, source: KnownOwner['source']) => {
    const key = ownerKey(name);
    if (!key || key === '@') return;
    if (key.startsWith('@') && !known.has(handleKey(key))) return;
    const found = owners.get(key);
    if (found) found.uses++;
    else owners.set(key, { name: name.trim().replace(/\s+/g, ' '), source, uses: 1 });
  };
  for (const doc of docs) {
    for (const todo of doc.parsed.todos) if (todo.owner) add(todo.owner, 'todo');
    for (const mention of doc.parsed.mentions) {
      // `**TODO for @ann:**` names its owner once, not as a TODO owner and a mention.
      const inMarker = doc.parsed.todos.some((todo) => mention.span.start >= todo.span.start && mention.span.end <= todo.span.end);
      if (!mention.team && !inMarker) add(`@${mention.handle}`, 'handle');
    }
    if (doc.kind === 'meeting') {
      for (const attendee of doc.meeting.attendees) if (attendee.handle) add(`@${attendee.handle}`, 'handle');
    }
  }
  // The known handles no document names, as written where they are known from.
  for (const handle of known.values()) if (!owners.has(ownerKey(`@${handle}`))) add(`@${handle}`, 'handle');
  return [...owners.values()].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}
