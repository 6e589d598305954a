// What VS Code's Markdown support is set up with when `markdown.validate.enabled` is on: the same
// parser options and the same validation settings for both peers (the library in a process of its
// own, and VS Code's Markdown language server over stdio).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

/** VS Code's Markdown engine: HTML on, links recognised in text but not bare domains. */
export function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });
  return md;
}

/** VS Code's defaults for `markdown.validate.*`, with validation turned on. */
export const VSCODE_VALIDATE_SETTINGS = {
  enabled: true,
  referenceLinks: { enabled: 'warning' },
  fragmentLinks: { enabled: 'warning' },
  fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
  ignoredLinks: [] as string[],
  unusedLinkDefinitions: { enabled: 'hint' },
  duplicateLinkDefinitions: { enabled: 'warning' },
} as const;

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'];

/** Every Markdown file under `folder`, as VS Code's file search finds them (node_modules and .git excluded). */
export function findMarkdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(join(current, entry.name));
      } else if (entry.isFile() && MARKDOWN_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(`.${extension}`))) {
        found.push(join(current, entry.name));
      }
    }
  };
  walk(folder);
  return found.sort();
}
