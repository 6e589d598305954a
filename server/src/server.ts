import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  CodeAction,
  SymbolKind,
  CompletionItemKind,
  FileChangeType,
  type DocumentSymbol,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Session } from './lsp/session';
import { findWorkspaceRoot } from './host/workspaceRoot';
import { FIX_ALL_KIND, toQuickFix } from './lsp/convert';
import { fixAllEdit } from './lsp/fixAll';
import { outline, type OutlineNode } from './engine/editor/outline';
import { criterionHover } from './engine/editor/hover';
import { areaLenses } from './engine/editor/codeLens';
import { templateLensTitle } from './engine/report/templateDiff';
import { ddTitleHeading } from './engine/template/ddTemplate';
import { completeAt, ownerCandidates } from './engine/editor/completion';
import { registerCommands, SERVER_COMMANDS } from './lsp/commands';
import type { GovDocument } from './engine/govDocument';
import { Lifecycle } from './lsp/lifecycle';
import { limitHeapGrowth, compileLess } from './host/v8Tuning';

// Typing makes garbage fast (a new version of the document's facts and its duplicate groups'
// findings at every keystroke) while what is kept stays flat. With V8's default heap growth the
// process held 250 -> 350-450 MB of uncollected garbage after 2,000 keystrokes in a 2,000-file
// workspace (live heap 79 -> 80 MB); growing the heap by at most 75% past what a full collection
// keeps holds it to 214-244 MB at no measurable CPU cost (30% flattened it further for +28% CPU).
limitHeapGrowth(75);
// The background check of a workspace is a cold run like the CLI's: 1.8-1.9 -> 1.5-1.6 s on
// ../shared/corpus (`npm run bench -- server`, alternated).
compileLess();

const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle });
lifecycle.listen(connection);
const documents = new TextDocuments(TextDocument);
let session: Session;
let initialization: InitializeParams;
// Requests may arrive before the settings are read (right after a restart): they wait for them.
let markReady: () => void;
const ready = new Promise<void>((resolve) => (markReady = resolve));

connection.onInitialize((params) => {
  initialization = params;
  const folders = params.workspaceFolders?.map((f) => URI.parse(f.uri).fsPath) ?? (params.rootUri ? [URI.parse(params.rootUri).fsPath] : []);
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean; debounceMs?: number };
  session = new Session(connection, documents, {
    // The workspace of an opened folder is found as `govmd check` finds it, from where the folder
    // is: the nearest folder at or above it with a settings file or `.git`. Its settings apply.
    rootPaths: [...new Set(folders.map((folder) => findWorkspaceRoot(folder).root))],
    openedFolders: folders,
    // Only VS Code says whether the user trusts the workspace; from any other client, the user
    // says it (initializationOptions.trusted or --trusted), else the repository is not trusted.
    trusted: options.trusted === true || process.argv.includes('--trusted'),
    debounceMs: options.debounceMs ?? 200,
    supportsProgress: params.capabilities.window?.workDoneProgress === true,
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', ' '] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: SERVER_COMMANDS },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'govmd', version: typeof GOVMD_VERSION === 'string' ? GOVMD_VERSION : 'dev' },
  };
});

declare const GOVMD_VERSION: string;

connection.onInitialized(async () => {
  try {
    await session.loadSettings(await editorSettings());
  } finally {
    // Whatever went wrong, requests must not wait forever for settings.
    markReady();
  }
  for (const document of documents.all()) session.scheduleCheck(document.uri, 0);
  void session.checkWorkspace();
});

async function editorSettings(): Promise<unknown> {
  if (!initialization.capabilities.workspace?.configuration) return {};
  try {
    return (await connection.workspace.getConfiguration('governance')) ?? {};
  } catch {
    return {};
  }
}

connection.onDidChangeConfiguration(async () => {
  await ready;
  if (await session.loadSettings(await editorSettings())) session.restart();
});

// TextDocuments fires a change right after each open: that one is the open, checked at once, not typing.
const justOpened = new Set<string>();
documents.onDidOpen(({ document }) => {
  if (!session?.project) return;
  if (session.isSettingsFile(document.uri)) return void reloadForSettingsFile();
  justOpened.add(document.uri);
  session.edit(document.uri, 0);
});
documents.onDidChangeContent(({ document }) => {
  if (justOpened.delete(document.uri)) return;
  if (!session?.project) return;
  if (session.isSettingsFile(document.uri)) return void reloadForSettingsFile();
  session.edit(document.uri);
});
documents.onDidClose(({ document }) => {
  justOpened.delete(document.uri);
  if (!session?.project) return;
  session.closed(document.uri);
});

