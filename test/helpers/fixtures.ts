import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const SEED_DD = join(FIXTURES, 'seeds', 'dragonfly-graduation-dd.md');
export const SEED_MEETING = join(FIXTURES, 'seeds', 'maintainer-meeting.md');
export const COMMUNITY = join(FIXTURES, 'dragonflyoss-community');
/** Real governance repositories (a copy of ../shared/corpus committed for CI; see its README). */
export const CORPUS = join(__dirname, '..', 'corpus');

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Every file under a folder, as `file:///ws/<prefix>/<relative path>` → text. */
export function filesUnder(folder: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[`file:///ws/${prefix}/${relative(folder, path).split('\\').join('/')}`] = read(path);
    }
  };
  walk(folder);
  return files;
}
