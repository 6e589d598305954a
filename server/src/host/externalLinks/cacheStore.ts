export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Key → JSON storage that outlives one run. The checker calls `load` once before it reads and
 * `save` once after it writes; `get`, `set`, `delete` and `keys` work on what is in memory.
 * Implementations never throw from `load` (a missing or unreadable store starts empty).
 */
export interface CacheStore {
  load(): Promise<void>;
  save(): Promise<void>;
  get(key: string): JsonValue | undefined;
  set(key: string, value: JsonValue): void;
  delete(key: string): void;
  keys(): Iterable<string>;
}

/** A store that lives as long as the object: for tests and for one editor session. */
export class MemoryCacheStore implements CacheStore {
  protected entries = new Map<string, JsonValue>();

  async load(): Promise<void> {}

  async save(): Promise<void> {}

  get(key: string): JsonValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: JsonValue): void {
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  keys(): Iterable<string> {
    return [...this.entries.keys()];
  }
}
