import { Utils } from 'vscode-uri';
import type { Span } from '../types';
import type { Workspace } from '../workspace';
import type { ParsedDocument } from '../parse/document';
import { distance } from 'fastest-levenshtein';
import { anchorsOf, matchFragment, type AnchorSet } from './anchors';
import { parseDestination, parseLineAnchor, type Destination } from './destination';
import { lineBreakCount } from '../text/lineIndex';
import { contentKey } from '../text/contentKey';
import { decodeUriComponent, parseUri, wellFormed } from '../text/uriText';
import { closest } from './didYouMean';
import { relativePath, type WorkspaceIndex } from '../workspaceIndex';
import { gitDirOf, githubRemotesOf, repositoryMap, repositoryOf, type RepositoryFolder, type RepositoryMap } from './repositories';

/** What a link rule may know of the file or folder a link names. */
export interface ResolvedTarget {
  uri: string;
  /** The target's path below its workspace folder, for messages. */
  display: string;
  kind: 'file' | 'directory' | undefined;
  /**
   * Line count and anchors of the target file (of a folder's README), gathered only when the link
   * has a fragment: anchors only for Markdown.
   */
  facts?: TargetFacts;
  /** A folder link's fragment is looked up in the README GitHub shows below the listing. */
  readme?: string;
  /** Where the path is written in the URL, for fixes that replace it. */
  pathSpan: Span;
  /** A missing target's closest existing path, written as the link would write it. */
  suggestion?: string;
  /** GitHub URLs: the repository the folder holds. */
  repository?: string;
}

export interface TargetFacts {
  lineCount: number;
  anchors?: AnchorSet;
}

/** The synchronous view link rules read: where each destination written in one document leads. */
export interface LinkTargets {
  /**
   * The workspace file or folder a destination names; undefined when it names none (fragments of
   * the same document, external and malformed URLs, GitHub repositories outside the workspace).
   */
  get(url: string): ResolvedTarget | undefined;
  /**
   * The files whose text these targets were read from (anchors, line counts, also those of files
   * a fix was looked for in): when one of them is edited, the document's link findings may change.
   */
  readonly contentsRead: ReadonlySet<string>;
}

export interface LinkIndexHost {
  readonly workspace: Workspace;
  /** An open buffer's text, else the file's. */
  text(uri: string): Promise<string | undefined>;
  isOpen(uri: string): boolean;
  /** Which workspace folder holds a file, and its path below it. */
  readonly paths: Pick<WorkspaceIndex, 'rootOf' | 'relativePath'>;
  /** The Project's own parse of that text, when it has one. */
  parsed(uri: string, text: string): ParsedDocument | undefined;
  /** Reads a target the Project has not read yet (for its anchors). */
  parse(uri: string, text: string): ParsedDocument;
  /** `repositories` setting: `"owner/repo": "folder"`. */
  readonly repositories: Readonly<Record<string, string>>;
  /** The folder the `repositories` setting's paths are relative to: the settings file's. */
  readonly settingsFolder?: string;
}

const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;
const README_NAMES = ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'README.mdown', 'README'];

/**
 * The workspace's link targets: which files and folders exist, the anchors and line counts of the
 * files links point into, which folders hold which GitHub repository. Only targets are read, each
 * parsed once per content (cached by a hash of its text, so a save that changes nothing costs no
 * parse); hosts invalidate entries with `contentChanged` / `fileChanged`.
 */
export class LinkIndex {
  /** How targets' anchors were read: `targetReads` through the host, `targetsKnown` from a document the Project had. */
  readonly stats = { targetReads: 0, targetsKnown: 0 };
  private readonly kinds = new Map<string, Promise<'file' | 'directory' | undefined>>();
  private readonly factsByUri = new Map<string, Promise<{ key: string; facts: TargetFacts } | undefined>>();
  private readonly factsByContent = new Map<string, TargetFacts>();
  /** The content key each file's facts were last read under, and how many files are at each key. */
  private readonly contentKeyOf = new Map<string, string>();
  private readonly filesAtKey = new Map<string, number>();
  private readonly readmes = new Map<string, Promise<string | undefined>>();
  /**
   * Closest existing paths to missing ones, by base, path as written and folder searched, with the
   * files whose anchors the search read.
   */
  private readonly suggestions = new Map<string, { answer: Promise<string | undefined>; read: Set<string> }>();
  private namesOfListing?: { listing: readonly string[]; names: readonly { uri: string; name: string; extension: string }[] };
  private repositoryMap?: Promise<RepositoryMap>;

  constructor(private readonly host: LinkIndexHost) {}

