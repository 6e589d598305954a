import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMUNITY, CORPUS, SEED_DD, SEED_MEETING } from '../helpers/fixtures';

/**
 * The texts the fuzzer mutates: the empty text first (what a shrunk case tends to), the two seed
 * documents, the Dragonfly community repository and every Markdown file of test/corpus.
 */
export interface FuzzSources {
  /** Index 0 is the empty text; 1 and 2 the seed DD and meeting note. */
  readonly texts: readonly string[];
  readonly names: readonly string[];
  /** The workspace around the fuzzed document: the community repository, `file:///ws/community/…`. */
  readonly workspace: Readonly<Record<string, string>>;
}

let loaded: FuzzSources | undefined;

export function fuzzSources(): FuzzSources {
  if (loaded) return loaded;
  const names = ['(empty)', 'seeds/dragonfly-graduation-dd.md', 'seeds/maintainer-meeting.md'];
  const texts = ['', readFileSync(SEED_DD, 'utf8'), readFileSync(SEED_MEETING, 'utf8')];
  const workspace: Record<string, string> = {};
  for (const path of markdownUnder(COMMUNITY)) {
    const text = readFileSync(path, 'utf8');
    workspace[`file:///ws/community/${relative(COMMUNITY, path).split('\\').join('/')}`] = text;
    names.push(`dragonflyoss-community/${relative(COMMUNITY, path)}`);
    texts.push(text);
  }
  for (const path of markdownUnder(CORPUS)) {
    names.push(`corpus/${relative(CORPUS, path)}`);
    texts.push(readFileSync(path, 'utf8'));
  }
  loaded = { texts, names, workspace };
  return loaded;
}

function markdownUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|markdown)$/i.test(name)) found.push(path);
    }
  };
  walk(folder);
  return found;
}
