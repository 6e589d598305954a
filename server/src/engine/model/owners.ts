import { handleKey } from './mentions';

/** MAINTAINERS, OWNERS, CODEOWNERS (any extension): the files that say who owns the project. */
export const OWNER_FILE = /(^|\/)(MAINTAINERS|OWNERS|CODEOWNERS|OWNERS_ALIASES)(\.[\w]+)?$/i;

const GITHUB_PROFILE = /github\.com\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?=[/)\s>"'\]]|$)/g;
const AT_HANDLE = /(?<![\w@/])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w/-])/g;
const YAML_LIST_HANDLE = /^\s*-\s+([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\s*$/gm;
const NOT_PEOPLE = new Set(['orgs', 'issues', 'pulls', 'settings', 'apps', 'sponsors', 'features', 'marketplace', 'topics']);

/** The GitHub handles (lower case) an owners file names: profile links, @mentions, OWNERS lists. */
export function handlesInOwnerFile(text: string, path: string): Set<string> {
  const handles = new Set<string>();
  for (const pattern of [GITHUB_PROFILE, AT_HANDLE]) {
    pattern.lastIndex = 0;
    for (let match; (match = pattern.exec(text)); ) if (!NOT_PEOPLE.has(match[1].toLowerCase())) handles.add(handleKey(match[1]));
  }
  if (!/\.md$/i.test(path)) {
    YAML_LIST_HANDLE.lastIndex = 0;
    for (let match; (match = YAML_LIST_HANDLE.exec(text)); ) handles.add(handleKey(match[1]));
  }
  return handles;
}
