/**
 * Near-duplicate bodies among many sections: word shingles, MinHash signatures and LSH banding
 * find candidate pairs without comparing every section with every other; each candidate is then
 * confirmed with the exact Jaccard similarity of the two shingle sets.
 *
 * Hashes are signed 32-bit integers throughout: V8 keeps those unboxed, where `>>> 0` values above
 * 2³¹ would become heap numbers and make the inner loops several times slower.
 */

import { appendAll } from '../arrays';

/** Words per shingle: three keeps "the same words in another order" from reading as a copy. */
export const SHINGLE_SIZE = 3;
const BANDS = 16;
const ROWS = 4;
/**
 * 16 bands of 4 rows: a pair at Jaccard 0.8 shares at least one band with probability
 * 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998, a pair at 0.3 with probability ≈ 0.12 (then rejected exactly).
 */
export const SIGNATURE_SIZE = BANDS * ROWS;

export interface SimilarGroup {
  /** Indices into the bodies given, ascending. */
  members: number[];
  /** The lowest Jaccard similarity of the pairs that joined the group. */
  similarity: number;
}

export interface SimilarityOptions {
  /** Lowest Jaccard similarity that joins two bodies, 0.8 by default. */
  threshold?: number;
  /** Bodies are only compared within one scope (a repository); all in one scope by default. */
  scopeOf?: (index: number) => string;
  /** Whose a body is: bodies of one owner (one file) are never paired. Each its own by default. */
  ownerOf?: (index: number) => string;
}

/** The sorted, distinct hashes of a body's word shingles (the whole body when it is shorter). */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): Int32Array {
  if (words.length === 0) return new Int32Array(0);
  const wordHashes = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString(words[i]);
  const count = Math.max(1, words.length - size + 1);
  const hashes = new Int32Array(count);
  for (let start = 0; start < count; start++) {
    let hash = 0x811c9dc5 | 0;
    const end = Math.min(start + size, words.length);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ wordHashes[i], 0x01000193);
    hashes[start] = mix(hash);
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return hashes.slice(0, distinct);
}

/** Exact Jaccard similarity of two sorted, distinct hash sets. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const SEEDS = (() => {
  // A fixed xorshift sequence: signatures must not change between runs.
  const seeds = new Int32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9 | 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    seeds[i] = state;
  }
  return seeds;
})();

/** A signature's LSH bucket in each band, within a scope (bodies of two scopes never share one). */
function bandKeys(scopeHash: number, signature: Int32Array): Int32Array {
  const keys = new Int32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let key = scopeHash ^ band;
    for (let row = 0; row < ROWS; row++) key = Math.imul(key ^ signature[band * ROWS + row], 0x01000193);
    keys[band] = key;
  }
  return keys;
}

/** The MinHash signature of a shingle set: per seed, the least of the re-hashed shingles. */
export function minHash(shingles: Int32Array): Int32Array {
  const signature = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s];
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // Shingles are well-mixed hashes already: one multiply and shift per seed permutes enough.
      let value = Math.imul(shingle ^ SEEDS[i], 0x85ebca6b);
      value ^= value >>> 13;
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** A body the index holds: what it says, which scope it is compared in, whose it is. */
export interface IndexedBody {
  /** Its word shingles (`shingleHashes`). */
  readonly shingles: Int32Array;
  /** Bodies are only compared within one scope (a repository). */
  readonly scope: string;
  /** Two bodies of one owner (a file) are never paired: only copies across owners count. */
  readonly owner: string;
}

/** A connected set of alike bodies, as `SimilarityIndex.components` keeps it. */
export interface SimilarComponent<T extends IndexedBody> {
  /** In no particular order. */
  readonly bodies: readonly T[];
  /** The lowest Jaccard similarity of the pairs that join it (1 for bodies with the very same shingles). */
  readonly similarity: number;
}

/** Bodies with the very same shingles in one scope: compared once, as one. */
interface ContentClass<T extends IndexedBody> {
  readonly scope: string;
  readonly scopeHash: number;
  readonly shingles: Int32Array;
  /**
   * The LSH bucket of each band: all that the MinHash signature is needed for, kept instead of it
   * (16 numbers on the heap rather than 64 in a buffer of their own).
   */
  readonly bandKeys: Int32Array;
  readonly contentKey: number;
  readonly members: Set<T>;
  /** Classes of the same scope at least `threshold` alike that share an LSH band with this one. */
  readonly edges: Map<ContentClass<T>, number>;
  component?: Component<T>;
}

/** The classes that share an LSH bucket: most buckets hold one class, kept as it is, without an array around it. */
type Bucket<T extends IndexedBody> = ContentClass<T> | ContentClass<T>[];

