/**
 * Near-duplicate bodies among many sections: word shingles, MinHash signatures and LSH banding
 * find candidate pairs without comparing every section with every other; each candidate is then
 * confirmed with the exact Jaccard similarity of the two shingle sets.
 *
 * Hashes are signed 32-bit integers throughout: V8 keeps those unboxed, where `>>> 0` values above
 * 2³¹ would become heap numbers and make the inner loops several times slower.
 */

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
  /** Whether two different-content bodies of one scope may be paired at all (not two of one file …). */
  canPair?: (a: number, b: number) => boolean;
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

/** What similarity needs of one body; worth keeping while the body does not change. */
export interface Fingerprint {
  shingles: Int32Array;
  signature: Int32Array;
}

export function fingerprint(words: readonly string[]): Fingerprint {
  const shingles = shingleHashes(words);
  return { shingles, signature: minHash(shingles) };
}

/**
 * Groups of bodies at least `threshold` alike (Jaccard of shingle sets), joined pair by pair.
 * Candidate pairs come from LSH buckets and are confirmed exactly; bodies with the very same
 * shingles join without being paired one by one, so a paragraph pasted into every file of a big
 * workspace costs one pass, not a quadratic number of pairs.
 */
export function findSimilarGroups(bodies: readonly Fingerprint[], options: SimilarityOptions = {}): SimilarGroup[] {
  const threshold = options.threshold ?? 0.8;
  const canPair = options.canPair ?? (() => true);
  const scopes = bodies.map((_, index) => options.scopeOf?.(index) ?? '');
  const scopeHashes = scopes.map(hashString);
  const shingles = bodies.map((body) => body.shingles);
  const groups = new UnionFind(bodies.length);

  // Bodies with the very same shingles: one representative each, found by a hash of the set.
  const byContent = new Map<number, number[][]>();
  const representatives: number[] = [];
  shingles.forEach((set, index) => {
    if (set.length === 0) return;
    let key = scopeHashes[index] ^ set.length;
    for (let i = 0; i < set.length; i++) key = Math.imul(key ^ set[i], 0x01000193);
    const classes = byContent.get(key) ?? [];
    const same = classes.find((members) => scopes[members[0]] === scopes[index] && equal(shingles[members[0]], set));
    if (same) {
      groups.union(same[0], index, 1);
      same.push(index);
      return;
    }
    classes.push([index]);
    byContent.set(key, classes);
    representatives.push(index);
  });

  const buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  for (const index of representatives) {
    const signature = bodies[index].signature;
    for (let band = 0; band < BANDS; band++) {
      let key = scopeHashes[index] ^ band;
      for (let row = 0; row < ROWS; row++) key = Math.imul(key ^ signature[band * ROWS + row], 0x01000193);
      const bucket = buckets[band].get(key);
      if (bucket) bucket.push(index);
      else buckets[band].set(key, [index]);
    }
  }
  const checked = new Set<number>();
  for (const band of buckets) {
    for (const bucket of band.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = Math.min(bucket[i], bucket[j]);
          const b = Math.max(bucket[i], bucket[j]);
          const key = a * bodies.length + b;
          if (checked.has(key)) continue;
          checked.add(key);
          if (scopes[a] !== scopes[b] || !canPair(a, b)) continue;
          const similarity = jaccard(shingles[a], shingles[b]);
          if (similarity >= threshold) groups.union(a, b, similarity);
        }
      }
    }
  }
  return groups.components();
}

/** Disjoint sets that remember the weakest link that joined each set. */
class UnionFind {
  private readonly parent: Int32Array;
  private readonly weakest: Float64Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
    this.weakest = new Float64Array(size).fill(1);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[index] !== root) {
      const next = this.parent[index];
      this.parent[index] = root;
      index = next;
    }
    return root;
  }

  union(a: number, b: number, similarity: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    const weakest = Math.min(this.weakest[rootA], this.weakest[rootB], similarity);
    if (rootA !== rootB) this.parent[rootB] = rootA;
    this.weakest[rootA] = weakest;
  }

  components(): SimilarGroup[] {
    const members = new Map<number, number[]>();
    for (let index = 0; index < this.parent.length; index++) {
      const root = this.find(index);
      const list = members.get(root);
      if (list) list.push(index);
      else members.set(root, [index]);
    }
    return [...members.entries()]
      .filter(([, list]) => list.length > 1)
      .map(([root, list]) => ({ members: list, similarity: this.weakest[root] }))
      .sort((x, y) => x.members[0] - y.members[0]);
  }
}

function equal(a: Int32Array, b: Int32Array): boolean {
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
