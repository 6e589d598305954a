import * as nodePath from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DUPLICATE_GROUP_RULES, Project, type Affected } from '../engine/project';
import { replaceFindings } from '../engine/check';
import type { Finding } from '../engine/types';
import { CONFIG_FILE_NAMES, parseConfigFile } from '../engine/configFile';
import { readText } from '../host/readText';
import { LspWorkspace } from './lspWorkspace';
import { combineSettings } from './settingsSources';
import { SOURCE, toDiagnostic } from './convert';
import { runExternalCheck } from '../host/runExternalCheck';
import { fileUri } from '../engine/text/uriText';

const DUPLICATE_GROUP_CODES: ReadonlySet<string> = new Set(DUPLICATE_GROUP_RULES.map((rule) => rule.code));

interface Published {
  version: number | undefined;
  findings: Finding[];
}

export interface SessionOptions {
  /** The workspace roots: every cross-file fact is gathered below them, and their settings file applies. */
  rootPaths: string[];
  /** The folders the editor opened, at or below the roots: the ones the background check covers. */
  openedFolders?: string[];
  trusted: boolean;
  /** Milliseconds to wait after a keystroke before checking. */
  debounceMs: number;
  supportsProgress: boolean;
}

/**
 * The server's state: one engine Project for the workspace, rebuilt when settings change, and
 * the findings last published per file. Checks of a typed document are debounced; a check whose
 * document changed meanwhile is dropped (a newer one is on its way).
 *
 * What the editor asks for comes first: the open documents' checks (and the checks their edits
 * call for in other files) run before the background pass reads or checks one more file; the
 * background pass goes a file at a time and lets every message through in between. An edit
 * re-checks the edited document and the documents whose findings were read from it (links into
 * it, duplicate groups with it), not the workspace.
 */
