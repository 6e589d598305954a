import type { GovDocument } from '../govDocument';
import type { WorkspaceDuplicates } from '../rules/rule';
import type { Span } from '../types';
import { extractDefinitions, type Definition } from './definitions';
import { DuplicateFinder, type PlaceOf } from './findDuplicates';
import { mergeLexicon, type Lexicon } from './lexicon';
import { standingOf } from './standing';
import { projectScope } from './projectScope';
import type { RepositoryMap } from '../links/repositories';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { LineIndex } from '../text/lineIndex';
import { contentKey } from '../text/contentKey';

/** What the index needs of its project: the workspace's files, their parsed documents, the repositories. */
export interface DocumentSource {
  readonly workspace: { listFiles(): Promise<readonly string[]> };
  /** Which workspace folder holds a file. */
  readonly index: Pick<WorkspaceIndex, 'rootOf' | 'relativePath'>;
  readonly settings: { topics: Parameters<typeof mergeLexicon>[0] };
  document(uri: string): Promise<GovDocument | undefined>;
  /** Workspace folders that hold a GitHub repository (settings and git remotes). */
  repositories(): Promise<RepositoryMap>;
}

/**
 * The definitions of every governance file of the workspace, and the groups written twice. Each
 * file's definitions are kept by its text, and the groups are kept up to date file by file
 * (`DuplicateFinder`): after an edit only that file is read again and only the groups it took
 * part in are formed again.
 */
export class DuplicatesIndex {
  /**
   * Each file's definitions by its text's `contentKey`, and where its lines start when it has any:
   * not its parse, which its check lets go, nor its text (5.5 MB of 10,000 generated files' heap).
   */
  private readonly definitions = new Map<string, { key: string; definitions: Definition[]; lines?: LineIndex }>();
  private lexiconCache?: Lexicon;
  private finder?: Promise<DuplicateFinder>;
  /** The files the finder holds, as last listed; files changed since, to read again. */
  private listed = new Set<string>();
  private lastListing?: readonly string[];
  private readonly stale = new Set<string>();
  /** What the finder holds of each file: setting the same definitions again changes nothing. */
  private readonly held = new Map<string, Definition[]>();
  private reading?: Promise<void>;
  /** Every listed file has been read once: from then on, an edit costs a read of that file only. */
  private built = false;
  /** The files groups will be asked for, when not all of them (`focus`), and their project scopes. */
  private focusUris?: ReadonlySet<string>;
  private focusScopes?: ReadonlySet<string>;
  private scopeOf?: (uri: string) => string;

  /**
   * `readyForEdits: false`: once every file is read, what only a later edit reads is let go
   * (`DuplicateFinder.compact`) — a host that reads the workspace once, as `govmd check` does.
   */
  constructor(
    private readonly source: DocumentSource,
    private readonly readyForEdits = true,
  ) {}

  private get lexicon(): Lexicon {
    return (this.lexiconCache ??= mergeLexicon(this.source.settings.topics));
  }

  /**
   * The groups will be asked for these files alone (a `govmd check` of part of the workspace): a
   * file of a project scope none of them shares can never be grouped with them, and is not read.
   * cncf/toc checked in ../shared/corpus then parses none of the other repositories' definitions.
   */
  focus(uris: Iterable<string>): void {
    this.focusUris = new Set(uris);
    this.focusScopes = undefined;
  }

  fileChanged(uri: string): void {
    if (/\.(md|markdown)$/i.test(uri)) this.stale.add(uri);
  }

  reset(): void {
    this.definitions.clear();
    this.finder = undefined;
    this.listed = new Set();
    this.lastListing = undefined;
    this.stale.clear();
    this.held.clear();
    this.built = false;
  }

  /** Whether the groups can be had without reading the whole workspace first. */
  get isBuilt(): boolean {
    return this.built;
  }

  /**
   * Reads one file ahead, for a host that reads the workspace a file at a time between its other
   * work: the first groups then cost no read of the whole workspace in one go.
   */
  async prepare(uri: string): Promise<void> {
    const finder = await this.listedFinder();
    while (this.reading) await this.reading;
    if (!this.stale.delete(uri)) return;
    await this.readExclusively(this.read(finder, uri));
  }

  /** The groups, with `doc` as it is now (an open buffer may differ from the file). */
  async groupsFor(doc: GovDocument): Promise<WorkspaceDuplicates> {
    const finder = await this.upToDate();
    if (this.counts(doc.uri)) this.hold(finder, doc, this.remember(doc));
    return this.snapshot(finder);
  }

