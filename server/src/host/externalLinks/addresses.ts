import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is on the public internet. Everything else — loopback, private and
 * carrier-grade NAT networks, link-local, multicast, broadcast, benchmarking, documentation and
 * other reserved ranges, IPv6 site-local and unique-local — belongs to the reader's own machine
 * or network, and a link in a document must not make us knock on it. IPv6 forms that carry an
 * IPv4 address (mapped `::ffff:a.b.c.d`, `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4
 * `2002:AABB:CCDD::`) are judged by that IPv4 address: DNS64 hands such names to IPv6-only hosts.
 */
export function isPublicAddress(text: string): boolean {
  if (!ipaddr.isValid(text)) return false;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded !== undefined) return embedded !== null && embedded.range() === 'unicast';
  // Only 2000::/3 is handed out for the internet; the rest (`::a.b.c.d` among it) is reserved.
  return v6.range() === 'unicast' && (v6.parts[0]! & 0xe000) === 0x2000;
}

/** The IPv4 address an IPv6 one carries; null when it is of an embedding range we do not route to. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null | undefined {
  const parts = address.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromWords(parts[6]!, parts[7]!);
    case 'rfc6052':
      // Only the well-known prefix 64:ff9b::/96 carries a global IPv4 address; 64:ff9b:1::/48 is local use.
      return parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0) ? fromWords(parts[6]!, parts[7]!) : null;
    case '6to4':
      return fromWords(parts[1]!, parts[2]!);
    default:
      return undefined;
  }
}

/** A connection refused before it was made: the name resolved to an address of the reader's own network. */
export class PrivateAddressError extends Error {
  readonly code = 'EGOVMD_PRIVATE_ADDRESS';

  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname === address ? address : `${hostname} resolves to ${address}`}, a local or private address`);
  }
}

export type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets that refuses a name when any of its addresses fails `allowed`, so the
 * decision is made on what the connection will really reach — not on the URL's text, which a DNS
 * record (or a redirect to a name with one) can point anywhere. Every address is judged, not only
 * the one tried first: Node may try them all.
 */
export function guardedLookup(allowed: (address: string) => boolean, resolve: Resolver = dns.lookup as Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => !allowed(entry.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address) as NodeJS.ErrnoException, []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
