import type { Definition } from './definitions';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import { labelWords, type Topic } from './topics';
import { topicComponents, topicEntries } from './topicGroups';
import { fingerprint, SimilarityIndex, type Fingerprint, type IndexedBody, type SimilarComponent } from './similarity';
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
  const finder = new DuplicateFinder(options);
  for (const [uri, list] of definitions) finder.set(uri, list);
  return [...finder.groups()];
}

/** A section compared for copies: a heading's own words. */
interface Section extends IndexedBody, Located {}

/** The groups of one process in one scope, from the entries each file has in it. */
interface TopicBucket {
  entries: Map<string, Located[]>;
  groups: DuplicateGroup[];
}

interface Assembled {
  all: DuplicateGroup[];
  byUri: Map<string, DuplicateGroup[]>;
  /** The copies reported: those that are not one topic group's members already. */
  shownBodies: Set<DuplicateGroup>;
}

/**
 * `findDuplicates` kept up to date file by file: setting one file's definitions re-derives what
 * that file contributes — its topic entries, its sections' place among the alike bodies — and
 * regroups only the processes and components it takes or took part in. The groups are the ones
 * a fresh `findDuplicates` over the same definitions finds.
 */
export class DuplicateFinder {
  private readonly lexicon: Lexicon;
  private readonly scopeOf: (uri: string) => string;
  private readonly maxRelated: number;
  private readonly minWords: number;
  private readonly topicKeys = new Map<string, string[]>();
  private readonly buckets = new Map<string, TopicBucket>();
  private readonly dirtyBuckets = new Set<string>();
  private readonly sections = new Map<string, Section[]>();
  private readonly similar: SimilarityIndex<Section>;
  private readonly bodyGroups = new Map<SimilarComponent<Section>, DuplicateGroup>();
  private assembled?: Assembled;
  private shownBodies = new Set<DuplicateGroup>();
  /** Files whose groups changed since `takeChanged`. */
  private changed = new Set<string>();

  constructor(options: FindDuplicatesOptions = {}) {
    this.lexicon = options.lexicon ?? DEFAULT_LEXICON;
    this.scopeOf = options.scopeOf ?? (() => '');
    this.maxRelated = options.maxRelated ?? 20;
    this.minWords = options.minWords ?? 25;
    this.similar = new SimilarityIndex(options.threshold ?? 0.8);
  }