export class Session {
  project!: Project;
  private workspace!: LspWorkspace;
  private readonly published = new Map<string, Published>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly externalTimers = new Map<string, NodeJS.Timeout>();
  private editorSettings: unknown = {};
  private settingsFileUri?: string;
  private lastEditorProblems = '';
  /** What the current Project was made from: settings pushed again unchanged keep it (and its parses). */
  private projectSource?: string;
  private backgroundRun = 0;
  /** Checks scheduled or running at the editor's request; the background pass waits while there are any. */
  private runningForeground = 0;
  private foregroundIdleWaiters: (() => void)[] = [];
  private editorIdleWaiters: (() => void)[] = [];
  /** Documents to check again because a file they read changed, with what of them may change. */
  private readonly dependents = new Map<string, Affected>();
  private drainingDependents = false;
  /** Documents whose text changed since their last check: once checked, the documents that read them are checked again. */
  private readonly edited = new Set<string>();
  /** Open documents checked before the duplicate groups were built: checked again once they are. */
  private readonly checkedWithoutDuplicates = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly options: SessionOptions,
  ) {}

  /**
   * Reads both settings sources and starts over with a new Project when what applies changed; says
   * whether it did. VS Code pushes the settings once more right after startup: that keeps the
   * Project and the background pass going.
   */
  async loadSettings(editorSettings?: unknown): Promise<boolean> {
    if (editorSettings !== undefined) this.editorSettings = editorSettings;
    const file = await this.readSettingsFile();
    const { settings, editorProblems } = combineSettings(this.editorSettings, file, this.options.trusted);
    const summary = editorProblems.map((p) => `governance.${p.key}: ${p.message}`).join('; ');
    if (summary && summary !== this.lastEditorProblems) {
      const message = `Governance Markdown: ${summary}. The default is used for ${editorProblems.length === 1 ? 'this setting' : 'these settings'}.`;
      // Typed void, but some versions send a request: a client that does not answer must not crash us.
      Promise.resolve(this.connection.window.showWarningMessage(message) as unknown).catch(() => undefined);
    }
    this.lastEditorProblems = summary;
    const settingsFolder = this.settingsFileUri ? nodePath.dirname(URI.parse(this.settingsFileUri).fsPath) : undefined;
    const source = JSON.stringify([settings, settingsFolder ?? null]);
    if (this.project && source === this.projectSource) return false;
    this.projectSource = source;
    this.workspace = new LspWorkspace(this.options.rootPaths, settings.exclude, this.documents);
    this.project = new Project(this.workspace, settings, settingsFolder ? { settingsFolder: fileUri(settingsFolder) } : {});
    for (const document of this.documents.all()) this.project.setOpenText(document.uri, document.getText());
    return true;
  }

  /**
   * The settings changed (a new Project): the open documents are checked at once, and a new
   * background pass reads and checks the workspace again (the one running stops).
   */
  restart(): void {
    for (const document of this.documents.all()) if (!this.isSettingsFile(document.uri)) this.scheduleCheck(document.uri, 0);
    void this.checkWorkspace();
  }

  private async readSettingsFile(): Promise<{ raw: Record<string, unknown>; settings: ReturnType<typeof parseConfigFile>['settings'] } | undefined> {
    const previous = this.settingsFileUri;
    this.settingsFileUri = undefined;
    for (const root of this.options.rootPaths) {
      for (const name of CONFIG_FILE_NAMES) {
        const path = nodePath.join(root, name);
        const uri = fileUri(path);
        const open = this.documents.get(uri)?.getText();
        const read = open !== undefined ? { text: open } : await readText(path);
        if ('problem' in read) {
          if (!read.problem.startsWith('does not exist')) {
            this.settingsFileUri = uri;
            this.publishSettingsProblems(uri, [{ line: 0, message: `The settings file ${read.problem}; defaults are used.` }]);
          }
          continue;
        }
        this.settingsFileUri = uri;
        const result = parseConfigFile(read.text);
        this.publishSettingsProblems(uri, result.problems.map((p) => ({ range: p.range, message: p.message.startsWith('unknown') ? `${p.key}: ${p.message}${p.message.endsWith('?') ? '' : '.'} It is ignored.` : `${p.key}: ${p.message}; the default is used.` })));
        return { raw: result.raw, settings: result.settings };
      }
    }
    if (previous && previous !== this.settingsFileUri) void this.connection.sendDiagnostics({ uri: previous, diagnostics: [] });
    return undefined;
  }

  private publishSettingsProblems(uri: string, problems: { range?: Finding['range']; line?: number; message: string }[]): void {
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({
        range: p.range ?? { start: { line: p.line ?? 0, character: 0 }, end: { line: p.line ?? 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'settings',
        message: p.message,
      })),
    });
  }

  isSettingsFile(uri: string): boolean {
    const name = nodePath.basename(URI.parse(uri).fsPath);
    return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
  }

  /** A buffer's text changed (typed, opened, or closed back to the file's): check it after a pause in typing. */
  edit(uri: string, delay = this.options.debounceMs): void {
    this.edited.add(uri);
    this.scheduleCheck(uri, delay);
  }

  /** Checks a document after `delay`, ahead of the background pass. */
  scheduleCheck(uri: string, delay = this.options.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(async () => {
      this.timers.delete(uri);
      this.runningForeground++;
      try {
        await this.checkAndPublish(uri);
      } finally {
        this.runningForeground--;
        this.wakeBackground();
      }
    }, delay));
  }

  async checkAndPublish(uri: string): Promise<Finding[]> {
    const document = this.documents.get(uri);
    const version = document?.version;
    if (document) this.project.setOpenText(uri, document.getText());
    const wasEdited = this.edited.delete(uri);
    // An open document is shown before the background pass has read the workspace for the duplicate groups.
    const withoutDuplicates = document !== undefined && !this.project.duplicatesReady;
    let findings: Finding[];
    try {
      findings = await this.project.check(uri, { withoutDuplicates });
    } catch (error) {
      this.connection.console.error(`govmd: checking ${uri} failed: ${(error as Error).stack ?? error}`);
      findings = [];
    }
    if (withoutDuplicates) this.checkedWithoutDuplicates.add(uri);
    if (!document || this.documents.get(uri)?.version === version) {
      this.publish(uri, version, findings);
      // In an untrusted workspace only the explicit command reaches the network.
      if (this.project.settings.externalLinks.enabled && this.options.trusted) this.scheduleExternalCheck(uri);
    }
    if (wasEdited) await this.recheckAffected([uri]);
    return findings;
  }

  /** Sends a document's findings, unless the editor has these very ones for this version already. */
  private publish(uri: string, version: number | undefined, findings: Finding[]): void {
    const previous = this.published.get(uri);
    this.published.set(uri, { version, findings });
    // Compared as data, not as two JSON texts: those were a quarter of what a keystroke allocated.
    if (previous && previous.version === version && isDeepStrictEqual(previous.findings, findings)) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
  }

  /**
   * Queues the documents shown (published or open) whose findings were read from files whose text
   * changed, to be checked again between the editor's own checks.
   */
  private async recheckAffected(changed: string[]): Promise<void> {
    let affected: Map<string, Affected>;
    try {
      affected = await this.project.affectedBy(changed);
    } catch (error) {
      this.connection.console.error(`govmd: finding what ${changed.join(', ')} affects failed: ${(error as Error).stack ?? error}`);
      return this.recheckAll();
    }
    for (const [uri, what] of affected) {
      if (!this.published.has(uri) && !this.documents.get(uri)) continue;
      if (this.dependents.get(uri) !== 'all') this.dependents.set(uri, what);
    }
    if (this.dependents.size > 0) void this.drainDependents();
  }

  /**
   * Checks the queued dependents, one at a time, each once the editor's checks are done. Members
   * of a changed duplicate group have only their duplicate-section findings made again (a group
   * may span a hundred files); the others are checked in full. Only what changed is sent.
   */
  private async drainDependents(): Promise<void> {
    if (this.drainingDependents) return;
    this.drainingDependents = true;
    try {
      while (this.dependents.size > 0) {
        await this.editorIdle();
        const [uri, what] = this.dependents.entries().next().value!;
        this.dependents.delete(uri);
        await this.recheckDependent(uri, what);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.drainingDependents = false;
      this.wakeBackground();
    }
  }

  private async recheckDependent(uri: string, what: Affected): Promise<void> {
    const project = this.project;
    const published = this.published.get(uri);
    const document = this.documents.get(uri);
    if (this.timers.has(uri)) return;
    // A document whose own text moved on since it was shown gets a check of its own, whole.
    if (what === 'all' || !published || published.version !== document?.version) return void (await this.checkAndPublish(uri));
    try {
      const fresh = await project.checkDuplicateGroups(uri);
      if (project !== this.project || this.published.get(uri) !== published) return;
      const before = published.findings.filter((finding) => DUPLICATE_GROUP_CODES.has(finding.code));
      if (isDeepStrictEqual(before, fresh)) return;
      this.publish(uri, published.version, replaceFindings(published.findings, DUPLICATE_GROUP_CODES, fresh));
    } catch (error) {
      this.connection.console.error(`govmd: checking ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  }

  /**
   * A check the editor asked for is running. A check still waiting out the typing pause does not
   * count: an editor that sends a change every few dozen milliseconds would hold the background
   * pass off for as long as the user types; the pass goes one file at a time, and a due check
   * runs between two files.
   */
  private editorBusy(): boolean {
    return this.runningForeground > 0;
  }

  private wakeBackground(): void {
    if (this.editorBusy()) return;
    for (const resolve of this.editorIdleWaiters.splice(0)) resolve();
    if (this.dependents.size > 0 || this.drainingDependents) return;
    for (const resolve of this.foregroundIdleWaiters.splice(0)) resolve();
  }

  /** Resolves once no check the editor asked for is due or running. */
  private editorIdle(): Promise<void> {
    if (!this.editorBusy()) return Promise.resolve();
    return new Promise((resolve) => this.editorIdleWaiters.push(resolve));
  }

  /** Resolves once neither the editor's checks nor those of the documents depending on edits are due. */
  private foregroundIdle(): Promise<void> {
    if (!this.editorBusy() && this.dependents.size === 0 && !this.drainingDependents) return Promise.resolve();
    return new Promise((resolve) => this.foregroundIdleWaiters.push(resolve));
  }

  /** With `externalLinks.enabled`, a checked document's external links are fetched (cached) after a pause. */
  private scheduleExternalCheck(uri: string): void {
    clearTimeout(this.externalTimers.get(uri));
    this.externalTimers.set(uri, setTimeout(async () => {
      this.externalTimers.delete(uri);
      const project = this.project;
      try {
        const summary = await runExternalCheck(project, [uri]);
        // Only answers the cache did not already hold can change the findings.
        if (project === this.project && summary.links > summary.fromCache) this.scheduleCheck(uri, 0);
      } catch (error) {
        this.connection.console.error(`govmd: external link check failed: ${(error as Error).message}`);
      }
    }, 2_000));
  }

  /** "Check External Links": every document of the workspace, with progress; then everything is checked again. */
  async checkExternalLinksNow(): Promise<string> {
    const uris = [...new Set([...(await this.workspace.listFiles()), ...this.documents.all().map((d) => d.uri)])].filter((uri) => /\.(md|markdown)$/i.test(uri));
    const progress = this.options.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Checking external links', 0, undefined, true);
    const abort = new AbortController();
    progress?.token.onCancellationRequested(() => abort.abort());
    try {
      const summary = await runExternalCheck(this.project, uris, {
        signal: abort.signal,
        onProgress: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} links`),
      });
      this.recheckAll();
      return `Checked ${summary.links} external links (${summary.fromCache} from the cache): ${summary.dead} dead, ${summary.unreachable} unreachable.`;
    } finally {
      progress?.done();
    }
  }

  /** The findings of a document as of its current text. */
  async findings(uri: string): Promise<Finding[]> {
    const document = this.documents.get(uri);
    const published = this.published.get(uri);
    if (published && document && published.version === document.version && !this.timers.has(uri)) return published.findings;
    return this.checkAndPublish(uri);
  }

  /** A document was closed: from now on the file's text is checked, and what reads it with it. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.checkedWithoutDuplicates.delete(uri);
    this.project.closeOpenText(uri);
    this.edit(uri, 0);
  }

  /**
   * Files changed on disk: forget them, then check again what may depend on them. A file created
   * or deleted can make any link resolve or break, so every shown document is checked again; a
   * file changed (a save) re-checks itself and the documents that read it. The disk copy of an open
   * document changes nothing: its buffer is what is checked.
   */
  filesChanged(changes: { uri: string; deleted: boolean; created: boolean }[]): void {
    const structural = changes.some((c) => c.created || c.deleted);
    if (structural) this.workspace.refresh();
    const changed: string[] = [];
    for (const change of changes) {
      if (this.documents.get(change.uri) && !change.created && !change.deleted) continue;
      this.project.fileChanged(change.uri);
      if (change.deleted && !this.documents.get(change.uri)) {
        this.published.delete(change.uri);
        void this.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else changed.push(change.uri);
    }
    if (structural) return this.recheckAll(changed);
    for (const uri of changed) {
      if (this.published.has(uri)) this.edit(uri, 50);
      else void this.recheckAffected([uri]);
    }
  }

  /** Checks again every file with published findings and every open document, plus `extra`. */
  recheckAll(extra: string[] = []): void {
    const uris = new Set([...this.published.keys(), ...this.documents.all().map((d) => d.uri), ...extra]);
    for (const uri of uris) if (!this.isSettingsFile(uri)) this.scheduleCheck(uri, 50);
  }

  /**
   * The background pass: reads every Markdown file of the workspace (parse, definitions), then
   * checks those that are not open, one file at a time, each only once the editor's own checks
   * are done; reports progress. Open documents checked before the duplicate groups were built are
   * checked again between the two.
   */
  async checkWorkspace(): Promise<void> {
    const run = ++this.backgroundRun;
    const project = this.project;
    const opened = (this.options.openedFolders ?? this.options.rootPaths).map((folder) => fileUri(folder).replace(/\/?$/, '/'));
    const files = (await this.workspace.listFiles()).filter((uri) => /\.(md|markdown)$/i.test(uri) && opened.some((folder) => uri.startsWith(folder)));
    if (run !== this.backgroundRun || project !== this.project) return;
    // Files shown from an earlier pass that this one does not cover (outside the folders, excluded now) are checked on their own.
    const covered = new Set(files);
    for (const uri of this.published.keys()) if (!covered.has(uri) && !this.documents.get(uri) && !this.isSettingsFile(uri)) this.scheduleCheck(uri, 50);
    const progress = this.options.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    const stopped = () => run !== this.backgroundRun || project !== this.project || progress?.token.isCancellationRequested === true;
    progress?.begin('Governance Markdown', 0, `Reading ${files.length} files`, true);
    const steps = files.length * 2;
    let done = 0;
    const step = async (message: string) => {
      done++;
      if (done % 10 === 0 || done === steps) progress?.report(Math.round((done / steps) * 100), message);
      // Let the editor's messages (the file being typed) through before the next file.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      for (const uri of files) {
        await this.foregroundIdle();
        if (stopped()) return;
        try {
          await project.prepare(uri);
        } catch {
          // Its check below reports what went wrong.
        }
        await step(`Reading ${done + 1}/${files.length} files`);
      }
      if (!project.duplicatesReady) await project.allDuplicates();
      if (stopped()) return;
      for (const uri of this.checkedWithoutDuplicates) if (this.documents.get(uri)) this.scheduleCheck(uri, 0);
      this.checkedWithoutDuplicates.clear();
      for (const uri of files) {
        await this.foregroundIdle();
        if (stopped()) return;
        if (!this.documents.get(uri)) {
          await this.checkAndPublish(uri);
          // As the CLI does: what other files read of it is kept, its parse let go (a fifth of the
          // live heap of a 2,000-file workspace). A later check reads it again.
          if (project === this.project) await project.release(uri);
        }
        await step(`Checking ${done - files.length + 1}/${files.length} files`);
      }
    } finally {
      progress?.done();
    }
  }

  async openDocuments() {
    const docs = [];
    for (const document of this.documents.all()) {
      this.project.setOpenText(document.uri, document.getText());
      const doc = await this.project.document(document.uri);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  get settingsFile(): string | undefined {
    return this.settingsFileUri;
  }
}