async function reloadForSettingsFile(): Promise<void> {
  if (await session.loadSettings()) session.restart();
}

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await ready;
  if (changes.some((c) => session.isSettingsFile(c.uri))) return void reloadForSettingsFile();
  session.filesChanged(changes.map((c) => ({ uri: c.uri, created: c.type === FileChangeType.Created, deleted: c.type === FileChangeType.Deleted })));
});

async function docFor(uri: string): Promise<GovDocument | undefined> {
  await ready;
  const open = documents.get(uri);
  if (open) session.project.setOpenText(uri, open.getText());
  return session.project.document(uri);
}

connection.onCodeAction(async ({ textDocument, range, context }) => {
  await ready;
  const uri = textDocument.uri;
  const wantsFixAll = context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.QuickFix);
  const wantsQuickFix = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
  const findings = await session.findings(uri);
  const actions: CodeAction[] = [];
  if (wantsQuickFix) {
    for (const finding of findings) {
      if (!overlaps(finding.range, range)) continue;
      for (const fix of finding.fixes ?? []) actions.push(toQuickFix(finding, fix));
    }
  }
  if (wantsFixAll) {
    const edit = await fixAllEdit(session.project, uri, findings);
    if (edit) actions.push(CodeAction.create('Fix all safe Governance Markdown problems', edit, FIX_ALL_KIND));
  }
  return actions;
});

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  const before = (p: typeof a.start, q: typeof a.start) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

connection.onDocumentSymbol(async ({ textDocument }) => {
  const doc = await docFor(textDocument.uri);
  if (!doc) return [];
  const lines = doc.parsed.lines;
  const toSymbol = (node: OutlineNode): DocumentSymbol => ({
    name: node.name,
    detail: node.detail,
    kind: node.kind === 'area' ? SymbolKind.Namespace : node.kind === 'kind' ? SymbolKind.Module : node.kind === 'criterion' ? SymbolKind.Boolean : SymbolKind.String,
    range: lines.range(node.span),
    selectionRange: lines.range(node.selectionSpan),
    children: node.children.map(toSymbol),
  });
  return outline(doc).map(toSymbol);
});

connection.onHover(async ({ textDocument, position }) => {
  const doc = await docFor(textDocument.uri);
  if (!doc) return null;
  const projectFiles = doc.kind === 'dd' ? await session.project.projectFiles(doc) : undefined;
  const markdown = criterionHover(doc, doc.parsed.lines.offsetAt(position), projectFiles);
  return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
});

connection.onCodeLens(async ({ textDocument }) => {
  const doc = await docFor(textDocument.uri);
  if (!doc) return [];
  const lenses = areaLenses(doc).map((lens) => ({
    range: doc.parsed.lines.range(lens.span),
    command: { title: lens.title, command: 'governance.showProgress', arguments: [textDocument.uri] },
  }));
  const comparison = await session.project.templateComparison(doc);
  const title = comparison && ddTitleHeading(doc);
  if (comparison && title) {
    const range = doc.parsed.lines.range(title.span);
    lenses.unshift({ range, command: { title: templateLensTitle(comparison), command: 'governance.showTemplateDiff', arguments: [textDocument.uri] } });
    if (comparison.missing.length + comparison.moved.length > 0) {
      lenses.splice(1, 0, { range, command: { title: 'Update DD to Current Template', command: 'governance.updateDdToTemplate', arguments: [textDocument.uri] } });
    }
  }
  return lenses;
});

connection.onCompletion(async ({ textDocument, position }) => {
  const doc = await docFor(textDocument.uri);
  if (!doc) return [];
  const lines = doc.parsed.lines;
  const linePrefix = doc.text.slice(lines.lineStarts[position.line], lines.offsetAt(position));
  const docs = [doc, ...(await session.openDocuments())];
  const completion = completeAt({ linePrefix }, ownerCandidates(docs, await session.project.knownHandlesFor(doc)));
  if (!completion) return [];
  const range = { start: { line: position.line, character: completion.replaceFrom }, end: position };
  return completion.items.map((item) => ({
    label: completion.kind === 'handle' ? `@${item}` : item,
    kind: completion.kind === 'handle' ? CompletionItemKind.Reference : CompletionItemKind.Text,
    filterText: item,
    textEdit: { range, newText: item },
  }));
});

registerCommands(connection, () => session, docFor, ready);

documents.listen(connection);
connection.listen();