  /** A file's definitions, in place of what it had. */
  set(uri: string, definitions: readonly Definition[]): void {
    this.delete(uri);
    const scope = this.scopeOf(uri);
    const keys: string[] = [];
    for (const definition of topicEntries(definitions)) {
      const key = `${scope}\u0000${definition.topic!.process}`;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = { entries: new Map(), groups: [] }));
      const entries = bucket.entries.get(uri);
      if (entries) entries.push({ uri, definition });
      else {
        bucket.entries.set(uri, [{ uri, definition }]);
        keys.push(key);
      }
      this.dirtyBuckets.add(key);
    }
    if (keys.length) this.topicKeys.set(uri, keys);
    const sections: Section[] = [];
    for (const definition of definitions) {
      if (definition.kind !== 'heading' || definition.structural || definition.isPointer) continue;
      if (countWords(definition.text) < this.minWords) continue;
      let body = fingerprints.get(definition);
      if (!body) fingerprints.set(definition, (body = fingerprint(definition.text.split(' '))));
      const section: Section = { uri, definition, fingerprint: body, scope, owner: uri };
      sections.push(section);
      this.similar.add(section);
    }
    if (sections.length) this.sections.set(uri, sections);
    this.assembled = undefined;
  }

  delete(uri: string): void {
    for (const key of this.topicKeys.get(uri) ?? []) {
      this.buckets.get(key)!.entries.delete(uri);
      this.dirtyBuckets.add(key);
    }
    this.topicKeys.delete(uri);
    for (const section of this.sections.get(uri) ?? []) this.similar.remove(section);
    this.sections.delete(uri);
    this.assembled = undefined;
  }

  /** Every group, ordered by its first member. */
  groups(): readonly DuplicateGroup[] {
    return this.assemble().all;
  }

  /** The groups a file has a member in, in the same order. */
  groupsOf(uri: string): readonly DuplicateGroup[] {
    return this.assemble().byUri.get(uri) ?? [];
  }

  /** The files whose groups changed since the last call: their duplicate-section findings may have. */
  takeChanged(): Set<string> {
    this.assemble();
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  private assemble(): Assembled {
    if (this.assembled) return this.assembled;
    for (const key of this.dirtyBuckets) this.regroupTopic(key);
    this.dirtyBuckets.clear();
    const { dropped, made } = this.similar.takeChanges();
    for (const component of dropped) {
      const group = this.bodyGroups.get(component);
      this.bodyGroups.delete(component);
      if (group) this.noteChanged(group);
    }
    for (const component of made) {
      const group = this.bodyGroup(component);
      if (group) this.bodyGroups.set(component, group);
    }
    const topic: DuplicateGroup[] = [];
    const inTopicGroup = new Map<Definition, DuplicateGroup>();
    for (const bucket of this.buckets.values()) {
      for (const group of bucket.groups) {
        topic.push(group);
        for (const member of group.members) inTopicGroup.set(member.definition, group);
      }
    }
    // A copy that is also a topic duplicate is reported once, as the topic duplicate.
    const shownBodies = new Set<DuplicateGroup>();
    for (const group of this.bodyGroups.values()) {
      const first = inTopicGroup.get(group.members[0].definition);
      const shown = first === undefined || group.members.some((member) => inTopicGroup.get(member.definition) !== first);
      if (shown) shownBodies.add(group);
      // Topic groups elsewhere can hide or show a copy: its files' findings change with it.
      if (shown !== this.shownBodies.has(group)) this.noteChanged(group);
    }
    this.shownBodies = shownBodies;
    const all = [...topic, ...shownBodies].sort((a, b) => compareLocated(a.members[0], b.members[0]) || groupOrder(a) - groupOrder(b));
    const byUri = new Map<string, DuplicateGroup[]>();
    for (const group of all) {
      for (const uri of new Set(group.members.map((member) => member.uri))) {
        const list = byUri.get(uri);
        if (list) list.push(group);
        else byUri.set(uri, [group]);
      }
    }
    return (this.assembled = { all, byUri, shownBodies });
  }

  private regroupTopic(key: string): void {
    const bucket = this.buckets.get(key)!;
    for (const group of bucket.groups) this.noteChanged(group);
    if (bucket.entries.size === 0) {
      this.buckets.delete(key);
      return;
    }
    bucket.groups = topicComponents([...bucket.entries.values()].flat()).map((component) => {
      const members = component.sort(compareLocated);
      const process = members[0].definition.topic!.process;
      const roles = [...new Set(members.flatMap((member) => member.definition.topic!.roles))].sort();
      const related = relatedMembers(members, this.maxRelated, (member) => member.definition.topic!.roles);
      return makeGroup('topic', members, related, chooseCanonical(members, process, this.lexicon), { topic: { process, roles } });
    });
    for (const group of bucket.groups) this.noteChanged(group);
  }

  private bodyGroup(component: SimilarComponent<Section>): DuplicateGroup | undefined {
    const members: Located[] = component.bodies.map(({ uri, definition }) => ({ uri, definition })).sort(compareLocated);
    if (new Set(members.map((member) => member.uri)).size < 2) return undefined;
    const headings = new Set(members.map((member) => labelWords(member.definition.label).join(' ')));
    const reason = headings.size === 1 ? 'same-heading' : 'similar-body';
    return makeGroup(reason, members, relatedMembers(members, this.maxRelated), chooseCanonical(members, undefined, this.lexicon), { similarity: component.similarity });
  }

  private noteChanged(group: DuplicateGroup): void {
    for (const member of group.members) this.changed.add(member.uri);
  }
}

/** Topic groups before copies when both start at one place. */
function groupOrder(group: DuplicateGroup): number {
  return group.reason === 'topic' ? 0 : 1;
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
