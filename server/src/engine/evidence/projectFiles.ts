import type { EvidenceFileKind } from '../generate/ddCriteria';
import type { GovDocument } from '../govDocument';
import type { RepositoryFolder } from '../links/repositories';
import { fileKindsAt } from './fileKinds';
import { decodeUriComponent } from '../text/uriText';

/** The files of one of the project's repositories in the workspace that CLOMonitor looks for. */
export interface RepositoryFiles {
  /** `owner/repo`. */
  repository: string;
  /** Paths below the repository's root, by kind. */
  files: ReadonlyMap<EvidenceFileKind, readonly string[]>;
}

const GITHUB_OWNER = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/[^/?#\s]/i;
/** github.com paths that are not an owner. */
const NOT_OWNERS = new Set(['orgs', 'users', 'settings', 'features', 'apps', 'marketplace', 'topics', 'sponsors']);

/**
 * The GitHub owners a DD links to, other than `cncf` (the TOC's and TAGs' repositories are where the
 * DD is reviewed, not the project's own): whose repositories in the workspace are the project's.
 */
export function projectOwners(doc: GovDocument): Set<string> {
  const owners = new Set<string>();
  const urls = [...doc.parsed.links.map((link) => link.url), ...doc.parsed.definitions.map((definition) => definition.url)];
  for (const url of urls) {
    const owner = GITHUB_OWNER.exec(url)?.[1].toLowerCase();
    if (owner && owner !== 'cncf' && !NOT_OWNERS.has(owner)) owners.add(owner);
  }
  return owners;
}

/** What a repository folder holds of each kind, from the workspace's file list. */
export function repositoryFiles(folder: RepositoryFolder, workspaceFiles: readonly string[]): RepositoryFiles {
  const files = new Map<EvidenceFileKind, string[]>();
  const prefix = `${folder.uri}/`;
  for (const uri of workspaceFiles) {
    if (!uri.startsWith(prefix)) continue;
    const path = uri.slice(prefix.length).split('/').map(decodeUriComponent).join('/');
    for (const kind of fileKindsAt(path)) files.set(kind, [...(files.get(kind) ?? []), path]);
  }
  return { repository: folder.name, files };
}

