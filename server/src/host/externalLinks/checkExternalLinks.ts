import { setMaxListeners } from 'node:events';
import { LinkCache } from './linkCache';
import { CANCELLED, probeUrl, type ProbeContext } from './probeUrl';
import { sleep } from './retryDelay';
import { KeyedSemaphore, Semaphore } from './semaphore';
import { toTarget, type FetchTarget } from './targets';
import type { ExternalLinkOptions, ExternalLinkResult, FetchLike } from './types';
import { createHttpClient } from './httpClient';
import { isPublicAddress } from './addresses';

/**
 * Defaults of the options that are also settings: the same numbers as `externalLinks` in
 * server/src/engine/settings.ts (whose schema leaves unset members out rather than filling them).
 */
export const EXTERNAL_LINK_DEFAULTS = {
  timeoutMs: 10_000,
  concurrency: 8,
  perHostConcurrency: 2,
  retries: 2,
  cacheMaxAgeHours: 24,
  maxRedirects: 10,
  backoffBaseMs: 500,
  maxRetryDelayMs: 30_000,
} as const;

export const DEFAULT_USER_AGENT = 'govmd-link-checker (Governance Markdown)';

/**
 * Checks each URL over HTTP and returns one result per URL, in the order given. This is the
 * only place the project touches the network; callers decide whether the user opted in.
 *
 * Each distinct URL (fragment removed) is fetched once per run, and not at all while its cached
 * answer is fresh. At most `concurrency` requests are in flight, and at most `perHostConcurrency`
 * URLs of one host are being checked — a host that answered 429 is left alone during the backoff.
 * Never rejects: failures are results. Unless `allowPrivateHosts`, nothing on the reader's own
 * machine or network is connected to: URLs that name such an address are skipped, and every
 * connection checks the address its host name resolved to (redirects included).
 */
export async function checkExternalLinks(urls: readonly string[], options: ExternalLinkOptions = {}): Promise<ExternalLinkResult[]> {
  // Every request and backoff in flight listens for cancellation: dozens of listeners on one
  // signal are expected here, so they go on a signal of our own rather than on the caller's.
  const cancellation = new AbortController();
  setMaxListeners(0, cancellation.signal);
  const cancel = () => cancellation.abort();
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  const client = options.fetch
    ? undefined
    : createHttpClient(options.allowPrivateHosts ? () => true : (options.addressAllowed ?? isPublicAddress), options.resolve);
  try {
    return await checkAll(urls, options, client?.fetch ?? options.fetch!, cancellation.signal);
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    client?.close();
  }
}

async function checkAll(urls: readonly string[], options: ExternalLinkOptions, fetch: FetchLike, signal: AbortSignal): Promise<ExternalLinkResult[]> {
  const now = options.now ?? Date.now;
  const targets = urls.map((url) => toTarget(url, options.allowPrivateHosts ?? false));
  const distinct = new Map<string, FetchTarget>();
  for (const target of targets) if ('fetch' in target) distinct.set(target.fetch.key, target.fetch);

  const maxAgeHours = positive(options.cacheMaxAgeHours, EXTERNAL_LINK_DEFAULTS.cacheMaxAgeHours);
  const cache = options.cache ? new LinkCache(options.cache, maxAgeHours * 3_600_000, now) : undefined;
  await cache?.load();

  const overall = new Semaphore(count(options.concurrency, EXTERNAL_LINK_DEFAULTS.concurrency, 1));
  const perHost = new KeyedSemaphore(count(options.perHostConcurrency, EXTERNAL_LINK_DEFAULTS.perHostConcurrency, 1));
  const context: ProbeContext = {
    fetch,
    timeoutMs: count(options.timeoutMs, EXTERNAL_LINK_DEFAULTS.timeoutMs, 1),
    maxRedirects: count(options.maxRedirects, EXTERNAL_LINK_DEFAULTS.maxRedirects, 0),
    retries: count(options.retries, EXTERNAL_LINK_DEFAULTS.retries, 0),
    backoffBaseMs: count(options.backoffBaseMs, EXTERNAL_LINK_DEFAULTS.backoffBaseMs, 0),
    maxRetryDelayMs: count(options.maxRetryDelayMs, EXTERNAL_LINK_DEFAULTS.maxRetryDelayMs, 0),
    allowPrivateHosts: options.allowPrivateHosts ?? false,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    limit: (task) => overall.run(task),
    sleep: options.sleep ?? sleep,
    now,
    signal,
  };

  let done = 0;
  const report = () => {
    try {
      options.onProgress?.(done, distinct.size);
    } catch {
      // A failing progress display must not stop the check.
    }
  };
  if (distinct.size > 0) report();

  const checkOne = async (target: FetchTarget): Promise<Omit<ExternalLinkResult, 'url'>> => {
    const cached = cache?.get(target.key);
    if (cached) return { ...cached, fromCache: true };
    const verdict = await perHost.run(target.host, async () => (signal.aborted ? CANCELLED : probeUrl(target.key, context)));
    cache?.set(target.key, verdict);
    return verdict;
  };
  const settled = await Promise.all(
    [...distinct.values()].map(async (target) => {
      const answer = await checkOne(target);
      done++;
      report();
      return [target.key, answer] as const;
    }),
  );
  await cache?.save();

  const answers = new Map(settled);
  return urls.map((url, index) => {
    const target = targets[index]!;
    if ('skip' in target) return { url, status: 'skipped', reason: target.skip };
    return { ...answers.get(target.fetch.key)!, url };
  });
}

function count(value: number | undefined, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
