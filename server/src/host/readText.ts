import * as fs from 'node:fs';
import { documentTooLarge, MAX_DOCUMENT_LENGTH } from '../engine/parse/limits';

/** Larger files are not read: the engine would not check them anyway (parse/limits.ts). */
export const MAX_FILE_BYTES = MAX_DOCUMENT_LENGTH;

/**
 * `stamp`: the file's size, modification time and inode as they were before it was read (what
 * `fileStamp` gives); `tooLarge`: the file's size in bytes, when that is why it was not read.
 */
export type TextRead = { text: string; stamp?: string } | { problem: string; tooLarge?: number };

/**
 * What a file is known by without reading it, as ESLint's `--cache-strategy metadata`: a file
 * written since has another modification time (or size, or inode when replaced by a rename).
 */
export function fileStamp(path: string): string | undefined {
  try {
    return stampOf(fs.statSync(path));
  } catch {
    return undefined;
  }
}

function stampOf(stat: fs.Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

/**
 * Reads a file as UTF-8 text, or says in one line why it cannot be checked: missing, not a
 * regular file (a FIFO would block forever), too large, binary, not UTF-8, unreadable.
 * Synchronous inside: a check reads one file after another, and the thread-pool round trips of
 * awaited calls left the CLI idle for a sixth of a cold run.
 */
export async function readText(path: string): Promise<TextRead> {
  let stat;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    return { problem: describeError(error) };
  }
  if (stat.isDirectory()) return { problem: 'is a folder, not a file' };
  if (!stat.isFile()) return { problem: 'is not a regular file' };
  if (stat.size > MAX_FILE_BYTES) return { problem: `is not read: ${documentTooLarge(stat.size)}`, tooLarge: stat.size };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    return { problem: describeError(error) };
  }
  const read = decodeText(bytes);
  return 'text' in read ? { ...read, stamp: stampOf(stat) } : read;
}

export function decodeText(bytes: Uint8Array): TextRead {
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { problem: 'is a binary file (it holds NUL bytes)' };
  try {
    // One mark is dropped, here, and not also by the decoder: a second one is text (the write puts one back).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ELOOP':
      return 'is a symbolic link loop';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENAMETOOLONG':
      return 'has a name too long for this system';
    default:
      return `cannot be read: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
  }
}
