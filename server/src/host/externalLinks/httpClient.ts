import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { guardedLookup, PrivateAddressError, type Resolver } from './addresses';
import type { FetchLike } from './types';

export interface HttpClient {
  fetch: FetchLike;
  /** Closes the kept-alive connections, so that a finished run does not hold the process open. */
  close(): void;
}

/**
 * The checker's own HTTP client on node:http(s): every socket it opens resolves its name through
 * `guardedLookup`, so the address is vetted at connect time — for the first request and for
 * every redirect alike, and whatever a DNS record says between two requests. Only the status and
 * the headers are read; a body is never downloaded.
 */
export function createHttpClient(allowed: (address: string) => boolean, resolve?: Resolver): HttpClient {
  const lookup = guardedLookup(allowed, resolve);
  const agentOptions = { keepAlive: true, lookup } as http.AgentOptions;
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  const fetch: FetchLike = (url, init) =>
    new Promise((resolveAnswer, reject) => {
      const target = new URL(url);
      const protocol = target.protocol as 'http:' | 'https:';
      // Sockets to an address literal skip the lookup: the literal is judged here instead.
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(literal) && !allowed(literal)) return reject(new PrivateAddressError(literal, literal));
      const transport = protocol === 'https:' ? https : http;
      const request = transport.request(
        target,
        {
          method: init.method ?? 'GET',
          headers: init.headers as Record<string, string>,
          agent: agents[protocol],
          lookup,
          ...(init.signal ? { signal: init.signal } : {}),
        } as http.RequestOptions,
        (response) => {
          const headers = response.headers;
          // A HEAD answer has no body and its connection can serve the next request; a GET body is not wanted.
          if (init.method === 'HEAD') response.resume();
          else response.destroy();
          resolveAnswer({
            status: response.statusCode ?? 0,
            headers: {
              get: (name: string) => {
                const value = headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
          });
        },
      );
      request.on('error', reject);
      request.end();
    });

  return {
    fetch,
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
