import type { Definition } from './definitions';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import { labelWords, type Topic } from './topics';
import { topicComponents, topicEntries } from './topicGroups';
import { equalHashes, SimilarityIndex, type IndexedBody, type SimilarComponent } from './similarity';
import { chooseCanonical, type Located } from './canonical';
import type { Span } from '../types';
import { appendAll } from '../arrays';

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

/**
 * What a duplicate-section finding shows of a member besides its file, as a string: its label,
 * anchor, place (line and column where the host gave them) and roles. Kept per definition, which stands for one
 * text of its file, so the groups of before an edit still read as they were shown.
 */
const shownAs = new WeakMap<Definition, string>();

/** Where a span of a file is shown, for a host that knows the file's lines: a change of line moves related places. */
export type PlaceOf = (span: Span) => string;

const offsets: PlaceOf = (span) => `${span.start}-${span.end}`;

/**
 * `findDuplicates` kept up to date file by file: setting one file's definitions re-derives what
 * that file contributes — its topic entries, its sections' place among the alike bodies — and
 * regroups only the processes and components it takes or took part in. The groups are the ones
 * a fresh `findDuplicates` over the same definitions finds.
 *
 * The files told of a change (`takeChanged`) are those whose duplicate-section findings can read
 * differently: a group of a hundred members formed again after a keystroke in one of them changes
 * the findings of the few that list the edited place, not of all.
 */
export class DuplicateFinder {
  private readonly lexicon: Lexicon;
  private readonly scopeOf: (uri: string) => string;
  private readonly maxRelated: number;
  private readonly topicKeys = new Map<string, string[]>();
  private readonly buckets = new Map<string, TopicBucket>();
  private readonly dirtyBuckets = new Set<string>();
  private readonly sections = new Map<string, Section[]>();
  private readonly similar: SimilarityIndex<Section>;
  private readonly bodyGroups = new Map<SimilarComponent<Section>, DuplicateGroup>();
  /** The topic group and the copy group (shown or not) each definition is a member of. */
  private readonly topicGroupOf = new Map<Definition, DuplicateGroup>();
  private readonly bodyGroupOf = new Map<Definition, DuplicateGroup>();
  /** Copies that are not one topic group's members already: the copy groups reported. */
  private readonly shownBodies = new Set<DuplicateGroup>();
  /** The groups reported, per file with a member in them; `unsorted`: lists to put in order before they are read. */
  private readonly byUri = new Map<string, DuplicateGroup[]>();
  private readonly unsorted = new Set<string>();
  private all?: DuplicateGroup[];
  private upToDate = true;
  /** Files whose findings may read differently since `takeChanged`. */
  private changed = new Set<string>();
  /** Each file's definitions as last set. */
  private readonly current = new Map<string, readonly Definition[]>();

  constructor(options: FindDuplicatesOptions = {}) {
    this.lexicon = options.lexicon ?? DEFAULT_LEXICON;
    this.scopeOf = options.scopeOf ?? (() => '');
    this.maxRelated = options.maxRelated ?? 20;
    this.similar = new SimilarityIndex(options.threshold ?? 0.8);
  }

