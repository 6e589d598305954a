import type { Definition } from './definitions';
import type { Located } from './canonical';

/**
 * The definitions of one file that take part in topic groups: those with a topic that define
 * something, less any nested in another of the file that says the same (see `outermost`).
 */
export function topicEntries(definitions: readonly Definition[]): Definition[] {
  return outermost(definitions.filter((d) => d.topic && !d.isPointer && d.wordCount > 0));
}

/**
 * Drops a definition nested in another of its file with the same process and no role the outer
 * one lacks (`### Vacancies` inside `## Election Process`): the outer section already says it.
 */
function outermost(list: readonly Definition[]): Definition[] {
  const byProcess = new Map<string, Definition[]>();
  for (const definition of list) {
    const same = byProcess.get(definition.topic!.process);
    if (same) same.push(definition);
    else byProcess.set(definition.topic!.process, [definition]);
  }
  const kept = new Set<Definition>();
  for (const same of byProcess.values()) {
    // Bodies nest like the document's blocks: only the definitions still open can hold the next one.
    const open: Definition[] = [];
    for (const inner of same.sort((a, b) => a.labelSpan.start - b.labelSpan.start)) {
      while (open.length > 0 && open[open.length - 1].bodySpan.end <= inner.labelSpan.start) open.pop();
      if (!open.some((outer) => holds(outer, inner))) kept.add(inner);
      open.push(inner);
    }
  }
  return list.filter((definition) => kept.has(definition));
}

function holds(outer: Definition, inner: Definition): boolean {
  const inside = outer.labelSpan.start < inner.labelSpan.start && inner.labelSpan.start >= outer.bodySpan.start && inner.labelSpan.end <= outer.bodySpan.end;
  if (!inside) return false;
  const outerRoles = outer.topic!.roles;
  return outerRoles.length === 0 ? inner.topic!.roles.length === 0 : inner.topic!.roles.every((role) => outerRoles.includes(role));
}

/**
 * Definitions of one process (in one scope) across files, in groups that define it for overlapping
 * roles: two definitions in different files are linked when they share a role, or when either
 * names none (a project-wide process such as reporting a vulnerability). Returns the connected
 * groups that span at least two files, in no particular order, without looking at every pair:
 * entries of one role in two files or more are all linked together; an entry naming no role links
 * to every entry of other files, so with such entries in two files the whole bucket is one group.
 */
export function topicComponents(bucket: Located[]): Located[][] {
  const parent = bucket.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]];
    return index;
  };
  const union = (indices: readonly number[]) => {
    for (const index of indices.slice(1)) parent[find(index)] = find(indices[0]);
  };
  const byRole = new Map<string, number[]>();
  const rolelessByUri = new Map<string, number[]>();
  bucket.forEach((entry, index) => {
    const roles = entry.definition.topic!.roles;
    if (roles.length === 0) push(rolelessByUri, entry.uri, index);
    for (const role of roles) push(byRole, role, index);
  });
  for (const indices of byRole.values()) {
    if (new Set(indices.map((index) => bucket[index].uri)).size > 1) union(indices);
  }
  if (rolelessByUri.size > 1) union(bucket.map((_, index) => index));
  else {
    for (const [uri, roleless] of rolelessByUri) {
      const outside = bucket.flatMap((entry, index) => (entry.uri === uri ? [] : [index]));
      if (outside.length > 0) union([...roleless, ...outside]);
    }
  }
  const groups = new Map<number, Located[]>();
  bucket.forEach((entry, index) => push(groups, find(index), entry));
  return [...groups.values()].filter((group) => group.length > 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
