import * as z from 'zod';
import type { CacheStore, JsonValue } from './cacheStore';
import type { Verdict } from './probeUrl';

const entrySchema = z.object({
  checkedAt: z.number(),
  status: z.enum(['ok', 'dead', 'unverified']),
  httpStatus: z.number().int().optional(),
  reason: z.string(),
  finalUrl: z.string().optional(),
});

type Entry = z.output<typeof entrySchema>;

/**
 * The checker's view of a `CacheStore`: URL (without fragment) → verdict and when it was made.
 * Only answers the server gave are kept. A network failure says more about the reader's
 * connection at that moment than about the link, so it is asked again next time.
 *
 * The store belongs to the checker: entries that are expired or not understood are removed.
 * A store that throws is treated as empty and never fails a check.
 */
export class LinkCache {
  constructor(
    private readonly store: CacheStore,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  async load(): Promise<void> {
    try {
      await this.store.load();
    } catch {
      // An unusable cache costs requests, nothing else.
    }
  }

  get(key: string): Verdict | undefined {
    let entry: Entry | undefined;
    try {
      entry = this.read(key);
    } catch {
      return undefined;
    }
    if (!entry || !this.isFresh(entry)) return undefined;
    const { checkedAt: _, ...verdict } = entry;
    return verdict;
  }

  set(key: string, verdict: Verdict): void {
    if (verdict.status !== 'ok' && verdict.status !== 'dead' && verdict.status !== 'unverified') return;
    const entry: Record<string, JsonValue> = { checkedAt: this.now(), status: verdict.status, reason: verdict.reason };
    if (verdict.httpStatus !== undefined) entry.httpStatus = verdict.httpStatus;
    if (verdict.finalUrl !== undefined) entry.finalUrl = verdict.finalUrl;
    try {
      this.store.set(key, entry);
    } catch {
      // See load().
    }
  }

  /** Drops what can no longer be used, then persists. */
  async save(): Promise<void> {
    try {
      for (const key of [...this.store.keys()]) {
        const entry = this.read(key);
        if (!entry || !this.isFresh(entry)) this.store.delete(key);
      }
      await this.store.save();
    } catch {
      // See load().
    }
  }

  private read(key: string): Entry | undefined {
    const parsed = entrySchema.safeParse(this.store.get(key));
    return parsed.success ? parsed.data : undefined;
  }

  /** A time in the future means the clock was changed; the entry cannot be trusted. */
  private isFresh(entry: Entry): boolean {
    const age = this.now() - entry.checkedAt;
    return age >= 0 && age < this.maxAgeMs;
  }
}
