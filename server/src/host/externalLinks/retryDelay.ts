/**
 * Milliseconds a `Retry-After` header asks for: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`), RFC 9110 §10.2.3. Undefined when absent or unreadable;
 * a date in the past means "now".
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse also reads "-5" or "2025" as dates; an HTTP date always names its month.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface RetryDelayPolicy {
  backoffBaseMs: number;
  maxRetryDelayMs: number;
}

/**
 * How long to wait before retry number `attempt + 1`, or undefined when the server asked for
 * longer than the cap: waiting minutes for one link is worse than reporting it unverified.
 * Without `Retry-After` the wait doubles each time (no jitter: one client with a few requests
 * per host does not cause the thundering herd jitter is for).
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, policy: RetryDelayPolicy): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryDelayMs ? retryAfterMs : undefined;
  return Math.min(policy.maxRetryDelayMs, policy.backoffBaseMs * 2 ** attempt);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