  /**
   * A file's definitions, in place of what it had. `placeOf`: where the file's text puts a span
   * (line and column), so that an edit that moves no label leaves the other files' findings as they are.
   * `inPlace: false`: the groups are formed again even when the edit leaves them as they were, so
   * that groups read before stay as they were read (a trial of a fix).
   */
  set(uri: string, definitions: readonly Definition[], placeOf: PlaceOf = offsets, options: { inPlace?: boolean } = {}): void {
    for (const definition of definitions) {
      if (!shownAs.has(definition)) {
        const roles = definition.topic?.roles.join(',') ?? '';
        shownAs.set(definition, `${definition.label}\u0000${definition.anchor ?? ''}\u0000${placeOf(definition.labelSpan)}\u0000${roles}`);
      }
    }
    const before = this.current.get(uri);
    if (before && options.inPlace !== false && this.setInPlace(uri, before, definitions)) return;
    this.delete(uri);
    this.current.set(uri, definitions);
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
      if (!definition.shingles) continue;
      const section: Section = { uri, definition, shingles: definition.shingles, scope, owner: uri };
      sections.push(section);
      this.similar.add(section);
    }
    if (sections.length) this.sections.set(uri, sections);
  }

  delete(uri: string): void {
    this.current.delete(uri);
    for (const key of this.topicKeys.get(uri) ?? []) {
      this.buckets.get(key)!.entries.delete(uri);
      this.dirtyBuckets.add(key);
    }
    this.topicKeys.delete(uri);
    for (const section of this.sections.get(uri) ?? []) this.similar.remove(section);
    this.sections.delete(uri);
    // The file's own check reads its new definitions: it is told whatever its groups do.
    this.changed.add(uri);
    this.upToDate = false;
  }

  /**
   * A keystroke in a paragraph makes new definitions that say what the old ones said, moved or
   * with other words in one body: then each group keeps its members and its related places, with
   * the new definition in the old one's place, and none is formed again (a hundred-member group
   * made anew at every keystroke was most of what the server kept between two). Only a section
   * whose words changed is compared for copies again. Returns false, having changed nothing, when
   * the edit changed what a group is made from.
   */
  private setInPlace(uri: string, before: readonly Definition[], after: readonly Definition[]): boolean {
    if (before.length !== after.length) return false;
    for (let i = 0; i < before.length; i++) if (!this.groupedAlike(before[i], after[i])) return false;
    const enteredBefore = new Set(topicEntries(before));
    const enteredAfter = new Set(topicEntries(after));
    if (enteredBefore.size !== enteredAfter.size || before.some((definition, i) => enteredBefore.has(definition) !== enteredAfter.has(after[i]))) return false;
    const sections = this.sections.get(uri) ?? [];
    const sectionOf = new Map(sections.map((section) => [section.definition, section]));
    // Definitions are the groups' keys: one set for two files (a test's copy) is formed again instead.
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      if (this.topicGroupOf.has(after[i]) || this.bodyGroupOf.has(after[i])) return false;
      const topicGroup = this.topicGroupOf.get(before[i]);
      if (topicGroup && memberIndex(topicGroup, uri, before[i]) === -1) return false;
      const bodyGroup = this.bodyGroupOf.get(before[i]);
      if (bodyGroup && memberIndex(bodyGroup, uri, before[i]) === -1) return false;
    }
    const scope = this.scopeOf(uri);
    for (let i = 0; i < before.length; i++) {
      const [old, now] = [before[i], after[i]];
      if (old === now) continue;
      if (enteredBefore.has(old)) {
        const entries = this.buckets.get(`${scope}\u0000${old.topic!.process}`)!.entries.get(uri)!;
        entries.find((entry) => entry.definition === old)!.definition = now;
        this.replaceMember(this.topicGroupOf, uri, old, now);
      }
      const section = sectionOf.get(old);
      if (!section && !now.shingles) continue;
      if (section && now.shingles && equalHashes(now.shingles, old.shingles!)) {
        section.definition = now;
        this.replaceMember(this.bodyGroupOf, uri, old, now);
        continue;
      }
      // Other words: its copies are found again (the component it was in is dropped and formed anew in `update`).
      if (section) {
        this.similar.remove(section);
        sectionOf.delete(old);
      }
      if (now.shingles) {
        const replacement: Section = { uri, definition: now, shingles: now.shingles, scope, owner: uri };
        sectionOf.set(now, replacement);
        this.similar.add(replacement);
      }
      this.upToDate = false;
    }
    if (sectionOf.size > 0) this.sections.set(uri, [...sectionOf.values()]);
    else this.sections.delete(uri);
    this.current.set(uri, after);
    // The file's own findings are made from its new definitions.
    this.changed.add(uri);
    return true;
  }

  /** Whether two definitions of one file take the same part in groups, wherever they are and whatever a body says. */
  private groupedAlike(a: Definition, b: Definition): boolean {
    if (a === b) return true;
    if (a.kind !== b.kind || a.label !== b.label || a.depth !== b.depth || a.anchor !== b.anchor) return false;
    if (a.isPointer !== b.isPointer || a.structural !== b.structural || a.wordCount > 0 !== b.wordCount > 0) return false;
    return a.topic?.process === b.topic?.process && sameList(a.topic?.roles ?? [], b.topic?.roles ?? []);
  }

  /**
   * Puts a new definition in an old one's place in its group: the files that show it as a related
   * place (or as the canonical one) are told when it moved; a body of another length may make
   * another member canonical, which every member's fix links to.
   */
  private replaceMember(groupOf: Map<Definition, DuplicateGroup>, uri: string, old: Definition, now: Definition): void {
    const group = groupOf.get(old);
    if (!group) return;
    groupOf.delete(old);
    groupOf.set(now, group);
    const index = memberIndex(group, uri, old);
    group.members[index].definition = now;
    if (shownAs.get(old) !== shownAs.get(now)) {
      for (const member of group.members) if (index === group.canonical || member.duplicates.includes(index)) this.changed.add(member.uri);
    }
    if (old.wordCount === now.wordCount) return;
    const canonical = chooseCanonical(group.members, group.topic?.process, this.lexicon);
    if (canonical === group.canonical) return;
    group.canonical = canonical;
    for (const member of group.members) this.changed.add(member.uri);
  }

  /**
   * Forms the groups, then lets go of what only finding copies again after a change reads
   * (`SimilarityIndex.compact`): a change after it costs a pass over every section.
   */
  compact(): void {
    this.update();
    this.similar.compact();
  }

  /** Every group, ordered by its first member. */
  groups(): readonly DuplicateGroup[] {
    this.update();
    if (!this.all) {
      const all: DuplicateGroup[] = [...this.shownBodies];
      for (const bucket of this.buckets.values()) appendAll(all, bucket.groups);
      this.all = all.sort(compareGroups);
    }
    return this.all;
  }

  /** The groups a file has a member in, in the same order. */
  groupsOf(uri: string): readonly DuplicateGroup[] {
    this.update();
    const list = this.byUri.get(uri);
    if (!list) return [];
    if (this.unsorted.delete(uri)) list.sort(compareGroups);
    return list;
  }

  /** The files whose groups changed since the last call: their duplicate-section findings may have. */
  takeChanged(): Set<string> {
    this.update();
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /**
   * Forms again the groups of the processes and components that changed; the groups that go and
   * come are compared file by file, for the files whose findings they change.
   */
  private update(): void {
    if (this.upToDate) return;
    this.upToDate = true;
    const retired: DuplicateGroup[] = [];
    const introduced: DuplicateGroup[] = [];
    /** Copy groups whose members may have joined or left a topic group: shown or hidden now. */
    const reconsidered = new Set<DuplicateGroup>();
    const reconsider = (groups: readonly DuplicateGroup[]) => {
      for (const group of groups) {
        for (const member of group.members) {
          const copies = this.bodyGroupOf.get(member.definition);
          if (copies) reconsidered.add(copies);
        }
      }
    };
    for (const key of this.dirtyBuckets) {
      const bucket = this.buckets.get(key)!;
      const before = bucket.groups;
      for (const group of before) for (const member of group.members) if (this.topicGroupOf.get(member.definition) === group) this.topicGroupOf.delete(member.definition);
      bucket.groups = bucket.entries.size === 0 ? [] : this.topicGroups(bucket);
      if (bucket.entries.size === 0) this.buckets.delete(key);
      for (const group of bucket.groups) for (const member of group.members) this.topicGroupOf.set(member.definition, group);
      appendAll(retired, before);
      appendAll(introduced, bucket.groups);
      reconsider(before);
      reconsider(bucket.groups);
    }
    this.dirtyBuckets.clear();
    const { dropped, made } = this.similar.takeChanges();
    for (const component of dropped) {
      const group = this.bodyGroups.get(component);
      if (!group) continue;
      this.bodyGroups.delete(component);
      for (const member of group.members) if (this.bodyGroupOf.get(member.definition) === group) this.bodyGroupOf.delete(member.definition);
      reconsidered.delete(group);
      if (this.shownBodies.delete(group)) retired.push(group);
    }
    for (const component of made) {
      const group = this.bodyGroup(component);
      if (!group) continue;
      this.bodyGroups.set(component, group);
      for (const member of group.members) this.bodyGroupOf.set(member.definition, group);
      reconsidered.add(group);
    }
    // A copy that is also a topic duplicate is reported once, as the topic duplicate.
    for (const group of reconsidered) {
      const first = this.topicGroupOf.get(group.members[0].definition);
      const shown = first === undefined || group.members.some((member) => this.topicGroupOf.get(member.definition) !== first);
      if (shown === this.shownBodies.has(group)) continue;
      if (shown) {
        this.shownBodies.add(group);
        introduced.push(group);
      } else {
        this.shownBodies.delete(group);
        retired.push(group);
      }
    }
    if (retired.length === 0 && introduced.length === 0) return;
    this.all = undefined;
    for (const group of retired) this.file(group, false);
    for (const group of introduced) this.file(group, true);
    this.noteChanged(retired, introduced);
  }

  /** Adds a reported group to, or takes it from, the lists of the files it has members in. */
  private file(group: DuplicateGroup, add: boolean): void {
    let previous: string | undefined;
    for (const { uri } of group.members) {
      // Members are ordered by file: one visit per file.
      if (uri === previous) continue;
      previous = uri;
      const list = this.byUri.get(uri);
      if (add) {
        if (list) list.push(group);
        else this.byUri.set(uri, [group]);
        this.unsorted.add(uri);
      } else if (list) {
        const at = list.indexOf(group);
        if (at !== -1) list.splice(at, 1);
        if (list.length === 0) {
          this.byUri.delete(uri);
          this.unsorted.delete(uri);
        }
      }
    }
  }

  /**
   * The files whose findings read differently with the introduced groups in place of the retired
   * ones: each file's members, as the rule shows them (the group's topic or likeness, the member,
   * the canonical one, the related places), compared before and after. A member of two
   * groups has two findings whose order the groups' order decides: its file is told.
   */
  private noteChanged(retired: readonly DuplicateGroup[], introduced: readonly DuplicateGroup[]): void {
    const before = membersByFile(retired);
    const after = membersByFile(introduced);
    for (const [uri, members] of before) {
      const now = after.get(uri);
      if (!now || now.length !== members.length || this.inTwoGroups(members) || this.inTwoGroups(now) || !sameFindings(members, now)) this.changed.add(uri);
    }
    for (const uri of after.keys()) if (!before.has(uri)) this.changed.add(uri);
  }

  /** Whether a definition is listed twice, or is now a member of a topic group and of a copy group both reported. */
  private inTwoGroups(members: readonly GroupMember[]): boolean {
    const seen = new Set<Definition>();
    for (const { member } of members) {
      if (seen.has(member.definition)) return true;
      seen.add(member.definition);
      const copies = this.bodyGroupOf.get(member.definition);
      if (copies && this.shownBodies.has(copies) && this.topicGroupOf.has(member.definition)) return true;
    }
    return false;
  }

  private topicGroups(bucket: TopicBucket): DuplicateGroup[] {
    return topicComponents([...bucket.entries.values()].flat()).map((component) => {
      const members = component.sort(compareLocated);
      const process = members[0].definition.topic!.process;
      const roles = [...new Set(members.flatMap((member) => member.definition.topic!.roles))].sort();
      const related = relatedMembers(members, this.maxRelated, (member) => member.definition.topic!.roles);
      return makeGroup('topic', members, related, chooseCanonical(members, process, this.lexicon), { topic: { process, roles } });
    });
  }

  private bodyGroup(component: SimilarComponent<Section>): DuplicateGroup | undefined {
    const members: Located[] = component.bodies.map(({ uri, definition }) => ({ uri, definition })).sort(compareLocated);
    if (new Set(members.map((member) => member.uri)).size < 2) return undefined;
    const headings = new Set(members.map((member) => labelWords(member.definition.label).join(' ')));
    const reason = headings.size === 1 ? 'same-heading' : 'similar-body';
    return makeGroup(reason, members, relatedMembers(members, this.maxRelated), chooseCanonical(members, undefined, this.lexicon), { similarity: component.similarity });
  }
}

