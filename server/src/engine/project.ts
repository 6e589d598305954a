import type { Finding } from './types';
import type { Workspace } from './workspace';
import type { Settings } from './settings';
import type { WorkspaceDuplicates, WorkspaceFacts } from './rules/rule';
import { DocumentParser, uncheckedDocument, type ParsedDocument } from './parse/document';
import { UserPattern } from './text/userPattern';
import { documentTooLarge } from './parse/limits';
import { notChecked } from './rules/notChecked';
import { GovDocument, surelyUsesStructure, usesStructure } from './govDocument';
import { mayHoldKindedCriteria } from './model/dd';
import { checkDocument } from './check';
import { duplicateSection } from './rules/duplicateSection';
import type { Rule } from './rules/rule';
import { LINK_SCANNER } from './links/linkScan';
import { DuplicatesIndex } from './duplicates/duplicatesIndex';
import { LinkIndex } from './links/targets';
import type { RepositoryMap } from './links/repositories';
import { externalLinksOf, type ExternalLink, type ExternalVerdict } from './links/external';
import { WorkspaceTemplates } from './template/workspaceTemplates';
import { compareWithTemplate, type TemplateComparison } from './template/compare';
import { projectOwners, repositoryFiles, type RepositoryFiles } from './evidence/projectFiles';
import { fileKindsNamed } from './evidence/fileKinds';
import { WorkspaceIndex } from './workspaceIndex';
import { knownHandles, OWNER_FILE } from './model/owners';

export interface ProjectOptions {
  /**
   * The folder of the settings file, which the `repositories` setting's paths are relative to.
   * The first workspace folder when absent.
   */
  settingsFolder?: string;
  /** Parses made before the project asked for them, or kept after: a host's worker threads, its cache on disk. */
  parsed?: ParsedStore;
  /**
   * How many characters of chunks no open document holds the parser keeps the scans of (see
   * `DocumentParser`); its own default when absent. A run that reads each file once meets few
   * chunks again: `govmd check` keeps none.
   */
  unheldChunkCharacters?: number;
  /**
   * Whether what lets an edit regroup duplicates without a pass over the workspace is kept (the
   * similarity index's buckets and pairs, 9 MB of 10,000 generated files): true when absent.
   * `govmd check`, which reads each file once, lets it go once the groups are formed.
   */
  duplicatesReadyForEdits?: boolean;
}

/**
 * Where a host keeps whole-document parses: `get` answers only for exactly that text, read the
 * same way (`scanned`: by the link scanner, `parse(text, LINK_SCANNER)`; else by the full parse),
 * so a parse made from another text of the file is never used.
 */
export interface ParsedStore {
  get(uri: string, text: string, scanned: boolean): ParsedDocument | undefined;
  set(uri: string, text: string, scanned: boolean, parsed: ParsedDocument): void;
}

/**
 * A document as the project reads it when it is not open: by the scanner, parsed in full only
 * where the structure is used (`usesStructure`) or asked for, and at once where that is sure
 * (`surelyUsesStructure`). `parse` makes or finds each reading.
 */
export function readDocument(
  uri: string,
  path: string,
  text: string,
  settings: Settings,
  structured: boolean,
  parse: (text: string, scanned: boolean) => ParsedDocument,
): GovDocument {
  if (!structured && !surelyUsesStructure(path, text)) {
    const scanned = parse(text, true);
    if (!mayHoldKindedCriteria(scanned.headings)) {
      const doc = new GovDocument(uri, path, scanned, settings);
      if (!usesStructure(doc)) return doc;
    }
  }
  return new GovDocument(uri, path, parse(text, false), settings);
}

/** The pass's answer, or, when it failed, one that throws its error at whoever reads it. */
async function orFailing<T extends object>(pass: Promise<T>): Promise<T> {
  try {
    return await pass;
  } catch (error) {
    return new Proxy({} as T, {
      get(_target, key) {
        // Not a promise: `await` asks for `then` before any rule reads it.
        if (key === 'then') return undefined;
        throw error;
      },
    });
  }
}

