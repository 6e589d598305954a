import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Workspace } from '../engine/workspace';
import type { FsWorkspace } from './fsWorkspace';
import type { Finding } from '../engine/types';
import { contentHash, type PlainParse } from './parsedDocuments';
import { fileStamp } from './readText';
import { URI } from 'vscode-uri';

/**
 * `govmd check --cache`: what one run learnt, for the next run over the same workspace root.
 * A file whose size, modification time and inode are as they were when it was read is taken to
 * hold what it held (as ESLint's `--cache-strategy metadata`); any other is read and its content
 * hash compared.
 *
 * Two files per workspace root. The parses, by content hash: a file whose text did not change
 * is not parsed again. The run: every file the check read (by content hash), every path it asked
 * about, the file list, and each checked file's outcome; when all of those are as they were,
 * with the same engine and settings, the outcomes are the report and nothing is parsed or
 * checked. Both are keyed by the engine (its version and the bytes of its bundle) and the
 * settings. A cache file that cannot be read, or is not what this govmd wrote, is passed over.
 */

/** Bumped when what is written changes shape. */
const FORMAT = 2;

/** A checked file's outcome: its findings (hints included), or why it could not be checked. */
export type FileOutcome = { findings: Finding[] } | { problem: string };

export interface RunRecord {
  /** What each file read gave (readToken). */
  reads: [string, string | null][];
  /** The `fileStamp` of the files read: one still the same is not read again to be compared. */
  stamps?: [string, string][];
  /** The answer of each `stat`. */
  stats: [string, string | null][];
  /** The workspace's file list, when the check asked for it. */
  listing?: string[];
  outcomes: [string, FileOutcome][];
}

/** The engine this CLI runs: a changed bundle is another engine, whatever its version says. */
export function engineIdentity(version: string): string {
  let bundle = '';
  try {
    bundle = createHash('sha1').update(readFileSync(__filename)).digest('base64url');
  } catch {
    // Not run from a file: the version alone.
  }
  return `${version}/${bundle}`;
}

/**
 * The default cache folder, as ESLint's and Babel's: node_modules/.cache/govmd in the nearest
 * folder at or above the workspace root that holds a package.json, else in the root itself.
 */
export function defaultCacheFolder(root: string): string {
  for (let folder = root; ; ) {
    if (existsSync(nodePath.join(folder, 'package.json'))) return nodePath.join(folder, 'node_modules', '.cache', 'govmd');
    const parent = nodePath.dirname(folder);
    if (parent === folder) return nodePath.join(root, 'node_modules', '.cache', 'govmd');
    folder = parent;
  }
}

export class CheckCache {
  constructor(
    /** The folder named with --cache-location, or undefined for each root's default. */
    private readonly location: string | undefined,
    private readonly engine: string,
  ) {}

  /** The parses kept for a workspace root, made with these parse settings. */
  async parses(root: string, parseSettings: unknown): Promise<Map<string, PlainParse>> {
    const entries = await this.read(this.file(root, 'parses'), { engine: this.engine, root, parseSettings });
    return Array.isArray(entries) ? new Map(entries as [string, PlainParse][]) : new Map();
  }

  async saveParses(root: string, parseSettings: unknown, parses: ReadonlyMap<string, PlainParse>): Promise<void> {
    await this.write(this.file(root, 'parses'), { engine: this.engine, root, parseSettings }, [...parses]);
  }

