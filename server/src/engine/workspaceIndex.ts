import type { Workspace } from './workspace';
import { encodeUriComponent, parseUri } from './text/uriText';
import { handlesInOwnerFile, OWNER_FILE } from './model/owners';

/**
 * What the engine knows of the workspace as a whole, in one place for the CLI and the server:
 * its folders and the path of each file below them, the links between files, the editor buffers
 * that stand in for files, and the people its owners files name. Every other part of the engine
 * asks here rather than working these out again.
 */
export class WorkspaceIndex {
  private readonly openTexts = new Map<string, string>();
  /** Root paths (decoded, ending in `/`) with their URIs (no trailing `/`), longest first. */
  private readonly rootPaths: readonly { path: string; uri: string }[];
  private ownerFileHandles?: Promise<ReadonlyMap<string, string>>;

  constructor(readonly workspace: Workspace) {
    this.rootPaths = workspace.roots
      .map((root) => ({ path: parseUri(root).path.replace(/\/?$/, '/'), uri: root.replace(/\/$/, '') }))
      .sort((a, b) => b.path.length - a.path.length);
  }

  get roots(): readonly string[] {
    return this.workspace.roots;
  }

  /** The workspace folder that holds the file (the innermost, when folders nest), without a trailing `/`. */
  rootOf(uri: string): string | undefined {
    const path = parseUri(uri).path;
    return this.rootPaths.find((root) => path.startsWith(root.path))?.uri;
  }

  /** The file's path below its workspace folder, `/`-separated and decoded; its name when it is in none. */
  relativePath(uri: string): string {
    const path = parseUri(uri).path;
    const root = this.rootPaths.find((r) => path.startsWith(r.path));
    return root ? path.slice(root.path.length) : path.slice(path.lastIndexOf('/') + 1);
  }

  /** A file's path below a folder of the workspace (a repository's checkout), decoded; undefined when it is not below it. */
  static pathBelow(folder: string, uri: string): string | undefined {
    const folderPath = parseUri(folder).path.replace(/\/?$/, '/');
    const path = parseUri(uri).path;
    return path.startsWith(folderPath) ? path.slice(folderPath.length) : undefined;
  }

  /** An editor buffer: its text stands for the file's until it is closed. False when it held that text already. */
  setOpenText(uri: string, text: string): boolean {
    if (this.openTexts.get(uri) === text) return false;
    this.openTexts.set(uri, text);
    this.contentChanged(uri);
    return true;
  }

  closeOpenText(uri: string): void {
    this.openTexts.delete(uri);
    this.contentChanged(uri);
  }

  isOpen(uri: string): boolean {
    return this.openTexts.has(uri);
  }

  /** The buffer's text when the file is open, else the file's. */
  async text(uri: string): Promise<string | undefined> {
    return this.openTexts.get(uri) ?? (await this.workspace.readFile(uri));
  }

  /** A file's text changed (typed, or on disk). */
  contentChanged(uri: string): void {
    if (OWNER_FILE.test(uri)) this.ownerFileHandles = undefined;
  }

  /** Files came or went in ways the host did not tell one by one. */
  reset(): void {
    this.ownerFileHandles = undefined;
  }

  /**
   * The GitHub handles the workspace's owners files (MAINTAINERS, OWNERS, CODEOWNERS) name, by
   * lower-case key, as first written. See `knownHandles` for who else counts as known.
   */
  ownerHandles(): Promise<ReadonlyMap<string, string>> {
    return (this.ownerFileHandles ??= this.readOwnerHandles());
  }

  private async readOwnerHandles(): Promise<ReadonlyMap<string, string>> {
    const handles = new Map<string, string>();
    for (const uri of await this.workspace.listFiles()) {
      if (!OWNER_FILE.test(uri)) continue;
      const text = await this.text(uri);
      if (text === undefined) continue;
      for (const [key, handle] of handlesInOwnerFile(text, uri)) if (!handles.has(key)) handles.set(key, handle);
    }
    return handles;
  }
}

/**
 * The relative path from one file to another, both `/`-separated paths of the same tree (URI
 * paths, or paths below one workspace folder); `from` undefined is the tree's top.
 */
export function relativePath(fromFile: string | undefined, toFile: string): string {
  const fromFolder = fromFile ? fromFile.split('/').slice(0, -1) : [];
  const target = toFile.split('/');
  let common = 0;
  while (common < fromFolder.length && common < target.length - 1 && fromFolder[common] === target[common]) common++;
  return [...Array<string>(fromFolder.length - common).fill('..'), ...target.slice(common)].join('/');
}

/** `relativePath` as a Markdown link destination: each segment percent-encoded, safe inside `(…)`. */
export function relativeLink(fromFile: string | undefined, toFile: string): string {
  return relativePath(fromFile, toFile)
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeUriComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}

/**
 * A link from one file to another, as written in the first: relative and percent-encoded
 * (`../community/GOVERNANCE.md#voting`); the other's URI when no relative path leads there.
 */
export function linkBetween(fromUri: string, toUri: string, anchor?: string): string {
  const from = parseUri(fromUri);
  const to = parseUri(toUri);
  const fragment = anchor ? `#${anchor}` : '';
  if (from.scheme !== to.scheme || from.authority !== to.authority) return `${toUri}${fragment}`;
  return `${relativeLink(from.path, to.path)}${fragment}`;
}
