import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { globMatcher } from '../engine/globs';
import ignore, { type Ignore } from 'ignore';
import { describeError } from './readText';

export interface WalkResult {
  files: string[];
  problems: { path: string; problem: string }[];
}

const CHECKED_FILE = /\.(md|markdown)$|(^|[\\/])(MAINTAINERS|OWNERS|CODEOWNERS|OWNERS_ALIASES)(\.[\w]+)?$/i;

/** A folder's `.gitignore`, which applies to what lies below that folder. */
interface IgnoreRules {
  folder: string;
  rules: Ignore;
}

/**
 * Finds the Markdown and owners files under the given paths. Each folder is entered once by its
 * real path, so symbolic link loops end; unreadable folders are reported and skipped. What a
 * `.gitignore` ignores (build output, caches) is not part of the project and is skipped too,
 * unless it was named explicitly.
 *
 * `boundaries[i]` is the folder the walk of `paths[i]` must stay in (its workspace root; the path
 * itself by default): a symbolic link whose target lies outside it is not followed. Paths named
 * explicitly are taken as named.
 *
 * The file system is asked synchronously: the walk makes one call after another, each a few
 * microseconds on a local disk, less than an awaited call's round trip through the thread pool
 * (a tenth of a second of idle time over cncf/toc's 300 folders).
 */
export async function walkFiles(paths: readonly string[], exclude: readonly string[], base: string, boundaries: readonly string[] = paths): Promise<WalkResult> {
  const isExcluded = globMatcher(exclude);
  const result: WalkResult = { files: [], problems: [] };
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();

  const leadsOut = (path: string, real: string) => {
    result.problems.push({ path, problem: `not checked: a symbolic link to ${real}, outside the workspace` });
  };
  let boundary = '';
  const inside = (real: string) => boundary === '' || real === boundary || real.startsWith(boundary.endsWith(nodePath.sep) ? boundary : `${boundary}${nodePath.sep}`);

  const excluded = (path: string) => {
    const relative = nodePath.relative(base, path).split(nodePath.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && (isExcluded(relative) || isExcluded(`${relative}/`));
  };

  /** A path whose kind is not known yet: named by the user, or a symbolic link met in a folder. */
  const visit = (path: string, explicit: boolean, ignores: readonly IgnoreRules[]): void => {
    if (!explicit && excluded(path)) return;
    let stat;
    try {
      stat = fs.statSync(path);
    } catch (error) {
      // A dangling link named like a governance file is worth a line; other broken entries are not.
      if (explicit || CHECKED_FILE.test(path) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
        result.problems.push({ path, problem: describeError(error) });
      }
      return;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync.native(path);
      } catch (error) {
        result.problems.push({ path, problem: describeError(error) });
        return;
      }
      return enterFolder(path, real, explicit, ignores);
    }
    if (explicit || (CHECKED_FILE.test(path) && !isIgnored(path, false, ignores))) {
      addFile(path, realPathOr(path, path), explicit);
    }
  };

  const addFile = (path: string, real: string, explicit: boolean) => {
    if (seenFiles.has(real)) return;
    if (!explicit && !inside(real)) return leadsOut(path, real);
    seenFiles.add(real);
    result.files.push(path);
  };

  // A folder's entries say their own kind: only symbolic links are asked the file system again,
  // and the real path of anything else is its folder's real path and its name. A walk of a
  // repository is then one readdir per folder rather than a stat and a realpath per entry.
  const enterFolder = (path: string, real: string, explicit: boolean, ignores: readonly IgnoreRules[]): void => {
    if (seenFolders.has(real)) return;
    if (!explicit && !inside(real)) return leadsOut(path, real);
    seenFolders.add(real);
    if (!explicit && isIgnored(path, true, ignores)) return;
    const inner = [...ignores];
    let listing: fs.Dirent[];
    try {
      listing = fs.readdirSync(path, { withFileTypes: true });
    } catch (error) {
      result.problems.push({ path, problem: describeError(error) });
      return;
    }
    const gitignore = listing.some((entry) => entry.name === '.gitignore') ? readIfThere(nodePath.join(path, '.gitignore')) : undefined;
    if (gitignore !== undefined) inner.push({ folder: path, rules: ignore().add(gitignore) });
    const entries = listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const child = nodePath.join(path, entry.name);
      // Links, and entries whose kind the file system does not tell, are asked the file system.
      if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory())) visit(child, false, inner);
      // A file that is not checked is passed at once: whether it is excluded changes nothing.
      else if (entry.isFile() && !CHECKED_FILE.test(child)) continue;
      else if (excluded(child)) continue;
      else if (entry.isDirectory()) enterFolder(child, nodePath.join(real, entry.name), false, inner);
      else if (CHECKED_FILE.test(child) && !isIgnored(child, false, inner)) addFile(child, nodePath.join(real, entry.name), false);
    }
  };

  for (const [index, path] of paths.entries()) {
    const limit = boundaries[index] ?? path;
    boundary = realPathOr(nodePath.resolve(base, limit), '');
    visit(nodePath.resolve(base, path), true, []);
  }
  return result;
}

function isIgnored(path: string, folder: boolean, ignores: readonly IgnoreRules[]): boolean {
  return ignores.some(({ folder: root, rules }) => {
    const relative = nodePath.relative(root, path).split(nodePath.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && rules.ignores(folder ? `${relative}/` : relative);
  });
}

function realPathOr(path: string, fallback: string): string {
  try {
    return fs.realpathSync.native(path);
  } catch {
    return fallback;
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