  /** Resolves every destination a document writes, reading what it needs through the workspace. */
  async gather(uri: string, parsed: ParsedDocument): Promise<LinkTargets> {
    const urls = new Set<string>();
    for (const link of parsed.links) if (link.kind !== 'reference') urls.add(link.url);
    for (const definition of parsed.definitions) urls.add(definition.url);
    const repositories = await this.repositories();
    const resolved = new Map<string, ResolvedTarget>();
    const contentsRead = new Set<string>();
    await Promise.all(
      [...urls].map(async (url) => {
        const target = await this.resolve(uri, url, repositories, contentsRead);
        if (target) resolved.set(url, target);
      }),
    );
    return { get: (url) => resolved.get(url), contentsRead };
  }

  /** An open buffer's text changed: its anchors and line count may have, and the fixes found in it. */
  contentChanged(uri: string): void {
    this.factsByUri.delete(uri);
    for (const [key, suggestion] of this.suggestions) if (suggestion.read.has(uri)) this.suggestions.delete(key);
  }

  /** A file or folder was created, changed or deleted. */
  fileChanged(uri: string): void {
    this.contentChanged(uri);
    const folder = `${uri}/`;
    for (const cache of [this.kinds, this.factsByUri, this.readmes] as Map<string, unknown>[]) {
      for (const key of cache.keys()) if (key.startsWith(folder) || folder.startsWith(`${key}/`) || key === uri) cache.delete(key);
    }
    if (/\/\.git(\/|$)/.test(uri)) this.repositoryMap = undefined;
    // A file came or went: the closest existing path to a missing one may be another now.
    this.suggestions.clear();
  }

  reset(): void {
    this.suggestions.clear();
    this.kinds.clear();
    this.factsByUri.clear();
    this.readmes.clear();
    this.repositoryMap = undefined;
  }

  repositories(): Promise<RepositoryMap> {
    return (this.repositoryMap ??= this.findRepositories());
  }

  private async resolve(from: string, url: string, repositories: RepositoryMap, contentsRead: Set<string>): Promise<ResolvedTarget | undefined> {
    const destination = parseDestination(url);
    const candidates = this.candidates(from, destination, repositories);
    if (!candidates) return undefined;
    const { base, within, style, options, fragment, repository } = candidates;
    let chosen = options[0];
    let kind: ResolvedTarget['kind'];
    for (const option of options) {
      kind = await this.stat(option.uri);
      if (kind) {
        chosen = option;
        break;
      }
    }
    const target: ResolvedTarget = { uri: chosen.uri, display: this.display(chosen.uri), kind, pathSpan: chosen.pathSpan };
    if (repository) target.repository = repository.name;
    if (!kind) {
      const suggestion = await this.suggestPath({ base, within, style, written: chosen.relative, fragment }, contentsRead);
      if (suggestion) target.suggestion = suggestion;
      return target;
    }
    if (fragment === undefined || fragment === '') return target;
    const lineAnchor = parseLineAnchor(fragment) !== undefined;
    if (kind === 'file') {
      contentsRead.add(chosen.uri);
      const facts = await this.factsOf(chosen.uri, !lineAnchor && MARKDOWN.test(chosen.uri));
      if (facts) target.facts = facts;
    } else if (!lineAnchor) {
      const readme = await this.readmeOf(chosen.uri);
      if (readme) {
        target.readme = this.display(readme);
        contentsRead.add(readme);
        const facts = await this.factsOf(readme, MARKDOWN.test(readme));
        if (facts) target.facts = facts;
      }
    }
    return target;
  }