  /** The outcomes of the last run with the same key, if nothing it read has changed since. */
  async replay(root: string, key: unknown, workspace: FsWorkspace): Promise<Map<string, FileOutcome> | undefined> {
    const record = (await this.read(this.file(root, 'run'), { engine: this.engine, root, key })) as RunRecord | undefined;
    if (!record || !Array.isArray(record.reads) || !Array.isArray(record.stats) || !Array.isArray(record.outcomes)) return undefined;
    if (record.listing && JSON.stringify(record.listing) !== JSON.stringify(await workspace.listFiles())) return undefined;
    for (const [uri, answer] of record.stats) if (((await workspace.stat(uri)) ?? null) !== answer) return undefined;
    const stamps = new Map(Array.isArray(record.stamps) ? record.stamps : []);
    for (const [uri, token] of record.reads) {
      const stamp = stamps.get(uri);
      if (stamp !== undefined && fileStamp(URI.parse(uri).fsPath) === stamp) continue;
      if (readToken(workspace, uri, await workspace.readFile(uri)) !== token) return undefined;
    }
    return new Map(record.outcomes);
  }

  async saveRun(root: string, key: unknown, record: RunRecord): Promise<void> {
    await this.write(this.file(root, 'run'), { engine: this.engine, root, key }, record);
  }

  private file(root: string, kind: 'parses' | 'run'): string {
    const folder = this.location ?? defaultCacheFolder(root);
    return nodePath.join(folder, `${createHash('sha1').update(root).digest('hex').slice(0, 16)}-${kind}.bin`);
  }

  /** The body of a cache file written with this key; undefined when there is none, or it is damaged or another's. */
  private async read(path: string, key: unknown): Promise<unknown> {
    try {
      const bytes = await fs.readFile(path);
      const headerEnd = bytes.indexOf(10);
      const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as { format: number; key: string; sha1: string };
      const body = bytes.subarray(headerEnd + 1);
      if (header.format !== FORMAT || header.key !== JSON.stringify(key)) return undefined;
      if (createHash('sha1').update(body).digest('hex') !== header.sha1) return undefined;
      return deserialize(body);
    } catch {
      return undefined;
    }
  }

  /** Writes beside and renames, so that a reader meets the old file or the new one, never part of one. */
  private async write(path: string, key: unknown, value: unknown): Promise<void> {
    const body = serialize(value);
    const header = JSON.stringify({ format: FORMAT, key: JSON.stringify(key), sha1: createHash('sha1').update(body).digest('hex') });
    await fs.mkdir(nodePath.dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await fs.writeFile(temporary, Buffer.concat([Buffer.from(`${header}\n`), body]));
      await fs.rename(temporary, path);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }
}

/**
 * What reading a file gave, as the outcome depends on it: the content hash of its text, or why
 * there is none (the size of a file too large to read, the reason it cannot be read; both are
 * in the report).
 */
function readToken(workspace: FsWorkspace, uri: string, text: string | undefined): string | null {
  if (text !== undefined) return contentHash(text);
  const size = workspace.tooLarge(uri);
  if (size !== undefined) return `too large: ${size}`;
  const problem = workspace.problems.get(uri);
  return problem === undefined ? null : `problem: ${problem}`;
}

/** The engine's window on the files, noting what it looked at: what the run's outcomes depend on. */
export class RecordingWorkspace implements Workspace {
  readonly reads = new Map<string, string | null>();
  readonly stamps = new Map<string, string>();
  readonly stats = new Map<string, string | null>();
  listing?: string[];

  constructor(private readonly inner: FsWorkspace) {}

  get roots(): readonly string[] {
    return this.inner.roots;
  }

  async listFiles(): Promise<readonly string[]> {
    const files = await this.inner.listFiles();
    this.listing = [...files];
    return files;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const text = await this.inner.readFile(uri);
    this.reads.set(uri, readToken(this.inner, uri, text));
    const stamp = text === undefined ? undefined : this.inner.stampWhenRead(uri);
    if (stamp === undefined) this.stamps.delete(uri);
    else this.stamps.set(uri, stamp);
    return text;
  }

  async stat(uri: string): Promise<'file' | 'directory' | undefined> {
    const answer = await this.inner.stat(uri);
    this.stats.set(uri, answer ?? null);
    return answer;
  }

  tooLarge(uri: string): number | undefined {
    return this.inner.tooLarge?.(uri);
  }
}
