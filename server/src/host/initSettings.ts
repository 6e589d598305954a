import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAMES } from '../engine/configFile';
import { gitDirOf, githubRemotesOf } from '../engine/links/repositories';

export interface InitResult {
  path: string;
  repositories: Record<string, string>;
  /** The `$schema` written, relative to the new file's folder. */
  schema: string;
}

/** Why `govmd init` wrote nothing: the folder is missing, or a settings file is already there. */
export class InitRefused extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

const EXISTS = 'already exists; govmd init does not overwrite a settings file';

/**
 * Writes `.govmd.json` in `folder`: `$schema` pointing at the schema shipped beside this govmd,
 * and `repositories` mapping every GitHub repository checked out in a folder below it (one or
 * two levels down, as reviewers put `community/` beside a DD), so links into those repositories
 * are checked against the checkouts. Never replaces a settings file that exists.
 */
export async function initSettings(folder: string, schemaFile: string): Promise<InitResult> {
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new InitRefused(folder, 'is not a folder');
  for (const name of CONFIG_FILE_NAMES) {
    const existing = nodePath.join(folder, name);
    if (await fs.stat(existing).catch(() => undefined)) throw new InitRefused(existing, EXISTS);
  }
  const repositories: Record<string, string> = {};
  for (const checkout of await checkoutsBelow(folder)) {
    const relative = nodePath.relative(folder, checkout).split(nodePath.sep).join('/');
    for (const name of await githubRemotes(checkout)) repositories[name] ??= relative;
  }
  const schema = toRelativeReference(nodePath.relative(folder, schemaFile));
  const path = nodePath.join(folder, '.govmd.json');
  const text = `${JSON.stringify({ $schema: schema, repositories }, null, 2)}\n`;
  // 'wx': if another process created the file since the check above, it is still not replaced.
  await fs.writeFile(path, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? new InitRefused(path, EXISTS) : error;
  });
  return { path, repositories, schema };
}

/** Folders one and two levels below `folder` that hold a `.git` (a folder, or a worktree's file). */
async function checkoutsBelow(folder: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = nodePath.join(dir, entry.name);
      if (await fs.stat(nodePath.join(child, '.git')).catch(() => undefined)) found.push(child);
      else if (depth < 2) await visit(child, depth + 1);
    }
  };
  await visit(folder, 1);
  return found;
}

/** `owner/repo` of the checkout's GitHub remotes, read from its git config as the server reads it. */
async function githubRemotes(checkout: string): Promise<string[]> {
  const dotGit = nodePath.join(checkout, '.git');
  const read = (path: string) => fs.readFile(path, 'utf8').catch(() => undefined);
  let config: string | undefined;
  if ((await fs.stat(dotGit)).isDirectory()) {
    config = await read(nodePath.join(dotGit, 'config'));
  } else {
    const gitDir = gitDirOf((await read(dotGit)) ?? '');
    if (gitDir) {
      const dir = nodePath.resolve(checkout, gitDir);
      const common = (await read(nodePath.join(dir, 'commondir')))?.trim();
      config = await read(nodePath.join(common ? nodePath.resolve(dir, common) : dir, 'config'));
    }
  }
  return config ? githubRemotesOf(config) : [];
}

/** JSON Schema references relative to the file start with `./` or `../`, as editors expect. */
function toRelativeReference(relative: string): string {
  const posix = relative.split(nodePath.sep).join('/');
  return posix.startsWith('../') ? posix : `./${posix}`;
}
