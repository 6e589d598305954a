import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../engine/workspace';
import { FsWorkspace } from '../host/fsWorkspace';

/** Open editor buffers first, the file system for everything else. */
export class LspWorkspace implements Workspace {
  private readonly disk: FsWorkspace;

  constructor(
    rootPaths: readonly string[],
    exclude: readonly string[],
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.disk = new FsWorkspace(rootPaths, exclude);
  }

  get roots(): readonly string[] {
    return this.disk.roots;
  }

  get problems(): Map<string, string> {
    return this.disk.problems;
  }

  listFiles(): Promise<readonly string[]> {
    return this.disk.listFiles();
  }

  /** Files were created or deleted: list them again next time. */
  refresh(): void {
    this.disk.refresh();
  }

  async readFile(uri: string): Promise<string | undefined> {
    return this.documents.get(uri)?.getText() ?? this.disk.readFile(uri);
  }

  tooLarge(uri: string): number | undefined {
    return this.documents.get(uri) ? undefined : this.disk.tooLarge(uri);
  }

  async stat(uri: string): Promise<'file' | 'directory' | undefined> {
    return this.documents.get(uri) ? 'file' : this.disk.stat(uri);
  }
}
