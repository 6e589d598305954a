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
    if ('problem' in result) {
      this.problems.set(uri, result.problem);
      return undefined;
    }
    this.problems.delete(uri);
    return result.text;
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
