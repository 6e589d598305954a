// The peer of `govmd check`: VS Code's Markdown link validation over a whole workspace, in a process
// of its own. Every Markdown file is tokenized by markdown-it and its diagnostics computed by
// vscode-markdown-languageservice, reading the disk as VS Code's workspace does.
// Usage: node <bundle> FOLDER  → prints {"files": N, "diagnostics": M}
import { readFile, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as mls from 'vscode-markdown-languageservice';
import { Emitter } from 'vscode-languageserver-protocol';
import { createMarkdownIt, findMarkdownFiles, MARKDOWN_EXTENSIONS, VSCODE_VALIDATE_SETTINGS } from './vscodeMarkdown';

const LEVELS: Record<string, mls.DiagnosticLevel> = { warning: mls.DiagnosticLevel.warning, hint: mls.DiagnosticLevel.hint, error: mls.DiagnosticLevel.error };

async function main(folder: string): Promise<void> {
  const root = URI.file(folder);
  const documents = new Map<string, TextDocument>();
  const isMarkdown = (uri: URI) => MARKDOWN_EXTENSIONS.some((extension) => uri.path.toLowerCase().endsWith(`.${extension}`));
  const open = async (uri: URI): Promise<TextDocument | undefined> => {
    const key = uri.toString();
    const known = documents.get(key);
    if (known || !isMarkdown(uri)) return known;
    try {
      const document = TextDocument.create(key, 'markdown', 0, await readFile(uri.fsPath, 'utf8'));
      documents.set(key, document);
      return document;
    } catch {
      return undefined;
    }
  };
  const never = new Emitter<never>().event;
  const workspace: mls.IWorkspace = {
    workspaceFolders: [root],
    onDidChangeMarkdownDocument: never,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    async getAllMarkdownDocuments() {
      const all: TextDocument[] = [];
      for (const path of findMarkdownFiles(folder)) {
        const document = await open(URI.file(path));
        if (document) all.push(document);
      }
      return all;
    },
    hasMarkdownDocument: (uri) => documents.has(uri.toString()),
    openMarkdownDocument: open,
    async stat(uri) {
      if (documents.has(uri.toString())) return { isDirectory: false };
      try {
        return { isDirectory: (await stat(uri.fsPath)).isDirectory() };
      } catch {
        return undefined;
      }
    },
    async readDirectory(uri) {
      const entries = await readdir(uri.fsPath, { withFileTypes: true });
      return entries.map((entry) => [entry.name, { isDirectory: entry.isDirectory() }] as [string, mls.FileStat]);
    },
  };
  const md = createMarkdownIt();
  const parser: mls.IMdParser = { slugifier: mls.githubSlugifier, tokenize: async (document) => md.parse(document.getText(), {}) };
  const logger: mls.ILogger = { level: mls.LogLevel.Off, log: () => undefined };
  const service = mls.createLanguageService({ workspace, parser, logger, markdownFileExtensions: MARKDOWN_EXTENSIONS });
  const settings = VSCODE_VALIDATE_SETTINGS;
  const options: mls.DiagnosticOptions = {
    validateReferences: LEVELS[settings.referenceLinks.enabled],
    validateFragmentLinks: LEVELS[settings.fragmentLinks.enabled],
    validateFileLinks: LEVELS[settings.fileLinks.enabled],
    validateMarkdownFileLinkFragments: LEVELS[settings.fragmentLinks.enabled],
    validateUnusedLinkDefinitions: LEVELS[settings.unusedLinkDefinitions.enabled],
    validateDuplicateLinkDefinitions: LEVELS[settings.duplicateLinkDefinitions.enabled],
    ignoreLinks: [...settings.ignoredLinks],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: never } as unknown as Parameters<typeof service.computeDiagnostics>[2];
  let diagnostics = 0;
  const files = [...(await workspace.getAllMarkdownDocuments())];
  for (const document of files) diagnostics += (await service.computeDiagnostics(document as TextDocument, options, token)).length;
  service.dispose();
  process.stdout.write(`${JSON.stringify({ files: files.length, diagnostics })}\n`);
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: mlsWorkspaceCheck FOLDER\n');
  process.exit(2);
}
main(resolve(folder)).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
