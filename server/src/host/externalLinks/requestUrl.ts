import { describeNetworkError, privateAddressIn } from './failures';
import { parseRetryAfter } from './retryDelay';
import { toTarget } from './targets';
import type { FetchLike } from './types';

export type Method = 'HEAD' | 'GET';

export type RequestOutcome =
  | { kind: 'response'; status: number; retryAfterMs?: number; finalUrl?: string }
  | { kind: 'failed'; reason: string; retryable: boolean }
  /** Not connected: the name resolved to a local or private address. */
  | { kind: 'blocked'; reason: string }
  | { kind: 'cancelled' };

export interface RequestContext {
  fetch: FetchLike;
  timeoutMs: number;
  maxRedirects: number;
  allowPrivateHosts: boolean;
  userAgent: string;
  /** Runs one request in flight under the run's overall concurrency bound. */
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
  now: () => number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One request and the redirects after it, followed by hand rather than by fetch so that the
 * hop count is ours, every hop gets its own timeout, and a redirect into the reader's own
 * network is not followed.
 */
export async function requestFollowingRedirects(url: string, method: Method, context: RequestContext): Promise<RequestOutcome> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const answer = await requestOnce(current, method, context);
    if (answer.kind === 'blocked' && hop > 0) return { kind: 'failed', reason: `redirects to ${current}: ${answer.reason}`, retryable: false };
    if (answer.kind !== 'response') return answer;
    const finalUrl = current === url ? {} : { finalUrl: current };
    if (!REDIRECTS.has(answer.status) || !answer.location) {
      const retryAfterMs = parseRetryAfter(answer.retryAfter, context.now());
      return { kind: 'response', status: answer.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), ...finalUrl };
    }
    if (hop >= context.maxRedirects) {
      return { kind: 'failed', reason: `too many redirects (more than ${context.maxRedirects})`, retryable: false };
    }
    let next: URL;
    try {
      next = new URL(answer.location, current);
    } catch {
      return { kind: 'failed', reason: `redirects to an invalid URL: ${answer.location}`, retryable: false };
    }
    const target = toTarget(next.href, context.allowPrivateHosts);
    if ('skip' in target) return { kind: 'failed', reason: `redirects to ${next.href}: ${target.skip}`, retryable: false };
    current = next.href;
  }
}

type SingleAnswer =
  | { kind: 'response'; status: number; location: string | null; retryAfter: string | null }
  | Exclude<RequestOutcome, { kind: 'response' }>;

async function requestOnce(url: string, method: Method, context: RequestContext): Promise<SingleAnswer> {
  // The timer starts once the request holds a slot: time spent queueing is not the server's fault.
  return context.limit(async () => {
    if (context.signal?.aborted) return { kind: 'cancelled' };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, context.timeoutMs);
    const cancel = () => controller.abort();
    context.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const response = await context.fetch(url, {
        method,
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': context.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      // Only the status matters; not reading the body would keep the connection busy.
      response.body?.cancel().catch(() => {});
      return { kind: 'response', status: response.status, location: response.headers.get('location'), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      if (context.signal?.aborted) return { kind: 'cancelled' };
      if (timedOut) return { kind: 'failed', reason: `timed out after ${formatDuration(context.timeoutMs)}`, retryable: true };
      const refused = privateAddressIn(error);
      if (refused) return { kind: 'blocked', reason: refused.message };
      return { kind: 'failed', ...describeNetworkError(error) };
    } finally {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', cancel);
    }
  });
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
