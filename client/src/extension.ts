import * as vscode from 'vscode';
import * as path from 'node:path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ProgressStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Starts the language server and wires the commands; every finding and figure comes from the server. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'governance',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
        vscode.workspace.createFileSystemWatcher('**/{.govmd.json,.govmd.yaml,.govmd.yml}'),
        vscode.workspace.createFileSystemWatcher('**/{MAINTAINERS,OWNERS,CODEOWNERS,OWNERS_ALIASES}*'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('governanceMarkdown', 'Governance Markdown', serverOptions, clientOptions);
  await client.start();

  const statusBar = new ProgressStatusBar(() => client);
  context.subscriptions.push(statusBar, ...registerCommands(context, () => client!, statusBar));
  // Trust changes what the settings file may do: start over with the new answer.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.commands.executeCommand('governance.restartServer')));
  statusBar.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

