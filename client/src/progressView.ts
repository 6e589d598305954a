import * as vscode from 'vscode';

/** What the server's `govmd.progress` answers for a Due Diligence document. */
export interface ProgressAnswer {
  status: string;
  title: string;
  svg: string;
  required: { met: number; total: number };
  suggested: { met: number; total: number };
  /** Required criteria not met: their area, title and 0-based line. */
  open: { area: string; title: string; line: number }[];
}

type AskProgress = (uri: string) => Promise<ProgressAnswer | null>;

/**
 * Show Criteria Progress: the DD's progress chart (the SVG `govmd progress --format svg` draws) in
 * a webview beside the document, one per document, redrawn as the document is edited.
 */
export class ProgressView implements vscode.Disposable {
  static readonly viewType = 'governance.progress';
  /** The one command the page may run: its links go to an open criterion's line. */
  static readonly revealCommand = 'governance.revealCriterion';
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly askProgress: AskProgress) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panels.has(event.document.uri.toString())) this.schedule(event.document.uri.toString());
      }),
      // A settings change can move criteria between kinds or areas; a save may follow a revert.
      vscode.workspace.onDidSaveTextDocument((document) => this.panels.has(document.uri.toString()) && this.schedule(document.uri.toString())),
    ];
  }

  /** Opens (or reveals) the chart of `document` beside it; false when it is no Due Diligence document. */
  async show(document: vscode.TextDocument): Promise<boolean> {
    const uri = document.uri.toString();
    const answer = await this.askProgress(uri);
    if (!answer) return false;
    let panel = this.panels.get(uri);
    if (panel) {
      panel.reveal(undefined, true);
    } else {
      panel = vscode.window.createWebviewPanel(
        ProgressView.viewType,
        `Progress: ${basename(document.uri)}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: [ProgressView.revealCommand], localResourceRoots: [] },
      );
      panel.iconPath = new vscode.ThemeIcon('checklist');
      this.panels.set(uri, panel);
      panel.onDidDispose(() => {
        this.panels.delete(uri);
        clearTimeout(this.pending.get(uri));
        this.pending.delete(uri);
      });
    }
    panel.webview.html = render(answer, document.uri);
    return true;
  }

  private schedule(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(uri, setTimeout(() => void this.refresh(uri), 150));
  }

  private async refresh(uri: string): Promise<void> {
    this.pending.delete(uri);
    const panel = this.panels.get(uri);
    if (!panel) return;
    try {
      const answer = await this.askProgress(uri);
      if (!this.panels.has(uri)) return;
      panel.webview.html = answer ? render(answer, vscode.Uri.parse(uri)) : renderNone(basename(vscode.Uri.parse(uri)));
    } catch {
      // The server is restarting: the next edit draws again.
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function page(body: string): string {
  // No script, nothing loaded: the picture is inline SVG the server drew with every text escaped.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
  body { padding: 16px; }
  .chart svg { max-width: 100%; height: auto; }
  p { color: var(--vscode-descriptionForeground); }
  h2 { font-size: 1.1em; margin-top: 1.5em; }
  h3 { font-size: 1em; margin-bottom: 0.3em; }
  ul { margin-top: 0; padding-left: 1.4em; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function render(answer: ProgressAnswer, document: vscode.Uri): string {
  const ratio = (p: { met: number; total: number }) => `${p.met}/${p.total}`;
  const byArea = new Map<string, string[]>();
  for (const criterion of answer.open) {
    const args = encodeURIComponent(JSON.stringify([document.toString(), criterion.line]));
    const item = `<li><a href="command:${ProgressView.revealCommand}?${args}">${escapeHtml(criterion.title)}</a> (line ${criterion.line + 1})</li>`;
    byArea.set(criterion.area, [...(byArea.get(criterion.area) ?? []), item]);
  }
  const open = [...byArea].map(([area, items]) => `<h3>${escapeHtml(area)}</h3>\n<ul>\n${items.join('\n')}\n</ul>`).join('\n');
  return page(`<div class="chart">
${answer.svg}</div>
<p>${ratio(answer.required)} Required and ${ratio(answer.suggested)} Suggested criteria met in ${escapeHtml(basename(document))}; the chart follows your edits.</p>
<h2>Open Required criteria (${answer.open.length})</h2>
${answer.open.length ? open : '<p>None: every Required criterion is met.</p>'}`);
}

function renderNone(file: string): string {
  return page(`<p>${escapeHtml(file)} has no Due Diligence criteria now: a criterion is a task-list item that starts with bold text, under an area heading.</p>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
