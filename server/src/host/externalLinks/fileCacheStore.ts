import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CacheStore, JsonValue } from './cacheStore';

const FORMAT_VERSION = 1;
/** A cache file larger than this was not written by us; reading it would only cost memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A `CacheStore` kept in one JSON file. A missing, unreadable, oversized or corrupt file loads
 * as an empty cache, and a failed save leaves the old file as it was: the cache only ever saves
 * time, so neither is worth stopping a check for. `problem` says what went wrong last.
 *
 * Writes go to a temporary file beside the target and are renamed over it, so a crash or a
 * second process saving at the same moment never leaves half a file (the last save wins).
 */
export class FileCacheStore implements CacheStore {
  private entries = new Map<string, JsonValue>();
  private dirty = false;
  /** Why the last load started empty or the last save did not happen; undefined when fine. */
  problem: string | undefined;

  constructor(readonly file: string) {}

  async load(): Promise<void> {
    this.entries = new Map();
    this.dirty = false;
    this.problem = undefined;
    let text: string;
    try {
      const stat = await fs.stat(this.file);
      if (!stat.isFile()) return this.startEmpty('not a file');
      if (stat.size > MAX_FILE_BYTES) return this.startEmpty(`larger than ${MAX_FILE_BYTES} bytes`);
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      return this.startEmpty(errorMessage(error));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.startEmpty('not valid JSON');
    }
    if (!isObject(parsed) || parsed.version !== FORMAT_VERSION || !isObject(parsed.entries)) {
      return this.startEmpty(`not a version ${FORMAT_VERSION} cache file`);
    }
    for (const [key, value] of Object.entries(parsed.entries)) this.entries.set(key, value as JsonValue);
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const body = JSON.stringify({ version: FORMAT_VERSION, entries: Object.fromEntries(this.entries) });
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temp, body, 'utf8');
      await fs.rename(temp, this.file);
      this.dirty = false;
      this.problem = undefined;
    } catch (error) {
      this.problem = `could not save ${this.file}: ${errorMessage(error)}`;
      await fs.rm(temp, { force: true }).catch(() => {});
    }
  }

  get(key: string): JsonValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: JsonValue): void {
    this.entries.set(key, value);
    this.dirty = true;
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.dirty = true;
  }

  keys(): Iterable<string> {
    return [...this.entries.keys()];
  }

  private startEmpty(why: string): void {
    this.problem = `ignored ${this.file}: ${why}`;
    // The next save replaces the unusable file with a good one.
    this.dirty = true;
  }
}

/**
 * One cache per user, shared by the CLI and the editor: the platform's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows).
 */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  let base: string;
  if (platform === 'win32') base = env.LOCALAPPDATA || join(home, 'AppData', 'Local');
  else if (platform === 'darwin') base = join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME || join(home, '.cache');
  return join(base, 'govmd', 'external-links.json');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
