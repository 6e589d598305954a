// VS Code's own Markdown language server (npm `vscode-markdown-languageserver`, the one VS Code
// ships) as the peer of govmd's server. It reads files and tokenizes Markdown through its client:
// this module is that client's side, doing what VS Code's Markdown extension does (markdown-it in
// the editor's process; the disk read and listed on the server's behalf).
import { readFile, readdir, stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { LspDriver, ServerSpec } from '../lspDriver';
import { createMarkdownIt, findMarkdownFiles, MARKDOWN_EXTENSIONS, VSCODE_VALIDATE_SETTINGS } from './vscodeMarkdown';

export const VSCODE_MARKDOWN_SERVER = require.resolve('vscode-markdown-languageserver/dist/node/workerMain.js');

export function vscodeMarkdownServer(rootPath: string): ServerSpec {
  const md = createMarkdownIt();
  return {
    name: 'vscode-markdown-languageserver',
    args: [VSCODE_MARKDOWN_SERVER, '--stdio'],
    initializationOptions: { markdownFileExtensions: MARKDOWN_EXTENSIONS },
    pushedSettings: {
      markdown: {
        validate: VSCODE_VALIDATE_SETTINGS,
        server: { log: 'off' },
        suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
        preferredMdPathExtensionStyle: 'auto',
        occurrencesHighlight: { enabled: false },
      },
    },
    clientRequests: (driver: LspDriver) => ({
      'markdown/parse': async ({ uri, text }: { uri: string; text?: string }) => {
        if (typeof text === 'string') return md.parse(text, {});
        const open = driver.openDocuments.get(uri)?.getText();
        try {
          return md.parse(open ?? (await readFile(URI.parse(uri).fsPath, 'utf8')), {});
        } catch {
          return [];
        }
      },
      'markdown/fs/readFile': async ({ uri }: { uri: string }) => Array.from(await readFile(URI.parse(uri).fsPath)),
      'markdown/fs/readDirectory': async ({ uri }: { uri: string }) =>
        (await readdir(URI.parse(uri).fsPath, { withFileTypes: true })).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
      'markdown/fs/stat': async ({ uri }: { uri: string }) => {
        try {
          return { isDirectory: (await stat(URI.parse(uri).fsPath)).isDirectory() };
        } catch {
          return undefined;
        }
      },
      // Nothing changes on disk during a run: watchers are acknowledged and never fire.
      'markdown/fs/watcher/create': () => null,
      'markdown/fs/watcher/delete': () => null,
      'markdown/findMarkdownFilesInWorkspace': () => findMarkdownFiles(rootPath).map((path) => URI.file(path).toString()),
    }),
  };
}