interface Component<T extends IndexedBody> {
  readonly classes: ContentClass<T>[];
  /** Made with the component: classes change only after it is dropped. */
  view: SimilarComponent<T>;
}

/**
 * Near-duplicate bodies, kept as bodies come and go: a keystroke in one file removes that file's
 * bodies and adds their new versions, which costs the LSH buckets those few bodies fall in and the
 * components they belong to, not a pass over the workspace.
 *
 * Bodies with the very same shingles form one class; classes are paired through LSH buckets and
 * each candidate pair is confirmed with the exact Jaccard similarity. A pair joins two classes when
 * some body of one and some body of the other have different owners.
 */
export class SimilarityIndex<T extends IndexedBody> {
  private readonly classOf = new Map<T, ContentClass<T>>();
  private readonly byContent = new Map<number, ContentClass<T>[]>();
  private readonly buckets = Array.from({ length: BANDS }, () => new Map<number, Bucket<T>>());
  private readonly components = new Set<Component<T>>();
  /** Classes whose members or pairs changed since the components were last brought up to date. */
  private readonly dirty = new Set<ContentClass<T>>();
  /** Components gone since `takeChanges`, and components made. */
  private dropped: SimilarComponent<T>[] = [];
  private made: Component<T>[] = [];

  /** The buckets, the classes by content and their pairs were let go (`compact`) and are made again at the next change. */
  private compacted = false;

  constructor(private readonly threshold = 0.8) {}

  /**
   * Lets go of what only a change reads — the LSH buckets, the classes by content, each class's
   * pairs — keeping the components: for a host that reads a workspace once and then only asks for
   * the groups (`govmd check`). The next `add` or `remove` first makes them again from the classes.
   */
  compact(): void {
    this.update();
    for (const band of this.buckets) band.clear();
    this.byContent.clear();
    for (const found of this.classOf.values()) found.edges.clear();
    this.compacted = true;
  }

  /** Files every class again, and pairs it, as `add` did: pairs are symmetric, so the order does not matter. */
  private restore(): void {
    if (!this.compacted) return;
    this.compacted = false;
    for (const found of new Set(this.classOf.values())) {
      const classes = this.byContent.get(found.contentKey);
      if (classes) classes.push(found);
      else this.byContent.set(found.contentKey, [found]);
      this.pair(found);
    }
  }

  add(body: T): void {
    if (this.classOf.has(body) || body.shingles.length === 0) return;
    this.restore();
    const scopeHash = hashString(body.scope);
    const shingles = body.shingles;
    let key = scopeHash ^ shingles.length;
    for (let i = 0; i < shingles.length; i++) key = Math.imul(key ^ shingles[i], 0x01000193);
    const classes = this.byContent.get(key);
    let found = classes?.find((candidate) => candidate.scope === body.scope && equalHashes(candidate.shingles, shingles));
    if (!found) {
      found = { scope: body.scope, scopeHash, shingles, bandKeys: bandKeys(scopeHash, minHash(shingles)), contentKey: key, members: new Set(), edges: new Map() };
      if (classes) classes.push(found);
      else this.byContent.set(key, [found]);
      this.pair(found);
    }
    found.members.add(body);
    this.classOf.set(body, found);
    this.dirty.add(found);
  }

  remove(body: T): void {
    const found = this.classOf.get(body);
    if (!found) return;
    this.restore();
    this.classOf.delete(body);
    found.members.delete(body);
    this.dirty.add(found);
    if (found.members.size > 0) return;
    const classes = this.byContent.get(found.contentKey)!;
    classes.splice(classes.indexOf(found), 1);
    if (classes.length === 0) this.byContent.delete(found.contentKey);
    this.forEachBucket(found, (bucket, band, key) => {
      // A bucket of one class is the class's own.
      if (!Array.isArray(bucket)) return void this.buckets[band].delete(key);
      bucket.splice(bucket.indexOf(found), 1);
      if (bucket.length === 1) this.buckets[band].set(key, bucket[0]);
    });
    for (const other of found.edges.keys()) other.edges.delete(found);
    found.edges.clear();
  }

  /** Every component of more than one body. */
  groups(): SimilarComponent<T>[] {
    this.update();
    const views: SimilarComponent<T>[] = [];
    for (const component of this.components) if (component.view.bodies.length > 1) views.push(component.view);
    return views;
  }

  /** The components of more than one body that went away and that came, since the last call. */
  takeChanges(): { dropped: SimilarComponent<T>[]; made: SimilarComponent<T>[] } {
    this.update();
    const made = this.made.filter((component) => this.components.has(component) && component.view.bodies.length > 1).map((component) => component.view);
    const changes = { dropped: this.dropped.filter((view) => view.bodies.length > 1), made };
    this.dropped = [];
    this.made = [];
    return changes;
  }

