import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'server', 'out', 'server.js');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** How many times diagnostics were published per URI. */
  publishCounts: Map<string, number>;
  /** Resolves with the diagnostics of `uri` once `accept` says yes (checked on every publish). */
  waitForDiagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  progress: unknown[];
  messages: string[];
  /** What the server gets for `workspace/configuration` from now on. */
  setSettings(value: unknown): void;
  stop(): Promise<void>;
}

/**
 * Starts the real server over stdio and initializes it as an editor would: as VS Code does in a
 * trusted workspace unless `initializationOptions` says otherwise (`{}` is a client that sends no
 * trust information, as every other editor).
 */
export async function startServer(rootPath: string, options: { settings?: unknown; initializationOptions?: unknown; args?: string[] } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [SERVER, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const publishCounts = new Map<string, number>();
  const waiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const progress: unknown[] = [];
  const messages: string[] = [];
  let settings: unknown = options.settings ?? {};

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    publishCounts.set(params.uri, (publishCounts.get(params.uri) ?? 0) + 1);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', (params) => void progress.push(params));
  connection.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    messages.push(params.message);
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const rootUri = `file://${rootPath}`;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
    },
    initializationOptions: options.initializationOptions ?? { trusted: true },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    diagnostics,
    publishCounts,
    progress,
    messages,
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 30_000) {
      const current = diagnostics.get(uri);
      if (current && accept(current)) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no acceptable diagnostics for ${uri} in ${timeoutMs} ms (have ${JSON.stringify(diagnostics.get(uri)?.length)}); server stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    async stop() {
      // A server that does not answer or does not exit must not keep the test file running: in
      // the full suite a test file once passed and then never ended, its server still attached.
      const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
      const within = (promise: Promise<unknown>, ms: number) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
      try {
        await within(connection.sendRequest('shutdown'), 5_000);
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
      await within(exited, 5_000);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
    },
    setSettings(value: unknown) {
      settings = value;
    },
  };
}