interface GroupMember {
  group: DuplicateGroup;
  member: DuplicateMember;
}

function membersByFile(groups: readonly DuplicateGroup[]): Map<string, GroupMember[]> {
  const byFile = new Map<string, GroupMember[]>();
  for (const group of groups) {
    for (const member of group.members) {
      const list = byFile.get(member.uri);
      if (list) list.push({ group, member });
      else byFile.set(member.uri, [{ group, member }]);
    }
  }
  return byFile;
}

/**
 * Whether one file's members show the same findings: paired by definition (a file that was not
 * set again keeps its definitions), each with the same topic or likeness, canonical member and
 * related places. A file with a new text has new definitions: none pairs, and it is told.
 */
function sameFindings(before: readonly GroupMember[], after: readonly GroupMember[]): boolean {
  const earlier = new Map(before.map((entry) => [entry.member.definition, entry]));
  return after.every((now) => {
    const then = earlier.get(now.member.definition);
    return then !== undefined && sameFinding(then, now);
  });
}

function sameFinding(a: GroupMember, b: GroupMember): boolean {
  if (a.group.reason !== b.group.reason || a.group.similarity !== b.group.similarity) return false;
  if (a.group.topic?.process !== b.group.topic?.process || !sameList(a.group.topic?.roles ?? [], b.group.topic?.roles ?? [])) return false;
  if (!sameShown(a.group.members[a.group.canonical], b.group.members[b.group.canonical])) return false;
  const related = a.member.duplicates;
  const now = b.member.duplicates;
  return related.length === now.length && related.every((index, at) => sameShown(a.group.members[index], b.group.members[now[at]]));
}