  /**
   * The groups as they would be with a trial text of one document (a fix being tried out): the
   * workspace's own groups and definitions are put back as they were before this returns.
   */
  async groupsForTrial(doc: GovDocument): Promise<WorkspaceDuplicates> {
    if (!mayDefine(doc.path) || this.definitions.get(doc.uri)?.key === contentKey(doc.text)) return this.groupsFor(doc);
    const finder = await this.upToDate();
    const own = this.held.get(doc.uri);
    // Formed anew, not in place: putting the file's own definitions back leaves the trial's groups as they are read now.
    finder.set(doc.uri, this.definitionsOf(doc), placeIn(doc), { inPlace: false });
    const trial = this.snapshot(finder, doc);
    const groups = trial.groups;
    const groupsOf = new Map([[doc.uri, trial.groupsOf(doc.uri)]]);
    if (own) finder.set(doc.uri, own, undefined, { inPlace: false });
    else finder.delete(doc.uri);
    return { ...trial, groups, groupsOf: (uri) => groupsOf.get(uri) ?? [] };
  }

  async all(): Promise<WorkspaceDuplicates> {
    return this.snapshot(await this.upToDate());
  }

  /**
   * The files whose duplicate groups changed since the last call, with the files changed since
   * read again: their duplicate-section findings (members, related places) may be out of date.
   * Before the index is built no finding was made from it, and none is out of date.
   */
  async takeChanged(): Promise<Set<string>> {
    if (!this.built) return new Set();
    return (await this.upToDate()).takeChanged();
  }

  /**
   * Whether forming the groups reads this file: a living governance file in the focus (`focus`).
   * A host that parses ahead in other threads parses only those and the files it checks.
   */
  async reads(uri: string): Promise<boolean> {
    await this.listedFinder();
    return this.definesInFocus(uri);
  }

  /** A living governance file (by its name) of a project scope the focus holds. */
  private definesInFocus(uri: string): boolean {
    if (!mayDefine(this.source.index.relativePath(uri))) return false;
    if (!this.focusUris || !this.scopeOf) return true;
    this.focusScopes ??= new Set([...this.focusUris].map(this.scopeOf));
    return this.focusScopes.has(this.scopeOf(uri));
  }

  /** Whether a document takes part: a listed file, or an open buffer that is not a file yet. */
  private counts(uri: string): boolean {
    return this.listed.has(uri) || !uri.startsWith('file:');
  }

