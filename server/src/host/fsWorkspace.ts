import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import type { Workspace } from '../engine/workspace';
import { readText } from './readText';
import { walkFiles } from './walk';
import { fileUri } from '../engine/text/uriText';

/**
 * The engine's Workspace on the file system, for the CLI (and the server's files that are not open).
 *
 * It is the trust boundary's last line: the engine only asks for paths inside the roots, but a
 * symbolic link inside can lead anywhere. A file whose real path is outside every root is not
 * read (a link to it still finds that it exists: existence is all `stat` tells). Git
 * metadata is the exception: a worktree's or submodule's `.git` file names a git folder elsewhere,
 * whose config says which GitHub repository the checkout holds.
 *
 * It asks the file system synchronously, as `readText` does: calls come one after another.
 */
export class FsWorkspace implements Workspace {
  readonly roots: readonly string[];
  /** Why files could not be read, by URI: filled as files are read. */
  readonly problems = new Map<string, string>();
  /** Files not read because they are over the engine's size limit, with their size in bytes. */
  private readonly oversized = new Map<string, number>();
  /** Each file read's `fileStamp`, taken before it was read. */
  private readonly stamps = new Map<string, string>();
  private fileList?: Promise<readonly string[]>;
  private realRoots?: string[];

  constructor(
    private readonly rootPaths: readonly string[],
    private readonly exclude: readonly string[],
  ) {
    this.roots = rootPaths.map((path) => fileUri(path));
  }

  listFiles(): Promise<readonly string[]> {
    return (this.fileList ??= walkFiles(this.rootPaths, this.exclude, this.rootPaths[0] ?? process.cwd()).then((result) =>
      result.files.map((path) => fileUri(path)),
    ));
  }

  /** Forget the file list, after files were created or deleted. */
  refresh(): void {
    this.fileList = undefined;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const path = URI.parse(uri).fsPath;
    this.oversized.delete(uri);
    if (await this.leadsOutside(path)) {
      this.problems.set(uri, 'is a symbolic link that leads out of the workspace; not read');
      return undefined;
    }
    const result = await readText(path);
    if ('problem' in result) {
      // Too large is a finding on the file (not-checked), not a file that cannot be read.
      if (result.tooLarge !== undefined) this.oversized.set(uri, result.tooLarge);
      else this.problems.set(uri, result.problem);
      return undefined;
    }
    this.problems.delete(uri);
    if (result.stamp !== undefined) this.stamps.set(uri, result.stamp);
    return result.text;
  }

  /** The stamp (`fileStamp`) of the file as it was when last read. */
  stampWhenRead(uri: string): string | undefined {
    return this.stamps.get(uri);
  }

  tooLarge(uri: string): number | undefined {
    return this.oversized.get(uri);
  }

  async stat(uri: string): Promise<'file' | 'directory' | undefined> {
    const path = URI.parse(uri).fsPath;
    try {
      const stat = fs.statSync(path);
      return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether `path` exists and resolves (through symbolic links) to a place outside every root. */
  private async leadsOutside(path: string): Promise<boolean> {
    if (this.rootPaths.length === 0) return false;
    let real: string;
    try {
      real = fs.realpathSync.native(path);
    } catch {
      return false;
    }
    const roots = (this.realRoots ??= this.rootPaths.map((root) => realOr(root, nodePath.resolve(root))));
    if (roots.some((root) => real === root || real.startsWith(root.endsWith(nodePath.sep) ? root : `${root}${nodePath.sep}`))) return false;
    return !(isGitMetadata(path) && isGitMetadata(real));
  }
}

/** A path inside a `.git` folder, or a `.git` file itself. */
function isGitMetadata(path: string): boolean {
  return path.split(/[\\/]/).includes('.git');
}

function realOr(path: string, fallback: string): string {
  try {
    return fs.realpathSync.native(path);
  } catch {
    return fallback;
  }
}
