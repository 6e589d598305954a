import net from 'node:net';
import { isPublicAddress } from './addresses';

export interface FetchTarget {
  /** The URL without its fragment: what is fetched, cached and deduplicated. */
  key: string;
  /** `name:port` as written (default ports left out): the per-host concurrency bucket. */
  host: string;
}

export type Target = { fetch: FetchTarget } | { skip: string };

/**
 * Decides whether a URL is fetched at all. Fragments never reach a server, so `#a` and `#b` of
 * one page are one request (their anchors are another rule's business).
 */
export function toTarget(raw: string, allowPrivateHosts: boolean): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { skip: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { skip: 'not an http(s) URL' };
  // fetch refuses these, and a document should not hold them anyway.
  if (url.username || url.password) return { skip: 'URL holds credentials' };
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isReservedExampleName(hostname)) return { skip: 'reserved example domain' };
  if (!allowPrivateHosts && isLocalName(hostname)) return { skip: 'local or private address' };
  url.hash = '';
  return { fetch: { key: url.href, host: url.host } };
}

/** RFC 2606 / RFC 6761 names that exist only for documentation and tests. */
function isReservedExampleName(hostname: string): boolean {
  return /(^|\.)example\.(com|net|org)$/.test(hostname) || /(^|\.)(example|test|invalid)$/.test(hostname);
}

function isLocalName(hostname: string): boolean {
  if (net.isIP(hostname)) return !isPublicAddress(hostname);
  // A name without a dot only resolves through the local network's search domains.
  if (!hostname.includes('.')) return true;
  return /(^|\.)(localhost|local|internal|home\.arpa)$/.test(hostname);
}
