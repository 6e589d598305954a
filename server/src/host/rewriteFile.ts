import { promises as fs, constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import * as nodePath from 'node:path';

export type RewriteOutcome = { written: true } | { written: false; reason: string };

export interface Rewrite {
  /** The text the fixes were computed from, as read (without a byte order mark). */
  expected: string;
  /** The text to write instead. */
  text: string;
  /** Real paths of the folders being checked: the file's real path must lie inside one. */
  insideFolders: readonly string[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Replaces a file's text with a fixed one so that, whatever happens, the file holds either its old
 * text or the new one, and nothing outside the checked folders is touched:
 * - the file's real path must lie inside the checked folders (a symbolic link may point anywhere);
 * - the new text goes to a temporary file beside it, written in full and synced, then renamed over
 *   the file — a full disk, a file size limit or a crash leaves the old text whole;
 * - the file must still hold the text the fixes were computed from, checked again right before the
 *   rename: a change made meanwhile (an editor saving, a line appended) is never overwritten;
 * - a byte order mark, the mode and (where the system allows) the owner are kept; a file the user
 *   may not write stays unwritten even where its folder would allow the rename.
 * Never throws: a reason in one line when the file was not written.
 */
export async function rewriteFile(path: string, rewrite: Rewrite): Promise<RewriteOutcome> {
  let real: string;
  let before: Stats;
  let current: Buffer;
  try {
    real = await fs.realpath(path);
    if (!rewrite.insideFolders.some((folder) => isInside(real, folder))) {
      return { written: false, reason: `it leads through a symbolic link to ${real}, outside the checked folders` };
    }
    before = await fs.stat(real);
    if (!before.isFile()) return { written: false, reason: 'it is not a regular file' };
    await fs.access(real, constants.W_OK);
    current = await fs.readFile(real);
  } catch (error) {
    return { written: false, reason: cannotWrite(error) };
  }
  const hasBom = current.subarray(0, 3).equals(BOM);
  if (!current.equals(Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(rewrite.expected, 'utf8')]))) return changedMeanwhile();
  const bytes = Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(rewrite.text, 'utf8')]);

  const temporary = nodePath.join(nodePath.dirname(real), `.${nodePath.basename(real)}.govmd-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    // `wx`: never through something already at that name (a link planted there would redirect the write).
    handle = await fs.open(temporary, 'wx', before.mode & 0o7777);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'EACCES' || code === 'EPERM') return { written: false, reason: 'cannot be written: its folder allows no new file beside it (permission denied)' };
    return { written: false, reason: cannotWrite(error) };
  }
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(before.mode & 0o7777);
      await handle.chown(before.uid, before.gid).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = await fs.stat(real);
    if (!sameVersion(before, now)) {
      await fs.unlink(temporary).catch(() => undefined);
      return changedMeanwhile();
    }
    await fs.rename(temporary, real);
    return { written: true };
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    return { written: false, reason: cannotWrite(error) };
  }
}

/**
 * The real paths of the folders a run checks, which its writes must stay inside: each folder
 * named, and the folder of each file named (a file named through a link to elsewhere is not
 * inside). Paths that do not resolve add nothing.
 */
export async function checkedFolders(paths: readonly string[], base: string): Promise<string[]> {
  const folders = new Set<string>();
  for (const path of paths) {
    const resolved = nodePath.resolve(base, path);
    const stat = await fs.stat(resolved).catch(() => undefined);
    const folder = stat?.isDirectory() ? resolved : nodePath.dirname(resolved);
    const real = await fs.realpath(folder).catch(() => undefined);
    if (real) folders.add(real);
  }
  return [...folders];
}

function changedMeanwhile(): RewriteOutcome {
  return { written: false, reason: 'it changed while it was being checked; run govmd check --fix again' };
}

function isInside(path: string, folder: string): boolean {
  const relative = nodePath.relative(folder, path);
  return relative !== '' && !relative.startsWith(`..${nodePath.sep}`) && relative !== '..' && !nodePath.isAbsolute(relative);
}

/** The file as it was when its bytes were compared: any write since changes its size, times or inode. */
function sameVersion(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

function cannotWrite(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be written: permission denied';
    case 'EROFS':
      return 'cannot be written: the file system is read-only';
    case 'EFBIG':
      return 'cannot be written: the file size limit (ulimit -f) was reached';
    case 'ENOSPC':
      return 'cannot be written: no space left on the device';
    case 'EDQUOT':
      return 'cannot be written: the disk quota is exceeded';
    case 'ENOENT':
      return 'cannot be written: it no longer exists';
    case 'ELOOP':
      return 'cannot be written: it is a symbolic link loop';
    default:
      return `cannot be written: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
  }
}
