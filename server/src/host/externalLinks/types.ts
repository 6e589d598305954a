import type { CacheStore } from './cacheStore';
import type { Resolver } from './addresses';

/**
 * - `ok`: the page answered 2xx, or a redirect chain ended in 2xx/3xx.
 * - `dead`: the server said the page is not there (404 Not Found, 410 Gone).
 * - `unreachable`: no answer about the page — host not found, connection refused, timed out, a
 *   TLS error, too many redirects, or still 5xx after the retries.
 * - `unverified`: the server answered but would not say whether the page exists (401, 403, 429
 *   after the retries, other 4xx). Many sites send these to every client that is not a browser,
 *   so they are no evidence that a link is broken, and they are not reported as dead.
 * - `skipped`: not fetched — not an http(s) URL, a local or reserved example address (written
 *   as one, or a name that resolves to one), or the run
 *   was cancelled.
 */
export type ExternalLinkStatus = 'ok' | 'dead' | 'unreachable' | 'unverified' | 'skipped';

export interface ExternalLinkResult {
  /** The URL exactly as it was asked for, fragment included. */
  url: string;
  status: ExternalLinkStatus;
  /** The status code of the last response, when there was one. */
  httpStatus?: number;
  /** One line for a person: "404 Not Found", "timed out after 10 s", "host not found". */
  reason: string;
  /** Where the redirects ended, when the URL redirected. */
  finalUrl?: string;
  /** Set when the answer came from the cache and no request was made. */
  fromCache?: true;
}

/** What the checker reads of an answer: a `Response` of the global `fetch` fits. */
export interface HttpAnswer {
  status: number;
  headers: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
}

/** The part of `fetch` the checker uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<HttpAnswer>;

export interface ExternalLinkOptions {
  /**
   * Replaces the checker's own HTTP client, and with it the address check at connect time (tests
   * that simulate network failures).
   */
  fetch?: FetchLike;
  /** Resolves host names for the checker's HTTP client; `dns.lookup` by default (tests inject names). */
  resolve?: Resolver;
  /**
   * Which resolved addresses may be connected to; public ones by default, every one with
   * `allowPrivateHosts`. Tests that can only reach loopback name the one address they allow.
   */
  addressAllowed?: (address: string) => boolean;
  /** Per request (each redirect hop, each retry), until the response headers arrive. */
  timeoutMs?: number;
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** URLs of one host (`name:port`) being checked at once. */
  perHostConcurrency?: number;
  /** Extra attempts after a 429, a 5xx or a transient network failure. */
  retries?: number;
  /** How long a cached answer stays fresh. */
  cacheMaxAgeHours?: number;
  /** Where answers persist between runs; without it every URL is fetched. */
  cache?: CacheStore;
  /** Called with (0, total) at the start, then after each distinct URL is settled. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the whole run: unsettled URLs come back `skipped` with the reason "cancelled". */
  signal?: AbortSignal;
  /** Redirects followed before a URL counts as unreachable. */
  maxRedirects?: number;
  /** First retry waits this long, each next one twice as long (unless `Retry-After` says). */
  backoffBaseMs?: number;
  /** No retry waits longer; a `Retry-After` beyond it ends the retries at once. */
  maxRetryDelayMs?: number;
  /**
   * Fetch loopback, private-network and link-local addresses too. Off by default: a link to
   * `http://localhost:8080` in a document is an example, and checking it would poke at services
   * on the reader's own machine or network.
   */
  allowPrivateHosts?: boolean;
  userAgent?: string;
  /** Injected by tests so that backoff costs no time; must end early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected by tests to age the cache and to read `Retry-After` dates. */
  now?: () => number;
}