  /** Pairs a new class with the alike classes its LSH buckets hold, then files it in them. */
  private pair(found: ContentClass<T>): void {
    const compared = new Set<ContentClass<T>>();
    this.forEachBucket(found, (bucket) => {
      for (const other of Array.isArray(bucket) ? bucket : [bucket]) {
        if (compared.has(other) || other.scope !== found.scope) continue;
        compared.add(other);
        const similarity = jaccard(found.shingles, other.shingles);
        if (similarity < this.threshold) continue;
        found.edges.set(other, similarity);
        other.edges.set(found, similarity);
      }
    }, true);
  }

  private forEachBucket(found: ContentClass<T>, visit: (bucket: Bucket<T>, band: number, key: number) => void, file = false): void {
    for (let band = 0; band < BANDS; band++) {
      const key = found.bandKeys[band];
      const bucket = this.buckets[band].get(key);
      if (bucket) visit(bucket, band, key);
      if (!file) continue;
      // A class alone in its bucket is filed as it is: an array around each was 15 of the 143 MB
      // live before the report on 10,000 generated files.
      if (!bucket) this.buckets[band].set(key, found);
      else if (Array.isArray(bucket)) bucket.push(found);
      else this.buckets[band].set(key, [bucket, found]);
    }
  }

  /** Two classes are joined unless every body of both has one and the same owner. */
  private joined(a: ContentClass<T>, b: ContentClass<T>): boolean {
    let owner: string | undefined;
    for (const members of [a.members, b.members]) {
      for (const body of members) {
        if (owner === undefined) owner = body.owner;
        else if (body.owner !== owner) return true;
      }
    }
    return false;
  }

  /**
   * Recomputes only the components that held or now hold a changed class: the others' classes,
   * members and pairs are as they were.
   */
  private update(): void {
    if (this.dirty.size === 0) return;
    const seeds: ContentClass<T>[] = [];
    for (const changed of this.dirty) {
      if (changed.component) appendAll(seeds, this.drop(changed.component));
      if (changed.members.size > 0) seeds.push(changed);
    }
    this.dirty.clear();
    for (const seed of seeds) {
      if (seed.component || seed.members.size === 0) continue;
      const classes: ContentClass<T>[] = [];
      const component: Component<T> = { classes, view: { bodies: [], similarity: 1 } };
      seed.component = component;
      const stack = [seed];
      while (stack.length > 0) {
        const current = stack.pop()!;
        component.classes.push(current);
        for (const other of current.edges.keys()) {
          if (other.component === component || !this.joined(current, other)) continue;
          // Reached through a new pair: the component it was in is part of this one now.
          if (other.component) this.drop(other.component);
          other.component = component;
          stack.push(other);
        }
      }
      component.view = this.viewOf(classes);
      this.components.add(component);
      this.made.push(component);
    }
  }

  /** Forgets a component; returns its classes that still have members. */
  private drop(component: Component<T>): ContentClass<T>[] {
    if (!this.components.delete(component)) return [];
    this.dropped.push(component.view);
    for (const member of component.classes) if (member.component === component) member.component = undefined;
    return component.classes.filter((member) => member.members.size > 0);
  }

  private viewOf(classes: readonly ContentClass<T>[]): SimilarComponent<T> {
    const bodies: T[] = [];
    let similarity = 1;
    const inComponent = new Set(classes);
    for (const member of classes) {
      appendAll(bodies, member.members);
      for (const [other, pairSimilarity] of member.edges) {
        if (pairSimilarity < similarity && inComponent.has(other) && this.joined(member, other)) similarity = pairSimilarity;
      }
    }
    return { bodies, similarity };
  }
}

/**
 * Groups of bodies at least `threshold` alike (Jaccard of shingle sets), joined pair by pair, for
 * a set of bodies given at once (see `SimilarityIndex`). Without `ownerOf`, any two may pair.
 */
export function findSimilarGroups(bodies: readonly Int32Array[], options: SimilarityOptions = {}): SimilarGroup[] {
  const index = new SimilarityIndex<IndexedBody & { at: number }>(options.threshold);
  bodies.forEach((body, at) => index.add({ shingles: body, scope: options.scopeOf?.(at) ?? '', owner: options.ownerOf?.(at) ?? String(at), at }));
  return index
    .groups()
    .map((group) => ({ members: group.bodies.map((body) => body.at).sort((a, b) => a - b), similarity: group.similarity }))
    .sort((x, y) => x.members[0] - y.members[0]);
}

/** Whether two hash sets hold the same hashes. */
export function equalHashes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hashString(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** MurmurHash3's finalizer: spreads every input bit over the output. */
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
