import type { Definition } from './definitions';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import { labelWords, type Topic } from './topics';
import { groupByTopic } from './topicGroups';
import { findSimilarGroups, fingerprint, type Fingerprint } from './similarity';
import { chooseCanonical, type Located } from './canonical';

/**
 * - `topic`: the same process for an overlapping role, defined in two files, however worded;
 * - `same-heading`: one heading text in two files over bodies at least 80% alike;
 * - `similar-body`: bodies at least 80% alike under different headings (copy and paste).
 */
export type DuplicateReason = 'topic' | 'same-heading' | 'similar-body';

export interface DuplicateMember extends Located {
  /** The members, in other files, this one duplicates: where related information points. */
  duplicates: number[];
}

export interface DuplicateGroup {
  reason: DuplicateReason;
  /** Topic groups: the process, and every role a member names. */
  topic?: Topic;
  /** Body groups: the lowest Jaccard similarity of the pairs that joined the group. */
  similarity?: number;
  /** Ordered by URI, then by place in the file. */
  members: DuplicateMember[];
  /** The member the others should link to (see `chooseCanonical`). */
  canonical: number;
}

export interface FindDuplicatesOptions {
  lexicon?: Lexicon;
  /** Lowest similarity of two bodies that makes them copies, 0.8 by default. */
  threshold?: number;
  /** Sections with fewer words of their own are not compared for similarity: 25 by default. */
  minWords?: number;
  /**
   * Files are only compared within one scope — give each repository of a multi-root workspace its
   * own, since two projects may each define how to become a maintainer. One scope by default.
   */
  scopeOf?: (uri: string) => string;
  /** Related places listed per member at most (a paragraph pasted into 500 files): 20 by default. */
  maxRelated?: number;
}

/**
 * Definitions written twice across the files of a workspace. Only definitions in different files
 * count: repeating a heading inside one file is `duplicate-heading`'s business, and a file's
 * deliberately parallel sections (a major / minor / patch release procedure) are not two sources
 * of truth. Pointers ("see X") and empty sections define nothing and are never members.
 */
export function findDuplicates(definitions: ReadonlyMap<string, readonly Definition[]>, options: FindDuplicatesOptions = {}): DuplicateGroup[] {
  const lexicon = options.lexicon ?? DEFAULT_LEXICON;
  const scopeOf = options.scopeOf ?? (() => '');
  const maxRelated = options.maxRelated ?? 20;
  const byTopic = topicGroups(definitions, scopeOf, maxRelated, lexicon);
  const inTopicGroup = new Map<Definition, number>();
  byTopic.forEach((group, index) => group.members.forEach((member) => inTopicGroup.set(member.definition, index)));
  // A copy that is also a topic duplicate is reported once, as the topic duplicate.
  const byBody = bodyGroups(definitions, scopeOf, maxRelated, options, lexicon).filter((group) => {
    const first = inTopicGroup.get(group.members[0].definition);
    return first === undefined || group.members.some((member) => inTopicGroup.get(member.definition) !== first);
  });
  return [...byTopic, ...byBody].sort((a, b) => compareLocated(a.members[0], b.members[0]));
}

function topicGroups(
  definitions: ReadonlyMap<string, readonly Definition[]>,
  scopeOf: (uri: string) => string,
  maxRelated: number,
  lexicon: Lexicon,
): DuplicateGroup[] {
  return groupByTopic(definitions, scopeOf).map((component) => {
    const members = component.sort(compareLocated);
    const process = members[0].definition.topic!.process;
    const roles = [...new Set(members.flatMap((member) => member.definition.topic!.roles))].sort();
    const related = relatedMembers(members, maxRelated, (member) => member.definition.topic!.roles);
    return makeGroup('topic', members, related, chooseCanonical(members, process, lexicon), { topic: { process, roles } });
  });
}

function bodyGroups(
  definitions: ReadonlyMap<string, readonly Definition[]>,
  scopeOf: (uri: string) => string,
  maxRelated: number,
  options: FindDuplicatesOptions,
  lexicon: Lexicon,
): DuplicateGroup[] {
  const minWords = options.minWords ?? 25;
  const sections: Located[] = [];
  const bodies: Fingerprint[] = [];
  for (const [uri, list] of definitions) {
    for (const definition of list) {
      if (definition.kind !== 'heading' || definition.structural || definition.isPointer) continue;
      if (countWords(definition.text) < minWords) continue;
      let body = fingerprints.get(definition);
      if (!body) fingerprints.set(definition, (body = fingerprint(definition.text.split(' '))));
      sections.push({ uri, definition });
      bodies.push(body);
    }
  }
  const similar = findSimilarGroups(bodies, {
    threshold: options.threshold ?? 0.8,
    scopeOf: (index) => scopeOf(sections[index].uri),
    canPair: (a, b) => sections[a].uri !== sections[b].uri,
  });
  const groups: DuplicateGroup[] = [];
  for (const { members: indices, similarity } of similar) {
    const members = indices.map((index) => sections[index]).sort(compareLocated);
    if (new Set(members.map((member) => member.uri)).size < 2) continue;
    const headings = new Set(members.map((member) => labelWords(member.definition.label).join(' ')));
    const reason = headings.size === 1 ? 'same-heading' : 'similar-body';
    groups.push(makeGroup(reason, members, relatedMembers(members, maxRelated), chooseCanonical(members, undefined, lexicon), { similarity }));
  }
  return groups;
}

/**
 * Fingerprints by definition: hosts keep a file's definitions while the file is unchanged, so
 * after an edit only the edited file's sections are hashed again.
 */
const fingerprints = new WeakMap<Definition, Fingerprint>();

function countWords(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

function makeGroup(
  reason: DuplicateReason,
  members: Located[],
  related: number[][],
  canonical: number,
  extra: Pick<DuplicateGroup, 'topic' | 'similarity'>,
): DuplicateGroup {
  return { reason, ...extra, canonical, members: members.map((member, index) => ({ ...member, duplicates: related[index] })) };
}

/**
 * Per member, the members of other files it duplicates (at most `maxRelated`): with `rolesOf`,
 * those sharing a role or naming none (topic groups); without, all of them (copies). Indexed by
 * role and file, so a group of thousands costs thousands, not millions.
 */
function relatedMembers(members: readonly Located[], maxRelated: number, rolesOf?: (member: Located) => readonly string[]): number[][] {
  const ANY = '\u0000any';
  const NONE = '\u0000none';
  const index = new Map<string, Map<string, number[]>>();
  const add = (key: string, uri: string, member: number) => {
    const byUri = index.get(key) ?? new Map<string, number[]>();
    index.set(key, byUri);
    const list = byUri.get(uri);
    if (list) list.push(member);
    else byUri.set(uri, [member]);
  };
  members.forEach((member, at) => {
    add(ANY, member.uri, at);
    const roles = rolesOf?.(member) ?? [];
    if (rolesOf && roles.length === 0) add(NONE, member.uri, at);
    for (const role of roles) add(role, member.uri, at);
  });
  return members.map((member) => {
    const roles = rolesOf?.(member) ?? [];
    const keys = roles.length === 0 ? [ANY] : [...roles, NONE];
    const found = new Set<number>();
    collect: for (const key of keys) {
      for (const [uri, list] of index.get(key) ?? []) {
        if (uri === member.uri) continue;
        for (const other of list) {
          if (found.size >= maxRelated) break collect;
          found.add(other);
        }
      }
    }
    return [...found].sort((a, b) => a - b);
  });
}

function compareLocated(a: Located, b: Located): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.definition.labelSpan.start - b.definition.labelSpan.start;
}