  /** The files or folders a destination may name, the likeliest first. */
  private candidates(from: string, destination: Destination, repositories: RepositoryMap) {
    if (destination.type === 'path') {
      const root = repositoryOf(repositories, from)?.uri ?? this.rootOf(from);
      const base = destination.rootRelative ? root : folderOf(from);
      const relative = destination.path.replace(/^\/+/, '');
      const uri = join(base, relative);
      // GitHub resolves a link that climbs out of the repository against its own pages:
      // `../../issues` from the README is the issue list, not a file.
      if (!isWithin(uri, root)) return undefined;
      const style: PathStyle = destination.rootRelative ? 'root' : 'relative';
      return { base, within: root, style, fragment: destination.fragment, repository: undefined, options: [{ uri, relative, pathSpan: destination.pathSpan }] };
    }
    if (destination.type !== 'github') return undefined;
    const repository = repositories.byName.get(`${destination.owner}/${destination.repo}`.toLowerCase());
    if (!repository) return undefined;
    const { segments } = destination;
    // A browser resolves `..` (and `%2e%2e`) before GitHub sees the URL: it names another page, not a file here.
    if (segments.some((segment) => segment.name === '.' || segment.name === '..')) return undefined;
    // `blob/397865e…/sigs.yml` is the file as it was at that commit: today's working tree cannot say
    // whether it existed then, and GitHub keeps serving it.
    if (destination.route !== 'root' && segments.length > 0 && COMMIT.test(segments[0].name)) return undefined;
    const end = segments.length ? segments[segments.length - 1].end : 0;
    const options: { uri: string; relative: string; pathSpan: Span }[] = [];
    // REF may hold `/` (`release/v2.1`): every split is a candidate, the longest existing path wins.
    for (let k = 1; k < segments.length; k++) {
      const relative = segments.slice(k).map((segment) => segment.name).join('/');
      const uri = join(repository.uri, relative);
      if (isWithin(uri, repository.uri)) options.push({ uri, relative, pathSpan: { start: segments[k].start, end } });
    }
    if (segments.length > 1 && options.length === 0) return undefined;
    if (options.length === 0) options.push({ uri: repository.uri, relative: '', pathSpan: { start: end, end } });
    return { base: repository.uri, within: repository.uri, style: 'repository' as PathStyle, fragment: destination.fragment, repository, options };
  }

  private stat(uri: string): Promise<'file' | 'directory' | undefined> {
    if (this.host.isOpen(uri)) return Promise.resolve('file');
    let stat = this.kinds.get(uri);
    if (!stat) {
      stat = this.host.workspace.stat(uri);
      this.kinds.set(uri, stat);
    }
    return stat;
  }

  /**
   * A document's parse is about to be let go (a cold check moves on): its facts as a link target
   * are read from it first, so that a later link to it needs no second parse.
   */
  async keepTargetFacts(uri: string, text: string, parsed: ParsedDocument): Promise<void> {
    const entry = this.factsByUri.get(uri);
    const known = await entry;
    // A change told while that entry was being read (a file opened, typed in, changed on disk)
    // dropped it: this text may be the old one, and is not put back.
    if (this.factsByUri.get(uri) !== entry) return;
    if (known?.facts.anchors && this.contentKeyOf.get(uri) === known.key) return;
    this.factsByUri.set(uri, Promise.resolve(this.factsFromText(uri, text, true, () => parsed)));
  }

  private async factsOf(uri: string, withAnchors: boolean): Promise<TargetFacts | undefined> {
    let entry = this.factsByUri.get(uri);
    if (!entry) {
      entry = this.readFacts(uri, withAnchors);
      this.factsByUri.set(uri, entry);
    }
    const found = await entry;
    if (!found || !withAnchors || found.facts.anchors) return found?.facts;
    // Read first for its line count only; now a link needs its anchors too.
    const again = this.readFacts(uri, true);
    this.factsByUri.set(uri, again);
    return (await again)?.facts;
  }

  private async readFacts(uri: string, withAnchors: boolean): Promise<{ key: string; facts: TargetFacts } | undefined> {
    const text = await this.host.text(uri);
    if (text === undefined) return undefined;
    return this.factsFromText(uri, text, withAnchors, () => this.anchorSource(uri, text));
  }

  private factsFromText(uri: string, text: string, withAnchors: boolean, parsed: () => ParsedDocument): { key: string; facts: TargetFacts } {
    const key = contentKey(text);
    this.noteContentKey(uri, key);
    let facts = this.factsByContent.get(key);
    if (!facts || (withAnchors && !facts.anchors)) {
      facts = { lineCount: lineCountOf(text) };
      if (withAnchors) facts.anchors = anchorsOf(parsed());
      if (this.factsByContent.size >= 20_000) this.factsByContent.clear();
      this.factsByContent.set(key, facts);
    }
    return { key, facts };
  }

  /**
   * Facts are kept by content so that a save which changes nothing costs no parse; the facts of a
   * text no file has any more (the versions of a buffer being typed in) are dropped.
   */
  private noteContentKey(uri: string, key: string): void {
    const previous = this.contentKeyOf.get(uri);
    if (previous === key) return;
    this.contentKeyOf.set(uri, key);
    this.filesAtKey.set(key, (this.filesAtKey.get(key) ?? 0) + 1);
    if (previous === undefined) return;
    const left = this.filesAtKey.get(previous)! - 1;
    if (left > 0) return void this.filesAtKey.set(previous, left);
    this.filesAtKey.delete(previous);
    this.factsByContent.delete(previous);
  }

