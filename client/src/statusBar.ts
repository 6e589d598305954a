import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface ProgressResult {
  status: string;
}

/** `DD 26/43 required` for the active Due Diligence document; hidden for every other file. */
export class ProgressStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('governance.progress', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending?: NodeJS.Timeout;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Governance: DD progress';
    this.item.command = 'governance.showProgress';
    this.item.tooltip = 'Required criteria met — click for the progress per area';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.refresh();
      }),
    );
  }

  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.update(), 100);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || document.languageId !== 'markdown' || !client) return this.item.hide();
    try {
      const result = (await client.sendRequest('workspace/executeCommand', { command: 'govmd.progress', arguments: [document.uri.toString()] })) as ProgressResult | null;
      if (!result) return this.item.hide();
      this.item.text = `$(checklist) ${result.status}`;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
