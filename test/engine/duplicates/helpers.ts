import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DocumentParser, type ParsedDocument } from '../../../server/src/engine/parse/document';
import { extractDefinitions, type Definition } from '../../../server/src/engine/duplicates/definitions';
import type { DuplicateGroup } from '../../../server/src/engine/duplicates/findDuplicates';
import type { Lexicon } from '../../../server/src/engine/duplicates/lexicon';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');
export const COMMUNITY = join(FIXTURES, 'dragonflyoss-community');
export const SEED_DD = join(FIXTURES, 'seeds', 'dragonfly-graduation-dd.md');

/** Lines joined into a Markdown document. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export const uriOf = (path: string) => `file:///ws/${path}`;
export const pathOf = (uri: string) => uri.replace(/^file:\/\/\/ws\//, '');

/** Every file under a folder, by path relative to it. */
export function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files[relative(folder, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

export interface Workspace {
  parsed: Map<string, ParsedDocument>;
  definitions: Map<string, Definition[]>;
}

/** Parses `path → text` files as `file:///ws/<path>` and extracts their definitions. */
export function workspaceOf(files: Record<string, string>, lexicon?: Lexicon): Workspace {
  const parser = new DocumentParser();
  const parsed = new Map<string, ParsedDocument>();
  const definitions = new Map<string, Definition[]>();
  for (const [path, text] of Object.entries(files)) {
    const doc = parser.parse(text);
    parsed.set(uriOf(path), doc);
    definitions.set(uriOf(path), extractDefinitions(doc, lexicon ? { lexicon } : {}));
  }
  return { parsed, definitions };
}

export function lineOf(workspace: Workspace, uri: string, offset: number): number {
  return workspace.parsed.get(uri)!.lines.positionAt(offset).line + 1;
}

/**
 * A group as one line: `topic join [maintainer]: *b.md:3 "Adding Maintainers" | a.md:7 "How to
 * Become a Maintainer"` — members by file, `*` before the canonical one.
 */
export function describeGroup(workspace: Workspace, group: DuplicateGroup): string {
  const what = group.topic ? `${group.topic.process} [${group.topic.roles.join(', ')}]` : group.similarity!.toFixed(2);
  const members = group.members.map(
    (member, index) => `${index === group.canonical ? '*' : ''}${pathOf(member.uri)}:${lineOf(workspace, member.uri, member.definition.labelSpan.start)} "${member.definition.label}"`,
  );
  return `${group.reason} ${what}: ${members.join(' | ')}`;
}

/** What each member's related information points at: `a.md:7 → b.md:3, c.md:1`. */
export function describeRelated(workspace: Workspace, group: DuplicateGroup): string[] {
  const place = (index: number) => {
    const member = group.members[index];
    return `${pathOf(member.uri)}:${lineOf(workspace, member.uri, member.definition.labelSpan.start)}`;
  };
  return group.members.map((member, index) => `${place(index)} → ${member.duplicates.map(place).join(', ')}`);
}

/** Applies non-overlapping span edits to a text. */
export function applySpanEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}
