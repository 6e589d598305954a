import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { describe, test } from 'node:test';
import { checkExternalLinks, type ExternalLinkOptions } from '../../server/src/host/externalLinks';
import { guardedLookup, isPublicAddress, type Resolver } from '../../server/src/host/externalLinks/addresses';
import { toTarget } from '../../server/src/host/externalLinks/targets';
import { startLinkTestServer } from './linkTestServer';

/** A DNS of our own: names the tests made up, each to the loopback address given. */
function resolverOf(names: Record<string, string>, asked: string[] = []): Resolver {
  return (hostname, _options, callback) => {
    asked.push(hostname);
    const address = names[hostname];
    if (!address) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  };
}

const options = (extra: ExternalLinkOptions): ExternalLinkOptions => ({ timeoutMs: 5000, retries: 0, maxRedirects: 3, sleep: async () => {}, ...extra });

describe('private hosts: the address, not the text of the URL, decides', () => {
  test('every reserved range is private, in every IPv6 form that carries an IPv4 address', () => {
    const notPublic = [
      '127.0.0.1', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0',
      '100.64.0.1', '100.127.255.254', '198.18.0.1', '198.19.255.1', '224.0.0.1', '239.255.255.250', '255.255.255.255',
      '192.0.0.1', '192.0.2.1', '198.51.100.1', '203.0.113.1', '240.0.0.1',
      '::', '::1', '::127.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b::a00:1',
      '64:ff9b:1::1', '2002:7f00:1::', '2002:c0a8:101::1', 'fec0::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '2001::1', '100::1',
      'not an address',
    ];
    for (const address of notPublic) assert.equal(isPublicAddress(address), false, address);
    const publicOnes = ['8.8.8.8', '151.101.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'];
    for (const address of publicOnes) assert.equal(isPublicAddress(address), true, address);
  });

  test('URLs that name a reserved address are skipped without a request', () => {
    const urls = ['http://100.64.0.1/', 'http://198.18.0.1/', 'http://224.0.0.1/', 'http://255.255.255.255/', 'http://[::127.0.0.1]/', 'http://[::ffff:0:7f00:1]/', 'http://[64:ff9b::7f00:1]/', 'http://[fec0::1]/', 'http://0x7f.1/', 'http://2130706433/'];
    for (const url of urls) assert.deepEqual(toTarget(url, false), { skip: 'local or private address' }, url);
    assert.deepEqual(toTarget('http://[64:ff9b::808:808]/', false), { fetch: { key: 'http://[64:ff9b::808:808]/', host: '[64:ff9b::808:808]' } });
  });

  test('a name is refused when any of its addresses is private, before any connection', async () => {
    const both: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '8.8.8.8', family: 4 }, { address: '10.1.2.3', family: 4 }]);
    const lookup = guardedLookup(isPublicAddress, both);
    const outcome = await new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((resolve) =>
      lookup('rebound.cncf.io', { all: false }, (error, address) => resolve({ error, address })),
    );
    assert.equal(outcome.error?.message, 'rebound.cncf.io resolves to 10.1.2.3, a local or private address');
    const single = guardedLookup(isPublicAddress, (_h, _o, callback) => callback(null, [{ address: '8.8.8.8', family: 4 }]));
    const answer = await new Promise<unknown[]>((resolve) => single('dns.cncf.io', { all: false }, (...args) => resolve(args)));
    assert.deepEqual(answer, [null, '8.8.8.8', 4]);
  });

  test('a name that resolves to 127.0.0.1 is not connected to; allowPrivateHosts connects', async () => {
    const server = await startLinkTestServer();
    try {
      const url = `http://intranet.cncf.io:${server.port}/ok`;
      const asked: string[] = [];
      const [refused] = await checkExternalLinks([url], options({ resolve: resolverOf({ 'intranet.cncf.io': '127.0.0.1' }, asked) }));
      assert.deepEqual(refused, { url, status: 'skipped', reason: 'intranet.cncf.io resolves to 127.0.0.1, a local or private address' });
      assert.deepEqual(asked, ['intranet.cncf.io'], 'the name was looked up, at connect time');
      assert.deepEqual(server.hits, []);

      const [allowed] = await checkExternalLinks([url], options({ resolve: resolverOf({ 'intranet.cncf.io': '127.0.0.1' }), allowPrivateHosts: true }));
      assert.equal(allowed.status, 'ok');
      assert.deepEqual(server.hits, ['HEAD /ok']);
    } finally {
      await server.close();
    }
  });

  test('a redirect to a name that resolves to a private address is not followed', async () => {
    // Only loopback can be reached here: 127.0.0.2 plays the public site, 127.0.0.1 the reader's own network.
    const site = await startLinkTestServer({ host: '127.0.0.2' });
    const inside = await startLinkTestServer();
    try {
      const names = { 'docs.cncf.io': '127.0.0.2', 'intranet.cncf.io': '127.0.0.1' };
      const hidden = `http://intranet.cncf.io:${inside.port}/ok`;
      const literal = `http://127.0.0.1:${inside.port}/ok`;
      const toName = `http://docs.cncf.io:${site.port}/redirect?to=${encodeURIComponent(hidden)}`;
      const toLiteral = `http://docs.cncf.io:${site.port}/redirect?to=${encodeURIComponent(literal)}`;
      const results = await checkExternalLinks([toName, toLiteral], options({ resolve: resolverOf(names), addressAllowed: (address) => address === '127.0.0.2' }));
      assert.deepEqual(results.map((r) => [r.status, r.reason]), [
        ['unreachable', `redirects to ${hidden}: intranet.cncf.io resolves to 127.0.0.1, a local or private address`],
        ['unreachable', `redirects to ${literal}: local or private address`],
      ]);
      assert.deepEqual(site.hits, ['HEAD /redirect', 'HEAD /redirect']);
      assert.deepEqual(inside.hits, [], 'nothing reached the private server');
    } finally {
      await site.close();
      await inside.close();
    }
  });
});
