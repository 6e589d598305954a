import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAMES } from '../engine/configFile';

export interface WorkspaceRoot {
  /** The folder a checked file's workspace is: every cross-file fact is gathered below it, and nothing above. */
  root: string;
  /** The settings file that folder holds, if any: the only one that applies. */
  configFile?: string;
  /** How the root was found. */
  reason: 'settings file' | 'repository' | 'named path';
}

/**
 * The workspace root of a checked file or folder: the nearest folder at or above it that holds a
 * settings file (`.govmd.json`, `.govmd.yaml`) or is a repository's root (holds `.git`), whichever
 * comes first. A settings file above a repository's root is someone else's and never read. With
 * neither, the root is `named` — the path the user asked to check (a file's folder) — and never
 * the current folder: checking one file from a large folder must not walk that folder.
 *
 * So the root depends only on where the file is, not on where the command runs: `govmd check
 * cncf/toc` from its parent and `govmd check .` inside it find the same root and the same findings.
 *
 * `cache` (folder → answer) saves the walk up for the files of one folder.
 */
export function findWorkspaceRoot(path: string, named: string = path, cache?: Map<string, WorkspaceRoot | null>): WorkspaceRoot {
  const start = isFolder(path) ? nodePath.resolve(path) : nodePath.dirname(nodePath.resolve(path));
  const visited: string[] = [];
  let found: WorkspaceRoot | null = null;
  for (let folder = start; ; ) {
    const known = cache?.get(folder);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(folder);
    found = rootAt(folder);
    if (found) break;
    const parent = nodePath.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const folder of visited) cache?.set(folder, found);
  if (found) return found;
  const fallback = nodePath.resolve(named);
  return { root: isFolder(fallback) ? fallback : nodePath.dirname(fallback), reason: 'named path' };
}

function rootAt(folder: string): WorkspaceRoot | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = nodePath.join(folder, name);
    if (existsSync(candidate)) return { root: folder, configFile: candidate, reason: 'settings file' };
  }
  // `.git` is a folder in a clone and a file in a worktree or submodule: either marks the root.
  if (existsSync(nodePath.join(folder, '.git'))) return { root: folder, reason: 'repository' };
  return null;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