  private anchorSource(uri: string, text: string): ParsedDocument {
    const known = this.host.parsed(uri, text);
    if (known) {
      this.stats.targetsKnown++;
      return known;
    }
    this.stats.targetReads++;
    return this.host.parse(uri, text);
  }

  private readmeOf(folder: string): Promise<string | undefined> {
    let readme = this.readmes.get(folder);
    if (!readme) {
      readme = (async () => {
        for (const name of README_NAMES) {
          const uri = join(folder, name);
          if ((await this.stat(uri)) === 'file') return uri;
        }
        return undefined;
      })();
      this.readmes.set(folder, readme);
    }
    return readme;
  }

  /**
   * The closest existing Markdown or owners file to a missing path, relative to the same base.
   * Kept until a file comes or goes: a broken link is resolved again on every keystroke, and the
   * search runs over every file of the workspace.
   */
  private async suggestPath(request: PathRequest, contentsRead: Set<string>): Promise<string | undefined> {
    const key = JSON.stringify(request);
    let suggestion = this.suggestions.get(key);
    if (!suggestion) {
      const read = new Set<string>();
      suggestion = { answer: this.searchClosestPath(request, read), read };
      this.suggestions.set(key, suggestion);
    }
    const answer = await suggestion.answer;
    for (const uri of suggestion.read) contentsRead.add(uri);
    return answer;
  }

  /**
   * Each listed file's name as a missing path's is compared with it, worked out once per listing:
   * each broken link was otherwise a decoding of every file name of the workspace (166 broken links
   * in cncf/toc's 560 files).
   */
  private fileNames(listing: readonly string[]): readonly { uri: string; name: string; extension: string }[] {
    if (this.namesOfListing?.listing !== listing) {
      const names = listing.map((uri) => {
        const name = decodeUriComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
        return { uri, name, extension: /\.[^.]+$/.exec(name)?.[0] ?? '' };
      });
      this.namesOfListing = { listing, names };
    }
    return this.namesOfListing.names;
  }

  /**
   * The file a missing path most likely meant, in the same repository, or none. Only a file of the
   * same name elsewhere (moved), of the same name with another extension (`graduation_criteria.adoc`
   * became `.md`), or a name a typo away (`COMMUNITY_LADER.md`) is proposed: a merely similar path is
   * another document, and a wrong proposal is worse than none. When the link names a section, only
   * files that have it are proposed.
   */
  private async searchClosestPath({ base, within, style, written, fragment }: PathRequest, read: Set<string>): Promise<string | undefined> {
    const clean = written.replace(INVISIBLE, '');
    const name = clean.slice(clean.lastIndexOf('/') + 1).toLowerCase();
    if (name === '') return undefined;
    const extension = /\.[^.]+$/.exec(name)?.[0] ?? '';
    const stem = name.slice(0, name.length - extension.length);
    // Every folder has its README, every repository its CONTRIBUTING: another file of that name is
    // another folder's, not where the missing one went (`OpenEBS/CONTRIBUTING.md` is not the TOC's).
    if (GENERIC_NAMES.has(stem)) return undefined;
    const prefix = `${within}/`;
    const ranked: { uri: string; path: string; tier: number; distance: number }[] = [];
    for (const { uri, name: candidate, extension: candidateExtension } of this.fileNames(await this.host.workspace.listFiles())) {
      if (!uri.startsWith(prefix)) continue;
      const tier =
        candidate === name ? 0
        : stem !== '' && candidate.slice(0, candidate.length - candidateExtension.length) === stem ? 1
        : candidateExtension === extension && distance(candidate, name) <= Math.floor(stem.length / 5) ? 2
        : -1;
      if (tier < 0) continue;
      const path = style === 'relative' ? relativePath(`${parseUri(base).path}/`, parseUri(uri).path) : `${style === 'root' ? '/' : ''}${decodeUriComponent(uri.slice(prefix.length))}`;
      ranked.push({ uri, path, tier, distance: distance(clean.toLowerCase(), path.toLowerCase()) });
    }
    ranked.sort((a, b) => a.tier - b.tier || a.distance - b.distance || (a.path < b.path ? -1 : 1));
    for (const candidate of ranked) {
      if (candidate.path === written) continue;
      if (fragment && parseLineAnchor(fragment) === undefined && MARKDOWN.test(candidate.uri)) {
        read.add(candidate.uri);
        const anchors = (await this.factsOf(candidate.uri, true))?.anchors;
        if (!anchors || !matchFragment(anchors, fragment).found) continue;
      }
      return candidate.path;
    }
    return undefined;
  }