  private snapshot(finder: DuplicateFinder, trial?: GovDocument): WorkspaceDuplicates {
    const linesOf = (uri: string) => (uri === trial?.uri ? trial.parsed.lines : this.definitions.get(uri)?.lines);
    return {
      // Read by "Show Duplicates"; a check reads only its own file's groups.
      get groups() {
        return finder.groups();
      },
      groupsOf: (uri) => finder.groupsOf(uri),
      lexicon: this.lexicon,
      // A file's lines are kept whenever it has a definition, and only definitions are asked for.
      rangeOf: (uri: string, span: Span) => linesOf(uri)?.range(span) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
  }

  /** The finder with every listed file read, and the files changed since read again. */
  private async upToDate(): Promise<DuplicateFinder> {
    const finder = await this.listedFinder();
    // One reader at a time, so that no caller sees the groups while a file is half read.
    while (this.reading) await this.reading;
    if (this.stale.size > 0) await this.readExclusively(this.readStale(finder));
    if (!this.built) {
      // What the first build formed, no finding was made from before it.
      finder.takeChanged();
      this.built = true;
      if (!this.readyForEdits) finder.compact();
    }
    return finder;
  }

  private async readExclusively(reading: Promise<void>): Promise<void> {
    this.reading = reading;
    try {
      await reading;
    } finally {
      this.reading = undefined;
    }
  }

  /** The finder, with the files listed since it last looked marked to be read. */
  private async listedFinder(): Promise<DuplicateFinder> {
    this.finder ??= this.source.repositories().then((repositories) => {
      const scopeOf = (uri: string) => projectScope(uri, this.source.index, repositories);
      this.scopeOf = scopeOf;
      return new DuplicateFinder({ lexicon: this.lexicon, scopeOf });
    });
    const finder = await this.finder;
    const listing = await this.source.workspace.listFiles();
    // Workspaces hand out the same list until files come or go: an edit does not compare the whole listing again.
    if (listing === this.lastListing) return finder;
    this.lastListing = listing;
    const files = listing.filter((uri) => /\.(md|markdown)$/i.test(uri));
    const listed = new Set(files);
    if (listed.size !== this.listed.size || files.some((uri) => !this.listed.has(uri))) {
      for (const uri of files) if (!this.listed.has(uri)) this.stale.add(uri);
      for (const uri of this.listed) if (!listed.has(uri)) this.stale.add(uri);
      this.listed = listed;
    }
    return finder;
  }

  private async readStale(finder: DuplicateFinder): Promise<void> {
    while (this.stale.size > 0) {
      const uri: string = this.stale.values().next().value!;
      this.stale.delete(uri);
      await this.read(finder, uri);
    }
  }

  private hold(finder: DuplicateFinder, doc: GovDocument, definitions: Definition[]): void {
    const uri = doc.uri;
    const held = this.held.get(uri);
    // A DD or a record being typed in defines nothing before and after: the groups stay as they are.
    if (held === definitions || (held?.length === 0 && definitions.length === 0)) return;
    this.held.set(uri, definitions);
    finder.set(uri, definitions, placeIn(doc));
  }

  private async read(finder: DuplicateFinder, uri: string): Promise<void> {
    // A file whose name is not a living governance file's defines nothing (definitionsOf), and one
    // out of focus groups with no file asked for: it is not parsed for the groups, and a cold
    // check over many files holds no parse it has let go.
    if (this.counts(uri) && !this.definesInFocus(uri)) {
      this.definitions.delete(uri);
      if (!this.held.has(uri)) {
        this.held.set(uri, NO_DEFINITIONS);
        finder.set(uri, NO_DEFINITIONS, NOWHERE);
      }
      return;
    }
    let doc: GovDocument | undefined;
    try {
      doc = this.counts(uri) ? await this.source.document(uri) : undefined;
    } catch {
      // One file that cannot be read or understood leaves the others' duplicates to find; its
      // own check reports the failure (it reads its definitions itself, in groupsFor).
      doc = undefined;
    }
    if (doc && this.counts(uri)) this.hold(finder, doc, this.remember(doc));
    else {
      finder.delete(uri);
      this.held.delete(uri);
      this.definitions.delete(uri);
    }
  }

  private remember(doc: GovDocument): Definition[] {
    // A file that cannot define keeps no entry: its text would be held for a cache of nothing.
    if (!mayDefine(doc.path)) {
      this.definitions.delete(doc.uri);
      return NO_DEFINITIONS;
    }
    const key = contentKey(doc.text);
    const cached = this.definitions.get(doc.uri);
    if (cached && cached.key === key) return cached.definitions;
    const definitions = this.definitionsOf(doc);
    this.definitions.set(doc.uri, { key, definitions, ...(definitions.length > 0 ? { lines: doc.parsed.lines } : {}) });
    return definitions;
  }

  /** Only living definitions take part: records, archives and templates may repeat anything. */
  private definitionsOf(doc: GovDocument): Definition[] {
    if (doc.kind !== 'governance' || !mayDefine(doc.path)) return [];
    return withCharterBody(extractDefinitions(doc.parsed, { lexicon: this.lexicon }), doc.path);
  }
}

/** Where related information shows a span of the document: a keystroke moves no label to another line or column before it. */
function placeIn(doc: GovDocument): PlaceOf {
  // The line index only: the place outlives the parse.
  const lines = doc.parsed.lines;
  return (span) => {
    const { start, end } = lines.range(span);
    return `${start.line}:${start.character}-${end.line}:${end.character}`;
  };
}

/** Only living definitions take part: records, archives, templates and other files may repeat anything. */
function mayDefine(path: string): boolean {
  return standingOf(path) === 'living';
}

const NO_DEFINITIONS: Definition[] = [];
const NOWHERE: PlaceOf = () => '';

/**
 * A charter constitutes one body, and what it says without naming a role is about that body: the
 * "Elections" of OpenTelemetry's governance-charter.md elect the Governance Committee, those of
 * tech-committee-charter.md the Technical Committee — two processes, not one written twice.
 */
function withCharterBody(definitions: Definition[], path: string): Definition[] {
  const segments = path.split('/');
  const name = segments.pop()!.replace(/\.[^.]*$/, '');
  if (!/charter/i.test(name)) return definitions;
  const body = name.replace(/[-_ ]*charter[-_ ]*/i, '') || segments.pop() || name;
  const role = body.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return definitions.map((definition) =>
    definition.topic && definition.topic.roles.length === 0 ? { ...definition, topic: { ...definition.topic, roles: [role] } } : definition,
  );
}
