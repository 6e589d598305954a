import { createHash } from 'node:crypto';
import type { ParsedDocument } from '../engine/parse/document';
import type { ParsedStore } from '../engine/project';
import { LineIndex } from '../engine/text/lineIndex';

/**
 * A parse as it crosses a thread or goes to disk: plain data, without the text it was made from
 * (the receiver has it) and without the line index, which is rebuilt from that text.
 */
export type PlainParse = Omit<ParsedDocument, 'text' | 'lines'>;

export function toPlainParse(parsed: ParsedDocument): PlainParse {
  const { text: _text, lines: _lines, ...plain } = parsed;
  return plain;
}

export function fromPlainParse(text: string, plain: PlainParse): ParsedDocument {
  return { ...plain, text, lines: new LineIndex(text) };
}

/** What a file's content is known by in the cache: a hash of its text. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A text's parse is kept by its content and how it was read (by the link scanner, or in full). */
function keyOf(text: string, scanned: boolean): string {
  return `${scanned ? 'scanned' : 'full'}:${contentHash(text)}`;
}

/**
 * The parses of one run, by file: those made by worker threads, those found in the cache on disk
 * (`kept`, by content hash), and the project's own. With `kept`, every parse the run used is
 * kept there too, to be written back.
 */
export class ParsedDocuments implements ParsedStore {
  /** By URI, then by reading: `scanned:` or `full:`. */
  private readonly byUri = new Map<string, ParsedDocument>();
  /** The parses the run used, by content hash: what the cache keeps for the next run. */
  readonly used = new Map<string, PlainParse>();
  /** Whether a parse was made that the cache did not have. */
  added = false;

  private kept?: ReadonlyMap<string, PlainParse>;

  /** Parses from the cache on disk, by content hash; from now on, the parses used are noted to be kept. */
  useKept(kept: ReadonlyMap<string, PlainParse>): void {
    this.kept = kept;
  }

  /** Whether the cache should be written: a parse it did not have, or one it had that was not used. */
  get keptChanged(): boolean {
    return this.added || this.used.size !== (this.kept?.size ?? 0);
  }

  get(uri: string, text: string, scanned: boolean): ParsedDocument | undefined {
    const reading = `${scanned ? 'scanned' : 'full'}:${uri}`;
    const parsed = this.byUri.get(reading);
    if (parsed && parsed.text === text) return parsed;
    if (!this.kept) return undefined;
    const key = keyOf(text, scanned);
    const plain = this.kept.get(key);
    if (!plain) return undefined;
    this.used.set(key, plain);
    const restored = fromPlainParse(text, plain);
    this.byUri.set(reading, restored);
    return restored;
  }

  /** The run is done with a file: its parses are let go (those the cache keeps stay in `used`). */
  release(uri: string): void {
    this.byUri.delete(`scanned:${uri}`);
    this.byUri.delete(`full:${uri}`);
  }

  set(uri: string, text: string, scanned: boolean, parsed: ParsedDocument): void {
    this.byUri.set(`${scanned ? 'scanned' : 'full'}:${uri}`, parsed);
    if (this.kept) this.keep(text, scanned, toPlainParse(parsed));
  }

  addPlain(uri: string, text: string, scanned: boolean, plain: PlainParse): void {
    this.byUri.set(`${scanned ? 'scanned' : 'full'}:${uri}`, fromPlainParse(text, plain));
    if (this.kept) this.keep(text, scanned, plain);
  }

  private keep(text: string, scanned: boolean, plain: PlainParse): void {
    const key = keyOf(text, scanned);
    if (!this.kept!.has(key)) this.added = true;
    this.used.set(key, plain);
  }
}
