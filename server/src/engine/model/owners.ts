import { handleKey } from './mentions';

/** MAINTAINERS, OWNERS, CODEOWNERS (any extension): the files that say who owns the project. */
export const OWNER_FILE = /(^|\/)(MAINTAINERS|OWNERS|CODEOWNERS|OWNERS_ALIASES)(\.[\w]+)?$/i;

const GITHUB_PROFILE = /github\.com\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?=[/)\s>"'\]]|$)/g;
const AT_HANDLE = /(?<![\w@/])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w/-])/g;
const YAML_LIST_HANDLE = /^\s*-\s+([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\s*$/gm;
const NOT_PEOPLE = new Set(['orgs', 'issues', 'pulls', 'settings', 'apps', 'sponsors', 'features', 'marketplace', 'topics']);

/** The GitHub handles an owners file names (profile links, @mentions, OWNERS lists), by lower-case key. */
export function handlesInOwnerFile(text: string, path: string): Map<string, string> {
  const handles = new Map<string, string>();
  const add = (handle: string) => {
    if (!NOT_PEOPLE.has(handle.toLowerCase()) && !handles.has(handleKey(handle))) handles.set(handleKey(handle), handle);
  };
  for (const pattern of [GITHUB_PROFILE, AT_HANDLE]) {
    pattern.lastIndex = 0;
    for (let match; (match = pattern.exec(text)); ) add(match[1]);
  }
  if (!/\.md$/i.test(path)) {
    YAML_LIST_HANDLE.lastIndex = 0;
    for (let match; (match = YAML_LIST_HANDLE.exec(text)); ) add(match[1]);
  }
  return handles;
}

/**
 * The people a document may name without `unknown-owner` asking: attendees of the meeting it
 * records, then the handles owners files name, then the `owners` setting; by lower-case key, as
 * first written. The one answer of who is known: the rule, @-completion and the Insert TODO picker
 * all read it, so that none offers a handle another flags.
 */
export function knownHandles(
  attendees: readonly { handle?: string }[],
  ownerFileHandles: ReadonlyMap<string, string> | undefined,
  settingsOwners: readonly string[],
): Map<string, string> {
  const known = new Map<string, string>();
  const add = (handle: string) => {
    const bare = handle.replace(/^@/, '');
    if (bare && !known.has(handleKey(bare))) known.set(handleKey(bare), bare);
  };
  for (const attendee of attendees) if (attendee.handle) add(attendee.handle);
  for (const handle of ownerFileHandles?.values() ?? []) add(handle);
  for (const owner of settingsOwners) add(owner);
  return known;
}
