import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { Workspace } from '../engine/workspace';
import { readText } from './readText';
import { walkFiles } from './walk';
import { fileUri } from '../engine/text/uriText';

/** The engine's Workspace on the file system, for the CLI (and the server's files that are not open). */
export class FsWorkspace implements Workspace {
  readonly roots: readonly string[];
  /** Why files could not be read, by URI: filled as files are read. */
  readonly problems = new Map<string, string>();
  /** Files not read because they are over the engine's size limit, with their size in bytes. */
  private readonly oversized = new Map<string, number>();
  private fileList?: Promise<readonly string[]>;

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
    const result = await readText(URI.parse(uri).fsPath);
    this.oversized.delete(uri);
    if ('problem' in result) {
      // Too large is a finding on the file (not-checked), not a file that cannot be read.
      if (result.tooLarge !== undefined) this.oversized.set(uri, result.tooLarge);
      else this.problems.set(uri, result.problem);
      return undefined;
    }
    this.problems.delete(uri);
    return result.text;
  }

  tooLarge(uri: string): number | undefined {
    return this.oversized.get(uri);
  }

  async stat(uri: string): Promise<'file' | 'directory' | undefined> {
    try {
      const stat = await fs.stat(URI.parse(uri).fsPath);
      return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }
}