/** What of a document's findings an edit of another file may change. */
export type Affected = 'all' | 'duplicate-groups';

/** The rules that read `WorkspaceFacts.duplicates`. */
export const DUPLICATE_GROUP_RULES: readonly Rule[] = [duplicateSection];

/** The files other than the document itself whose text a check's facts were read from. */
function derivedFrom(facts: WorkspaceFacts): Set<string> {
  const sources = new Set<string>();
  try {
    for (const uri of facts.links?.contentsRead ?? []) sources.add(uri);
  } catch {
    // The link pass failed: its rules report it, and the next check reads the links again.
  }
  if (facts.ddTemplate && facts.ddTemplate.source !== 'built-in') sources.add(facts.ddTemplate.source);
  return sources;
}

/**
 * The engine's state for one workspace: parsed documents (from editor buffers when open, from
 * the workspace otherwise) and the workspace-wide facts rules need. Hosts tell it what changed.
 */
export class Project {
  private readonly parser: DocumentParser;
  /** Where files are, how they link, which buffers are open, who the owners files name. */
  readonly index: WorkspaceIndex;
  private readonly parsedStore?: ParsedStore;
  private readonly documents = new Map<string, GovDocument>();
  private readonly duplicates: DuplicatesIndex;
  private readonly externalVerdicts = new Map<string, ExternalVerdict>();
  /** Link targets of the workspace: existence, anchors, line counts, repositories. */
  readonly links: LinkIndex;
  /** The DD templates of cncf/toc when the workspace holds it. */
  readonly templates: WorkspaceTemplates;
  /** What each repository folder holds of the files CLOMonitor looks for, until such a file comes or goes. */
  private readonly repositoryFiles = new Map<string, Promise<RepositoryFiles>>();
  /**
   * For each document checked, the other files whose text its findings were derived from, and the
   * other way round: an edit re-checks the documents that read the edited file, and no others.
   */
  private readonly derivedFrom = new Map<string, ReadonlySet<string>>();
  private readonly readBy = new Map<string, Set<string>>();

  constructor(
    readonly workspace: Workspace,
    readonly settings: Settings,
    options: ProjectOptions = {},
  ) {
    this.index = new WorkspaceIndex(workspace);
    this.parser = new DocumentParser(settings.placeholders.map((source) => new UserPattern(source)), options.unheldChunkCharacters);
    this.parsedStore = options.parsed;
    this.duplicates = new DuplicatesIndex(this, options.duplicatesReadyForEdits);
    this.links = new LinkIndex({
      workspace,
      repositories: settings.repositories,
      settingsFolder: options.settingsFolder,
      text: (uri) => this.index.text(uri),
      isOpen: (uri) => this.index.isOpen(uri),
      paths: this.index,
      parsed: (uri, text) => {
        const known = this.documents.get(uri);
        return known && known.text === text ? known.parsed : undefined;
      },
      // Read as the Project reads it, and kept: a target is checked itself too, and read once.
      parse: (uri, text) => this.documentFromText(uri, text).parsed,
    });
    this.templates = new WorkspaceTemplates({
      roots: workspace.roots,
      document: (uri) => this.document(uri, { structured: true }),
      repositories: () => this.links.repositories(),
      stat: (uri) => workspace.stat(uri),
    });
  }

  /** An editor buffer: its text wins over the file's until it is closed. */
  setOpenText(uri: string, text: string): void {
    if (this.index.setOpenText(uri, text)) this.contentChanged(uri);
  }

  closeOpenText(uri: string): void {
    this.index.closeOpenText(uri);
    this.parser.release(uri);
    this.fileChanged(uri);
  }

