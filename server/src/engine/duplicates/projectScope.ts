import { repositoryOf, type RepositoryMap } from '../links/repositories';
import { WorkspaceIndex } from '../workspaceIndex';

/**
 * The project a file defines processes for: definitions are only compared within one.
 * - A GitHub owner: the repositories of one owner are one project (`open-telemetry/community`
 *   and `open-telemetry/opentelemetry-collector`), known from the `repositories` setting or git remotes;
 * - else the workspace folder;
 * - within either, each `projects/<name>/` or `tags/<name>/` folder is a project of its own —
 *   how cncf/toc keeps the files of the projects and groups it oversees.
 */
export function projectScope(uri: string, workspace: Pick<WorkspaceIndex, 'rootOf'>, repositories: RepositoryMap): string {
  const repository = repositoryOf(repositories, uri);
  const base = repository?.uri ?? workspace.rootOf(uri) ?? '';
  const owner = repository ? `github:${repository.name.split('/')[0].toLowerCase()}` : base;
  const below = WorkspaceIndex.pathBelow(base, uri) ?? '';
  const folder = /^(?:.*\/)?(?:projects|tags)\/[^/]+\//.exec(below)?.[0];
  return folder ? `${owner}\u0000${base}/${folder}` : owner;
}