/** Whether two members show as one place: the same definition, or one of another text of the file at the same place with the same label. */
function sameShown(a: Located, b: Located): boolean {
  if (a.uri !== b.uri) return false;
  if (a.definition === b.definition) return true;
  const shown = shownAs.get(a.definition);
  return shown !== undefined && shown === shownAs.get(b.definition);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function compareGroups(a: DuplicateGroup, b: DuplicateGroup): number {
  return compareLocated(a.members[0], b.members[0]) || groupOrder(a) - groupOrder(b);
}

/** Topic groups before copies when both start at one place. */
function groupOrder(group: DuplicateGroup): number {
  return group.reason === 'topic' ? 0 : 1;
}

function memberIndex(group: DuplicateGroup, uri: string, definition: Definition): number {
  return group.members.findIndex((member) => member.uri === uri && member.definition === definition);
}

function makeGroup(
  reason: DuplicateReason,
  members: Located[],
  related: number[][],
  canonical: number,
  extra: Pick<DuplicateGroup, 'topic' | 'similarity'>,
): DuplicateGroup {
  // Written out, not spread: V8 gave each `{ ...member, duplicates }` a hidden class of its own
  // (20,000 of them, 2.7 MB, in 10,000 generated files' heap).
  return { reason, ...extra, canonical, members: members.map((member, index) => ({ uri: member.uri, definition: member.definition, duplicates: related[index] })) };
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
