/** Workspace folders that hold a GitHub repository's files, by `owner/repo` (lower case). */
export interface RepositoryMap {
  readonly byName: ReadonlyMap<string, RepositoryFolder>;
  /** Every repository folder, the deepest first: the first that holds a file is its repository. */
  readonly folders: readonly RepositoryFolder[];
}

export interface RepositoryFolder {
  /** `owner/repo` as configured or as the remote spells it. */
  name: string;
  /** The folder's URI, without a trailing `/`. */
  uri: string;
  source: 'settings' | 'git remote';
}

export function repositoryMap(entries: readonly RepositoryFolder[]): RepositoryMap {
  const byName = new Map<string, RepositoryFolder>();
  // Settings come first and win over what a remote says.
  for (const entry of entries) if (!byName.has(entry.name.toLowerCase())) byName.set(entry.name.toLowerCase(), entry);
  const folders = [...byName.values()].sort((a, b) => b.uri.length - a.uri.length);
  return { byName, folders };
}

/** The repository folder that holds `uri`, if any. */
export function repositoryOf(map: RepositoryMap, uri: string): RepositoryFolder | undefined {
  return map.folders.find((folder) => uri === folder.uri || uri.startsWith(`${folder.uri}/`));
}

/**
 * `owner/repo` of every GitHub remote in a `.git/config` text — what `git remote -v` would list.
 * A fork's clone has `origin` (the fork) and `upstream` (the project): links to either resolve.
 */
export function githubRemotesOf(gitConfig: string): string[] {
  const names: string[] = [];
  let inRemote = false;
  for (const line of gitConfig.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]/.exec(line);
    if (section) {
      inRemote = section[1].toLowerCase() === 'remote';
      continue;
    }
    if (!inRemote) continue;
    const url = /^\s*url\s*=\s*(.+?)\s*$/i.exec(line)?.[1];
    const name = url ? githubRepositoryOfRemote(url) : undefined;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `https://github.com/o/r(.git)`, `git@github.com:o/r.git`, `ssh://git@github.com/o/r.git` → `o/r`. */
export function githubRepositoryOfRemote(url: string): string | undefined {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?(?:www\.)?github\.com[:/]+([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(url.replace(/^"|"$/g, ''));
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** `gitdir: ../.git/worktrees/x` in a `.git` file (worktrees, submodules). */
export function gitDirOf(dotGitFile: string): string | undefined {
  return /^gitdir:\s*(.+?)\s*$/m.exec(dotGitFile)?.[1];
}
