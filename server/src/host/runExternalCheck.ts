import type { Project } from '../engine/project';
import { checkExternalLinks, defaultCacheFile, FileCacheStore } from './externalLinks';

export interface ExternalCheckSummary {
  links: number;
  dead: number;
  unreachable: number;
  fromCache: number;
}

/**
 * Runs the opt-in HTTP check over the external links of some documents and hands the answers to
 * the project, whose `dead-external-link` rule reports them. The only caller of the network.
 */
export async function runExternalCheck(
  project: Project,
  uris: readonly string[],
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; cacheFile?: string } = {},
): Promise<ExternalCheckSummary> {
  const urls = new Set<string>();
  for (const uri of uris) for (const link of await project.externalLinks(uri)) urls.add(link.url);
  const settings = project.settings.externalLinks;
  const results = await checkExternalLinks([...urls], {
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    perHostConcurrency: settings.perHostConcurrency,
    retries: settings.retries,
    cacheMaxAgeHours: settings.cacheMaxAgeHours,
    allowPrivateHosts: settings.allowPrivateHosts,
    cache: new FileCacheStore(options.cacheFile ?? defaultCacheFile()),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  project.setExternalVerdicts(results);
  return {
    links: results.length,
    dead: results.filter((r) => r.status === 'dead').length,
    unreachable: results.filter((r) => r.status === 'unreachable').length,
    fromCache: results.filter((r) => r.fromCache).length,
  };
}
