import { STATUS_CODES } from 'node:http';
import { requestFollowingRedirects, type Method, type RequestContext, type RequestOutcome } from './requestUrl';
import { retryDelay, type RetryDelayPolicy } from './retryDelay';
import type { ExternalLinkResult } from './types';

export type Verdict = Omit<ExternalLinkResult, 'url' | 'fromCache'>;

export interface ProbeContext extends RequestContext, RetryDelayPolicy {
  retries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const CANCELLED: Verdict = { status: 'skipped', reason: 'cancelled' };

/**
 * Asks for one URL until the answer is final: HEAD first (no body to send), GET when the server
 * refuses HEAD, and a few more attempts — with backoff — while the answer is 429, a 5xx or a
 * network hiccup.
 */
export async function probeUrl(url: string, context: ProbeContext): Promise<Verdict> {
  let method: Method = 'HEAD';
  for (let attempt = 0; ; attempt++) {
    let outcome = await requestFollowingRedirects(url, method, context);
    if (outcome.kind === 'response' && method === 'HEAD' && refusesHead(outcome.status)) {
      method = 'GET';
      outcome = await requestFollowingRedirects(url, method, context);
    }
    if (outcome.kind === 'cancelled') return CANCELLED;
    if (outcome.kind === 'blocked') return { status: 'skipped', reason: outcome.reason };
    if (attempt < context.retries && isTransient(outcome)) {
      const wait = retryDelay(attempt, outcome.kind === 'response' ? outcome.retryAfterMs : undefined, context);
      if (wait !== undefined) {
        await context.sleep(wait, context.signal);
        if (context.signal?.aborted) return CANCELLED;
        continue;
      }
    }
    return judge(outcome, attempt + 1);
  }
}

/**
 * Servers that do not implement HEAD answer it with 405 or 501, and many answer 400, 403, 404 or
 * 500 to HEAD while serving GET fine. 429 is about the rate, not the method; 502–504 are about
 * the server, and GET would not fare better.
 */
function refusesHead(status: number): boolean {
  return (status >= 400 && status < 500 && status !== 429) || status === 500 || status === 501;
}

type Settled = Exclude<RequestOutcome, { kind: 'cancelled' } | { kind: 'blocked' }>;

function isTransient(outcome: Settled): boolean {
  if (outcome.kind === 'failed') return outcome.retryable;
  return outcome.status === 429 || (outcome.status >= 500 && outcome.status !== 501);
}

function judge(outcome: Settled, attempts: number): Verdict {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  if (outcome.kind === 'failed') return { status: 'unreachable', reason: outcome.reason + tries };
  const { status } = outcome;
  const finalUrl = outcome.finalUrl === undefined ? {} : { finalUrl: outcome.finalUrl };
  const answer = { httpStatus: status, reason: `${status} ${STATUS_CODES[status] ?? 'Unknown Status'}` };
  if (status >= 200 && status < 400) return { status: 'ok', ...answer, ...finalUrl };
  if (status === 404 || status === 410) return { status: 'dead', ...answer, ...finalUrl };
  if (status >= 500) return { status: 'unreachable', ...answer, reason: answer.reason + tries, ...finalUrl };
  return { status: 'unverified', ...answer, reason: answer.reason + tries, ...finalUrl };
}
