import net from 'node:net';

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
  switch (net.isIP(hostname)) {
    case 4:
      return isPrivateIPv4(hostname);
    case 6:
      return isPrivateIPv6(hostname);
  }
  // A name without a dot only resolves through the local network's search domains.
  if (!hostname.includes('.')) return true;
  return /(^|\.)(localhost|local|internal|home\.arpa)$/.test(hostname);
}

function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

function isPrivateIPv6(address: string): boolean {
  if (address === '::' || address === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d, which URL writes as ::ffff:7f00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return isPrivateIPv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  // fc00::/7 unique local, fe80::/10 link-local.
  return /^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address);
}
