import { spawn, type ChildProcess } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { CancellationToken, Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { statusField } from './measuredProcess';

/** How to start and speak to one language server, as an editor would. */
export interface ServerSpec {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  initializationOptions?: unknown;
  /** The answer to `workspace/configuration` for a section. */
  configuration?: (section: string | undefined) => unknown;
  /** Settings pushed with `workspace/didChangeConfiguration` once initialized. */
  pushedSettings?: unknown;
  /** Requests the server sends its client beyond the standard ones (VS Code's Markdown server reads files through its client). */
  clientRequests?: (driver: LspDriver) => Record<string, (params: never) => unknown>;
}

export interface Published {
  uri: string;
  version: number | undefined;
  at: number;
  diagnostics: Diagnostic[];
}

/**
 * One language server under measurement, spoken to over stdio through the protocol only. Every
 * time is `performance.now()` in this process; the server's memory is read from /proc.
 */
export class LspDriver {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** The text of each open document as this client last sent it. */
  readonly openDocuments = new Map<string, TextDocument>();
  private readonly publishListeners = new Set<(published: Published) => void>();
  private readonly progressBegun = new Set<string | number>();
  private readonly progressEnded = new Set<string | number>();
  private progressListeners = new Set<() => void>();
  private lastProgressEnd = 0;
  private stderr = '';

  constructor(readonly spec: ServerSpec) {
    this.child = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const published = { uri: params.uri, version: params.version, at: performance.now(), diagnostics: params.diagnostics };
      for (const listener of [...this.publishListeners]) listener(published);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => spec.configuration?.(item.section) ?? null));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => {
      if (params.value.kind === 'begin') this.progressBegun.add(params.token);
      if (params.value.kind === 'end') {
        this.progressEnded.add(params.token);
        this.lastProgressEnd = performance.now();
      }
      for (const listener of [...this.progressListeners]) listener();
    });
    for (const [method, handler] of Object.entries(spec.clientRequests?.(this) ?? {})) this.connection.onRequest(method, handler);
    this.connection.listen();
  }

  /** Sends initialize and initialized (and the pushed settings) for one workspace folder. */
  async initialize(rootPath: string): Promise<void> {
    const rootUri = fileUri(rootPath);
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: true },
        },
      },
      initializationOptions: this.spec.initializationOptions ?? {},
    });
    await this.connection.sendNotification('initialized', {});
    if (this.spec.pushedSettings !== undefined) await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.pushedSettings });
  }

  /** Calls `listener` on every publishDiagnostics until the returned function is called. */
  onPublish(listener: (published: Published) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  /** The first publish that `accept` takes, within `timeoutMs`. */
  nextPublish(accept: (published: Published) => boolean, timeoutMs: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${this.spec.name}: no such diagnostics within ${timeoutMs / 1000} s; stderr: ${this.stderr.slice(-500)}`));
      }, timeoutMs);
      const stop = this.onPublish((published) => {
        if (!accept(published)) return;
        clearTimeout(timer);
        stop();
        resolve(published);
      });
    });
  }

  /** When every work-done progress the server began has ended (at least one must begin): that moment, or undefined after `timeoutMs`. */
  progressSettled(timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const settled = () => this.progressBegun.size > 0 && [...this.progressBegun].every((token) => this.progressEnded.has(token));
      if (settled()) return resolve(this.lastProgressEnd);
      const timer = setTimeout(() => {
        this.progressListeners.delete(check);
        resolve(undefined);
      }, timeoutMs);
      const check = () => {
        if (!settled()) return;
        clearTimeout(timer);
        this.progressListeners.delete(check);
        resolve(this.lastProgressEnd);
      };
      this.progressListeners.add(check);
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.openDocuments.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends one incremental change; returns the document's new version. */
  async change(uri: string, change: TextDocumentContentChangeEvent): Promise<number> {
    const document = this.openDocuments.get(uri)!;
    const updated = TextDocument.update(document, [change], document.version + 1);
    this.openDocuments.set(uri, updated);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: updated.version }, contentChanges: [change] });
    return updated.version;
  }

  async close(uri: string): Promise<void> {
    this.openDocuments.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A pull-diagnostics request (LSP 3.17), as VS Code makes for a server that asks for them. */
  async pull(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    const params = { textDocument: { uri } };
    // An undefined third argument would be sent as a second parameter.
    const answer = token ? this.connection.sendRequest('textDocument/diagnostic', params, token) : this.connection.sendRequest('textDocument/diagnostic', params);
    const report = (await answer) as { kind: string; items?: Diagnostic[] } | null;
    return report?.items ?? [];
  }

  /** The server's resident set now, in MB. */
  rssMb(): number | undefined {
    const kilobytes = this.child.pid ? statusField(this.child.pid, 'VmRSS') : undefined;
    return kilobytes === undefined ? undefined : kilobytes / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server is gone already.
    }
    const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killTimer);
    this.connection.dispose();
  }
}

export function fileUri(path: string): string {
  return URI.file(path).toString();
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