  /**
   * The host is done with a document for now (a cold check has checked it and moves on): its parse
   * is let go once what other documents read of it is kept — its anchors and line count for links;
   * the duplicate groups keep its definitions themselves. Asked for again, it is read again. An open
   * document is kept.
   */
  async release(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || this.index.isOpen(uri)) return;
    await this.links.keepTargetFacts(uri, doc.text, doc.parsed);
    if (this.documents.get(uri) === doc) this.documents.delete(uri);
  }

  /** A file was created, changed or deleted on disk. */
  fileChanged(uri: string): void {
    this.contentChanged(uri);
    this.links.fileChanged(uri);
    this.templates.fileChanged(uri);
    if (fileKindsNamed(uri).length > 0) this.repositoryFiles.clear();
  }

  private contentChanged(uri: string): void {
    this.documents.delete(uri);
    this.duplicates.fileChanged(uri);
    this.index.contentChanged(uri);
    this.links.contentChanged(uri);
  }

  /**
   * The documents checked before whose findings may change now that these files' text changed,
   * besides those files themselves, with what may change: everything for those that link into
   * them (anchors, line counts), the DDs compared with an edited template, and every document when
   * an owners file changed (the known handles); only the duplicate-section findings for those whose
   * duplicate groups changed (`checkDuplicateGroups`). Call it once the edit is known to the project
   * (`setOpenText`, `fileChanged`); the duplicate groups are brought up to date.
   */
  async affectedBy(uris: readonly string[]): Promise<Map<string, Affected>> {
    const affected = new Map<string, Affected>();
    for (const uri of await this.duplicates.takeChanged()) if (this.derivedFrom.has(uri)) affected.set(uri, 'duplicate-groups');
    for (const uri of uris) {
      if (OWNER_FILE.test(uri)) for (const checked of this.derivedFrom.keys()) affected.set(checked, 'all');
      for (const reader of this.readBy.get(uri) ?? []) affected.set(reader, 'all');
    }
    for (const uri of uris) affected.delete(uri);
    return affected;
  }

  /** The findings of the rules that read the duplicate groups: what `check` gives for them, alone. */
  async checkDuplicateGroups(uri: string): Promise<Finding[]> {
    const doc = await this.document(uri);
    if (!doc || doc.kind !== 'governance' || this.settings.severity['duplicate-section'] === 'off') return [];
    const duplicates = await orFailing(this.duplicates.groupsFor(doc));
    return checkDocument(doc, { duplicates }, this.settings, DUPLICATE_GROUP_RULES);
  }

  /** Only these files will be checked (a CLI run): duplicates are looked for in their project scopes alone. */
  focusOn(uris: Iterable<string>): void {
    this.duplicates.focus(uris);
  }

  /** Whether finding duplicates reads this file (a living governance file of the focus); none do when the rule is off. */
  async readsForDuplicates(uri: string): Promise<boolean> {
    return this.settings.severity['duplicate-section'] !== 'off' && (await this.duplicates.reads(uri));
  }

  /**
   * Reads what one file gives the duplicate groups ahead of the checks, for a host that reads the
   * workspace a file at a time between the editor's requests. Only a file that may define is
   * parsed: the others are parsed by their own check, which the host may then let go (`release`).
   */
  async prepare(uri: string): Promise<void> {
    if (this.settings.severity['duplicate-section'] !== 'off') await this.duplicates.prepare(uri);
  }

  /** Whether a governance document's check can be had without reading the whole workspace first. */
  get duplicatesReady(): boolean {
    return this.settings.severity['duplicate-section'] === 'off' || this.duplicates.isBuilt;
  }

  private noteDerivation(uri: string, sources: ReadonlySet<string>): void {
    for (const source of this.derivedFrom.get(uri) ?? []) this.readBy.get(source)?.delete(uri);
    this.derivedFrom.set(uri, sources);
    for (const source of sources) {
      let readers = this.readBy.get(source);
      if (!readers) this.readBy.set(source, (readers = new Set()));
      readers.add(uri);
    }
  }

  /** The workspace's file list changed in ways we were not told about one by one. */
  reset(): void {
    this.documents.clear();
    this.duplicates.reset();
    this.index.reset();
    this.links.reset();
    this.templates.reset();
    this.repositoryFiles.clear();
  }

  /**
   * The document as the rules read it. `structured`: with its list items and paragraphs whatever
   * its kind (a template read for its criteria).
   */
  async document(uri: string, options: { structured?: boolean } = {}): Promise<GovDocument | undefined> {
    const cached = this.documents.get(uri);
    if (cached && (cached.parsed.structured || !options.structured)) return cached;
    const text = await this.index.text(uri);
    if (text === undefined) return undefined;
    return this.documentFromText(uri, text, options);
  }

  /** Parses a text now, for callers that hold it already (and to time a keystroke). */
  documentFromText(uri: string, text: string, options: { structured?: boolean } = {}): GovDocument {
    const cached = this.documents.get(uri);
    if (cached && cached.text === text && (cached.parsed.structured || !options.structured)) return cached;
    const doc = this.read(uri, text, options.structured || this.index.isOpen(uri));
    this.documents.set(uri, doc);
    return doc;
  }

  /**
   * Parses in full only where the structure is used (`usesStructure`) — and wherever the editor
   * asks, open documents; every other document is read by the scanner, with the parser for the
   * chunks it cannot read exactly: the same links, anchors and prose, many times faster.
   */
  private read(uri: string, text: string, structured: boolean): GovDocument {
    return readDocument(uri, this.index.relativePath(uri), text, this.settings, structured, (source, scanned) => this.parse(uri, source, scanned));
  }

  private parse(uri: string, text: string, scanned: boolean): ParsedDocument {
    const known = this.parsedStore?.get(uri, text, scanned);
    if (known) return known;
    // An open document's parse holds its chunks until its next one (the cache keeps the latest
    // version of what is being typed); other files' chunks are kept up to the parser's bound.
    const parsed = this.parser.parse(text, scanned ? LINK_SCANNER : undefined, this.index.isOpen(uri) && !scanned ? uri : undefined);
    this.parsedStore?.set(uri, text, scanned, parsed);
    return parsed;
  }

  /**
   * The findings of a document as it is now. `withoutDuplicates`: when the duplicate groups are
   * not built yet, leave duplicate-section out rather than read the whole workspace first (a host
   * showing an open document's findings before its background pass is done checks it again later).
   */
  async check(uri: string, options: { withoutDuplicates?: boolean } = {}): Promise<Finding[]> {
    const doc = await this.document(uri);
    if (!doc) {
      this.noteDerivation(uri, new Set());
      return this.checkTooLarge(uri);
    }
    if (doc.kind === 'none') {
      this.noteDerivation(uri, new Set());
      return [];
    }
    const facts = await this.factsFor(doc, false, options.withoutDuplicates && !this.duplicatesReady);
    this.noteDerivation(uri, derivedFrom(facts));
    return checkDocument(doc, facts, this.settings);
  }

  /** A file the workspace would not read for its size: the finding that says it was not checked. */
  private checkTooLarge(uri: string): Finding[] {
    const size = this.workspace.tooLarge?.(uri);
    if (size === undefined) return [];
    const doc = new GovDocument(uri, this.index.relativePath(uri), uncheckedDocument('', documentTooLarge(size)), this.settings);
    return checkDocument(doc, {}, this.settings, [notChecked]);
  }

  /** Checks a text as if it were the file's, without keeping it (to try out fixes). */
  async checkText(uri: string, text: string): Promise<Finding[]> {
    const doc = new GovDocument(uri, this.index.relativePath(uri), this.parser.parse(text), this.settings);
    return checkDocument(doc, await this.factsFor(doc, true), this.settings);
  }

  /** Workspace folders that hold a GitHub repository (the `repositories` setting and git remotes). */
  repositories(): Promise<RepositoryMap> {
    return this.links.repositories();
  }

  /** Every duplicated definition of the workspace ("Show Duplicates"). */
  async allDuplicates(): Promise<WorkspaceDuplicates> {
    return this.duplicates.all();
  }

  /**
   * What the rules for this document need of the workspace; the cross-file passes only when they
   * apply. A pass that fails (a file that cannot be read, a bug) fails the rules that ask it, and
   * only those (check.ts reports each).
   */
  private async factsFor(doc: GovDocument, trial = false, withoutDuplicates = false): Promise<WorkspaceFacts> {
    const [facts, links] = await Promise.all([this.workspaceFacts(), orFailing(this.links.gather(doc.uri, doc.parsed))]);
    const withLinks: WorkspaceFacts = { ...facts, links, externalLinks: this.externalVerdicts };
    if (doc.kind === 'dd') return { ...withLinks, ...(await this.ddFacts(doc)) };
    if (doc.kind !== 'governance' || this.settings.severity['duplicate-section'] === 'off' || withoutDuplicates) return withLinks;
    return { ...withLinks, duplicates: await orFailing(trial ? this.duplicates.groupsForTrial(doc) : this.duplicates.groupsFor(doc)) };
  }

  /** What the DD rules need beyond links: the template the DD is compared with, the project's files. */
  async ddFacts(doc: GovDocument): Promise<Pick<WorkspaceFacts, 'ddTemplate' | 'projectFiles'>> {
    const [ddTemplate, projectFiles] = await Promise.all([this.templates.templateFor(doc), this.projectFiles(doc)]);
    return { ...(ddTemplate ? { ddTemplate } : {}), projectFiles };
  }

  /** The repositories of the workspace whose GitHub owner the DD links to, with their CLOMonitor files. */
  async projectFiles(doc: GovDocument): Promise<RepositoryFiles[]> {
    const owners = projectOwners(doc);
    if (owners.size === 0) return [];
    const folders = (await this.links.repositories()).folders.filter((folder) => owners.has(folder.name.split('/')[0].toLowerCase()));
    return Promise.all(folders.map((folder) => {
      let files = this.repositoryFiles.get(folder.uri);
      if (!files) {
        files = this.workspace.listFiles().then((list) => repositoryFiles(folder, list));
        this.repositoryFiles.set(folder.uri, files);
      }
      return files;
    }));
  }

  /** A DD against its current template; undefined for other documents and DDs of another format. */
  async templateComparison(doc: GovDocument): Promise<TemplateComparison | undefined> {
    if (doc.kind !== 'dd') return undefined;
    const template = await this.templates.templateFor(doc);
    return template && compareWithTemplate(doc, template);
  }

  /** The http(s) links of a document that leave the workspace: what the opt-in check may fetch. */
  async externalLinks(uri: string): Promise<ExternalLink[]> {
    const doc = await this.document(uri);
    if (!doc || doc.kind === 'none') return [];
    return externalLinksOf(doc.parsed, await this.links.gather(uri, doc.parsed));
  }

  /** Answers of the HTTP check, from the host that ran it; later answers replace earlier ones. */
  setExternalVerdicts(verdicts: Iterable<{ url: string } & ExternalVerdict>): void {
    for (const verdict of verdicts) this.externalVerdicts.set(verdict.url, verdict);
  }
  /** The people the workspace knows besides a document's own attendees: those its owners files name. */
  async workspaceFacts(): Promise<WorkspaceFacts> {
    return { ownerHandles: await this.index.ownerHandles() };
  }

  /** Who a document may name (`knownHandles`): what `unknown-owner`, @-completion and the Insert TODO picker know. */
  async knownHandlesFor(doc: GovDocument | undefined): Promise<Map<string, string>> {
    return knownHandles(doc?.kind === 'meeting' ? doc.meeting.attendees : [], await this.index.ownerHandles(), this.settings.owners);
  }
}
