// The workspace every editor run opens: the two seed documents and the Dragonfly community
// repository they link into, mapped as `dragonflyoss/community` by the settings file, so GitHub
// URLs into that repository are checked against the folder beside the DD.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DD = 'dragonfly-graduation-dd.md';
export const SEED_MEETING = 'meetings/maintainer/2025-10-14/README.md';
export const COMMUNITY = 'dragonflyoss-community';
export const SETTINGS_FILE = { repositories: { 'dragonflyoss/community': COMMUNITY } };
/** The task a user adds to run the checker over the workspace, its findings read by `$govmd`. */
export const CHECK_TASK = 'govmd check';

/** Makes `folder` anew from the repository's fixtures and returns it. */
export function makeWorkspace(repo, folder) {
  const fixtures = join(repo, 'test', 'fixtures');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'meetings', 'maintainer', '2025-10-14'), { recursive: true });
  cpSync(join(fixtures, 'seeds', 'dragonfly-graduation-dd.md'), join(folder, SEED_DD));
  // Dated like the community's own notes: New Meeting Notes continues the series from it.
  cpSync(join(fixtures, 'seeds', 'maintainer-meeting.md'), join(folder, SEED_MEETING));
  cpSync(join(fixtures, 'dragonflyoss-community'), join(folder, COMMUNITY), { recursive: true });
  writeFileSync(join(folder, '.govmd.json'), JSON.stringify(SETTINGS_FILE, null, 2) + '\n');
  mkdirSync(join(folder, '.vscode'));
  const task = {
    label: CHECK_TASK,
    type: 'process',
    command: process.execPath,
    args: [join(repo, 'bin', 'govmd.js'), 'check', '.'],
    problemMatcher: '$govmd',
    presentation: { reveal: 'never' },
  };
  writeFileSync(join(folder, '.vscode', 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [task] }, null, 2) + '\n');
  return folder;
}
