/**
 * The engine's only window on files. The language server backs it with open documents and the
 * file system, the CLI with the file system, tests with a map of strings. URIs are strings
 * (`file:///…`); the engine never touches a file itself.
 */
export interface Workspace {
  /** Folder URIs the workspace is made of. */
  readonly roots: readonly string[];
  /** Every Markdown and owners file under the roots. */
  listFiles(): Promise<readonly string[]>;
  /**
   * The text of a file, or undefined when it does not exist or cannot be read as text. Besides
   * Markdown, the engine reads link targets of any kind (for their line count) and the
   * `.git/config` of workspace folders (the GitHub remotes that say which repository a folder holds).
   */
  readFile(uri: string): Promise<string | undefined>;
  stat(uri: string): Promise<'file' | 'directory' | undefined>;
  /**
   * The size of a file `readFile` did not read because it is over the size limit of a document
   * (parse/limits.ts): it is reported as not checked rather than silently passed over.
   */
  tooLarge?(uri: string): number | undefined;
}

/** A workspace of in-memory files, for tests and for hosts that already hold every text. */
export class InMemoryWorkspace implements Workspace {
  private readonly files: Map<string, string>;

  constructor(files: Record<string, string> | Map<string, string>, readonly roots: readonly string[] = ['file:///ws']) {
    this.files = new Map(files instanceof Map ? files : Object.entries(files));
  }

  set(uri: string, text: string): void {
    this.files.set(uri, text);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  async listFiles(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }

  async readFile(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }

  async stat(uri: string): Promise<'file' | 'directory' | undefined> {
    if (this.files.has(uri)) return 'file';
    const folder = uri.endsWith('/') ? uri : `${uri}/`;
    for (const key of this.files.keys()) if (key.startsWith(folder)) return 'directory';
    return undefined;
  }
}
