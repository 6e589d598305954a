import * as nodePath from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Project } from '../engine/project';
import type { Finding } from '../engine/types';
import { CONFIG_FILE_NAMES, parseConfigFile } from '../engine/configFile';
import { readText } from '../host/readText';
import { LspWorkspace } from './lspWorkspace';
import { combineSettings } from './settingsSources';
import { SOURCE, toDiagnostic } from './convert';
import { runExternalCheck } from '../host/runExternalCheck';
import { fileUri } from '../engine/text/uriText';

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
  private backgroundRun = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly options: SessionOptions,
  ) {}

  /** Reads both settings sources and starts over with a new Project. */
  async loadSettings(editorSettings?: unknown): Promise<void> {
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
    this.workspace = new LspWorkspace(this.options.rootPaths, settings.exclude, this.documents);
    const settingsFolder = this.settingsFileUri ? nodePath.dirname(URI.parse(this.settingsFileUri).fsPath) : undefined;
    this.project = new Project(this.workspace, settings, settingsFolder ? { settingsFolder: fileUri(settingsFolder) } : {});
    for (const document of this.documents.all()) this.project.setOpenText(document.uri, document.getText());
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

  /** A buffer changed: check it after a pause in typing. */
  scheduleCheck(uri: string, delay = this.options.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.checkAndPublish(uri);
    }, delay));
  }

  async checkAndPublish(uri: string): Promise<Finding[]> {
    const document = this.documents.get(uri);
    const version = document?.version;
    if (document) this.project.setOpenText(uri, document.getText());
    let findings: Finding[];
    try {
      findings = await this.project.check(uri);
    } catch (error) {
      this.connection.console.error(`govmd: checking ${uri} failed: ${(error as Error).stack ?? error}`);
      findings = [];
    }
    if (document && this.documents.get(uri)?.version !== version) return findings;
    this.published.set(uri, { version, findings });
    void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
    // In an untrusted workspace only the explicit command reaches the network.
    if (this.project.settings.externalLinks.enabled && this.options.trusted) this.scheduleExternalCheck(uri);
    return findings;
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

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.project.closeOpenText(uri);
  }

  /** Files changed on disk: forget them, then check again what may depend on them. */
  filesChanged(changes: { uri: string; deleted: boolean; created: boolean }[]): void {
    if (changes.some((c) => c.created || c.deleted)) this.workspace.refresh();
    for (const change of changes) {
      this.project.fileChanged(change.uri);
      if (change.deleted && !this.documents.get(change.uri)) {
        this.published.delete(change.uri);
        void this.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    this.recheckAll(changes.filter((c) => !c.deleted).map((c) => c.uri));
  }

  /** Checks again every file with published findings and every open document, plus `extra`. */
  recheckAll(extra: string[] = []): void {
    const uris = new Set([...this.published.keys(), ...this.documents.all().map((d) => d.uri), ...extra]);
    for (const uri of uris) if (!this.isSettingsFile(uri)) this.scheduleCheck(uri, 50);
  }

  /** Checks the workspace's governance files that are not open, reporting progress. */
  async checkWorkspace(): Promise<void> {
    const run = ++this.backgroundRun;
    const opened = (this.options.openedFolders ?? this.options.rootPaths).map((folder) => fileUri(folder).replace(/\/?$/, '/'));
    const files = (await this.workspace.listFiles()).filter((uri) => /\.(md|markdown)$/i.test(uri) && !this.documents.get(uri) && opened.some((folder) => uri.startsWith(folder)));
    const progress = this.options.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Governance Markdown', 0, `Checking ${files.length} files`, true);
    let done = 0;
    for (const uri of files) {
      if (run !== this.backgroundRun || progress?.token.isCancellationRequested) break;
      await this.checkAndPublish(uri);
      done++;
      if (done % 10 === 0 || done === files.length) progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
      // Let requests from the editor (diagnostics of the file being typed) through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress?.done();
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
