import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Requests in flight, counted across every server that shares the object. */
export interface InFlight {
  now: number;
  max: number;
}

export interface LinkTestServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  /** Every request as `METHOD /path`, in arrival order. */
  hits: string[];
  /** This server's own in-flight counts. */
  inFlight: InFlight;
  close(): Promise<void>;
}

/**
 * Holds `/slow` requests until `size` of them wait at once, then answers them all, so that a
 * concurrency bound shows up as an exact maximum rather than as luck. A request no others join
 * is answered after `fallbackMs` (the last few of a run).
 */
export class Barrier {
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly fallbackMs = 250,
  ) {}

  hold(release: () => void): void {
    this.held.push(release);
    if (this.held.length >= this.size) {
      for (const waiting of this.held.splice(0)) waiting();
      return;
    }
    setTimeout(() => {
      const index = this.held.indexOf(release);
      if (index >= 0) this.held.splice(index, 1)[0]!();
    }, this.fallbackMs);
  }
}

export interface LinkTestServerOptions {
  /** Where `/slow` requests wait; may be shared by several servers. */
  barrier?: Barrier;
  /** Also counts this server's requests into a counter shared with other servers. */
  shared?: InFlight;
  /** The `Retry-After` date `/busy-until` sends. */
  retryAfterDate?: string;
  onRequest?: (hit: string) => void;
  /** The loopback address to listen on; 127.0.0.1 by default. */
  host?: string;
}

/**
 * A web server on 127.0.0.1 with one route per kind of answer the checker must understand.
 * Routes that change their answer count earlier requests to the same path (any method).
 */
export async function startLinkTestServer(options: LinkTestServerOptions = {}): Promise<LinkTestServer> {
  const hits: string[] = [];
  const seenByPath = new Map<string, number>();
  const inFlight: InFlight = { now: 0, max: 0 };
  const counters = [inFlight, ...(options.shared ? [options.shared] : [])];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const seen = seenByPath.get(path) ?? 0;
    seenByPath.set(path, seen + 1);
    const hit = `${req.method} ${path}`;
    hits.push(hit);
    for (const counter of counters) counter.max = Math.max(counter.max, ++counter.now);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const counter of counters) counter.now--;
    };
    res.on('close', finish);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `<p>${status}</p>`);
    };
    options.onRequest?.(hit);

    switch (path) {
      case '/ok':
        return send(200);
      case '/moved':
        return send(301, { location: '/ok' });
      case '/redirect':
        return send(302, { location: url.searchParams.get('to') ?? '/ok' });
      case '/loop':
        return send(302, { location: '/loop' });
      case '/missing':
        return send(404);
      case '/gone':
        return send(410);
      case '/forbidden':
        return send(403);
      case '/no-head':
        return send(req.method === 'HEAD' ? 405 : 200);
      case '/busy':
        return seen === 0 ? send(429, { 'retry-after': '2' }) : send(200);
      case '/busy-until':
        return seen === 0 ? send(429, { 'retry-after': options.retryAfterDate ?? '' }) : send(200);
      case '/busy-for-an-hour':
        return send(429, { 'retry-after': '3600' });
      case '/flaky':
        return seen < 2 ? send(503) : send(200);
      case '/down':
        return send(503);
      case '/hang':
        return; // never answers
      case '/slow':
        return options.barrier ? options.barrier.hold(() => send(200)) : send(200);
      default:
        return send(404);
    }
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${host}:${port}`,
    port,
    hits,
    inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