  private async findRepositories(): Promise<RepositoryMap> {
    const entries: RepositoryFolder[] = [];
    const settingsFolder = this.host.settingsFolder ?? this.host.workspace.roots[0];
    const roots = this.host.workspace.roots.map(stripSlash);
    for (const [name, folder] of Object.entries(this.host.repositories)) {
      if (!settingsFolder) continue;
      const uri = join(stripSlash(settingsFolder), folder);
      // A mapping may not make the workspace reach beyond its folders (`"o/r": "/"`).
      if (roots.some((root) => isWithin(uri, root))) entries.push({ name, uri, source: 'settings' });
    }
    for (const folder of await this.repositoryCandidates()) {
      for (const name of await this.githubRemotes(folder)) entries.push({ name, uri: folder, source: 'git remote' });
    }
    return repositoryMap(entries);
  }

  /**
   * Folders that may be a repository's checkout: the workspace folders and the folders one or two
   * levels below them that hold files (`reviews/toc`, `community`), the way reviewers check
   * repositories out side by side.
   */
  private async repositoryCandidates(): Promise<string[]> {
    const roots = this.host.workspace.roots.map(stripSlash);
    const folders = new Set(roots);
    for (const uri of await this.host.workspace.listFiles()) {
      const root = roots.find((r) => uri.startsWith(`${r}/`));
      if (!root) continue;
      const parts = uri.slice(root.length + 1).split('/').slice(0, -1);
      if (parts.length >= 1) folders.add(`${root}/${parts[0]}`);
      if (parts.length >= 2) folders.add(`${root}/${parts[0]}/${parts[1]}`);
    }
    return [...folders];
  }

  /** The GitHub remotes of a checkout, from `.git/config` (or the config a `.git` file points to). */
  private async githubRemotes(folder: string): Promise<string[]> {
    const dotGit = `${folder}/.git`;
    const kind = await this.host.workspace.stat(dotGit);
    let config: string | undefined;
    if (kind === 'directory') {
      config = await this.host.workspace.readFile(`${dotGit}/config`);
    } else if (kind === 'file') {
      const gitDir = gitDirOf((await this.host.workspace.readFile(dotGit)) ?? '');
      // Only a git folder is read for remotes: `gitdir: /home/me` must not send us reading elsewhere.
      if (gitDir && /(^|\/)\.git(\/|$)/.test(gitDir)) {
        const dir = join(folder, gitDir);
        // A worktree's own git folder names the shared one, which holds the config.
        const common = (await this.host.workspace.readFile(`${dir}/commondir`))?.trim();
        config = await this.host.workspace.readFile(`${common ? join(dir, common) : dir}/config`);
      }
    }
    return config ? githubRemotesOf(config) : [];
  }

  private rootOf(uri: string): string {
    return this.host.paths.rootOf(uri) ?? folderOf(uri);
  }

  /** A target's path below its workspace folder; a workspace folder itself by its name. */
  private display(uri: string): string {
    return this.host.paths.relativePath(uri) || uri;
  }
}

/** `uri` is `folder` or below it (both without a trailing `/`, normalised). */
function isWithin(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(`${folder}/`);
}

/** Names (lower case, no extension) every folder or repository may have its own of. */
const GENERIC_NAMES = new Set([
  'readme', 'index', '_index', 'contributing', 'governance', 'maintainers', 'security', 'code_of_conduct', 'code-of-conduct',
  'license', 'changelog', 'owners', 'codeowners', 'adopters', 'roadmap', 'releases', 'release', 'support', 'notice', 'authors',
]);

/** A commit (7 to 40 hex digits) as the REF of a GitHub URL. */
const COMMIT = /^[0-9a-f]{7,40}$/i;

/** Characters that print nothing (a left-to-right mark pasted with a path). */
export const INVISIBLE = /[\p{Cf}]/gu;

/** How the link writes its path, and so how a proposal must be written. */
type PathStyle = 'relative' | 'root' | 'repository';

interface PathRequest {
  /** The folder relative paths start from. */
  base: string;
  /** The repository (or workspace folder) proposals must stay in. */
  within: string;
  style: PathStyle;
  written: string;
  fragment: string | undefined;
}

function join(base: string, relative: string): string {
  if (relative === '' || relative === '.') return base;
  return stripSlash(Utils.resolvePath(parseUri(base), wellFormed(relative)).toString());
}

function folderOf(uri: string): string {
  return stripSlash(Utils.dirname(parseUri(uri)).toString());
}

function stripSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** GitHub counts a last line without a line break as a line, and a final line break as none. */
export function lineCountOf(text: string): number {
  if (text === '') return 0;
  const breaks = lineBreakCount(text);
  return /[\r\n]$/.test(text) ? breaks : breaks + 1;
}
