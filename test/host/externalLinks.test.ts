import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  checkExternalLinks,
  defaultCacheFile,
  FileCacheStore,
  MemoryCacheStore,
  type CacheStore,
  type ExternalLinkOptions,
  type ExternalLinkResult,
  type FetchLike,
} from '../../server/src/host/externalLinks';
import { parseRetryAfter, retryDelay, sleep } from '../../server/src/host/externalLinks/retryDelay';
import { Semaphore } from '../../server/src/host/externalLinks/semaphore';
import { toTarget } from '../../server/src/host/externalLinks/targets';
import { Barrier, startLinkTestServer, type InFlight, type LinkTestServer, type LinkTestServerOptions } from './linkTestServer';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const HOUR = 3_600_000;

/**
 * Clock-free options: backoff waits are recorded instead of slept. The timeout is generous so a
 * loaded machine cannot turn a slow answer into a failure; only the /hang case shortens it.
 */
function fastOptions(sleeps: number[] = []): ExternalLinkOptions {
  return {
    allowPrivateHosts: true,
    timeoutMs: 5000,
    retries: 2,
    backoffBaseMs: 10,
    maxRedirects: 3,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

async function withServer<T>(run: (server: LinkTestServer) => Promise<T>, options?: LinkTestServerOptions): Promise<T> {
  const server = await startLinkTestServer(options);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

describe('checkExternalLinks against a local server', () => {
  const cases: {
    name: string;
    path: string;
    expected: Omit<ExternalLinkResult, 'url'>;
    /** Requests the server saw; left out where a loaded machine may time out before one arrives. */
    hits?: string[];
    sleeps?: number[];
    options?: ExternalLinkOptions;
  }[] = [
    { name: '200', path: '/ok', expected: { status: 'ok', httpStatus: 200, reason: '200 OK' }, hits: ['HEAD /ok'] },
    {
      name: '301 → 200',
      path: '/moved',
      expected: { status: 'ok', httpStatus: 200, reason: '200 OK', finalUrl: '/ok' },
      hits: ['HEAD /moved', 'HEAD /ok'],
    },
    {
      name: '404 (HEAD, then GET to be sure)',
      path: '/missing',
      expected: { status: 'dead', httpStatus: 404, reason: '404 Not Found' },
      hits: ['HEAD /missing', 'GET /missing'],
    },
    { name: '410', path: '/gone', expected: { status: 'dead', httpStatus: 410, reason: '410 Gone' }, hits: ['HEAD /gone', 'GET /gone'] },
    {
      name: 'HEAD 405, GET 200',
      path: '/no-head',
      expected: { status: 'ok', httpStatus: 200, reason: '200 OK' },
      hits: ['HEAD /no-head', 'GET /no-head'],
    },
    {
      name: '429 with Retry-After in seconds, then 200',
      path: '/busy',
      expected: { status: 'ok', httpStatus: 200, reason: '200 OK' },
      hits: ['HEAD /busy', 'HEAD /busy'],
      sleeps: [2000],
    },
    {
      name: '429 with a Retry-After longer than the cap: no retry, not dead',
      path: '/busy-for-an-hour',
      expected: { status: 'unverified', httpStatus: 429, reason: '429 Too Many Requests' },
      hits: ['HEAD /busy-for-an-hour'],
      sleeps: [],
    },
    {
      name: '503 twice, then 200, with exponential backoff',
      path: '/flaky',
      expected: { status: 'ok', httpStatus: 200, reason: '200 OK' },
      hits: ['HEAD /flaky', 'HEAD /flaky', 'HEAD /flaky'],
      sleeps: [10, 20],
    },
    {
      name: '503 after every retry',
      path: '/down',
      expected: { status: 'unreachable', httpStatus: 503, reason: '503 Service Unavailable (3 attempts)' },
      hits: ['HEAD /down', 'HEAD /down', 'HEAD /down'],
      sleeps: [10, 20],
    },
    {
      name: '403 is not evidence of a dead link',
      path: '/forbidden',
      expected: { status: 'unverified', httpStatus: 403, reason: '403 Forbidden' },
      hits: ['HEAD /forbidden', 'GET /forbidden'],
    },
    {
      name: 'never answers: times out, retried',
      path: '/hang',
      expected: { status: 'unreachable', reason: 'timed out after 100 ms (3 attempts)' },
      sleeps: [10, 20],
      options: { timeoutMs: 100 },
    },
    {
      name: 'redirect loop',
      path: '/loop',
      expected: { status: 'unreachable', reason: 'too many redirects (more than 3)' },
      hits: ['HEAD /loop', 'HEAD /loop', 'HEAD /loop', 'HEAD /loop'],
    },
  ];

  for (const { name, path: route, expected, hits, sleeps, options } of cases) {
    test(name, () =>
      withServer(async (server) => {
        const slept: number[] = [];
        const url = `${server.base}${route}`;
        const [result] = await checkExternalLinks([url], { ...fastOptions(slept), ...options });
        const finalUrl = expected.finalUrl === undefined ? {} : { finalUrl: server.base + expected.finalUrl };
        assert.deepEqual(result, { ...expected, ...finalUrl, url });
        if (hits) assert.deepEqual(server.hits, hits);
        if (sleeps) assert.deepEqual(slept, sleeps);
      }),
    );
  }

  test('Retry-After as an HTTP date', () =>
    withServer(
      async (server) => {
        const slept: number[] = [];
        const [result] = await checkExternalLinks([`${server.base}/busy-until`], fastOptions(slept));
        assert.equal(result!.status, 'ok');
        assert.deepEqual(slept, [3000]);
      },
      { retryAfterDate: new Date(NOW + 3000).toUTCString() },
    ));

  test('connection refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/`;
    assert.deepEqual(await checkExternalLinks([url], fastOptions()), [{ url, status: 'unreachable', reason: 'connection refused' }]);
  });

  test('one request per URL: fragments stripped, duplicates merged, results in input order', () =>
    withServer(async (server) => {
      const urls = [`${server.base}/ok#a`, `${server.base}/missing`, `${server.base}/ok#b`, `${server.base}/ok`];
      const results = await checkExternalLinks(urls, fastOptions());
      assert.deepEqual(
        results.map((r) => [r.url, r.status]),
        urls.map((url) => [url, url.includes('missing') ? 'dead' : 'ok']),
      );
      assert.deepEqual(server.hits.filter((hit) => hit.endsWith('/ok')), ['HEAD /ok']);
    }));

  test('skipped URLs make no request', () =>
    withServer(async (server) => {
      const urls = [
        'mailto:someone@cncf.io',
        'not a url',
        `${server.base}/ok`, // allowPrivateHosts is off below
        `http://localhost:${new URL(server.base).port}/ok`,
        'https://example.com/page',
      ];
      const results = await checkExternalLinks(urls, { ...fastOptions(), allowPrivateHosts: false });
      assert.deepEqual(
        results.map((r) => [r.status, r.reason]),
        [
          ['skipped', 'not an http(s) URL'],
          ['skipped', 'not a valid URL'],
          ['skipped', 'local or private address'],
          ['skipped', 'local or private address'],
          ['skipped', 'reserved example domain'],
        ],
      );
      assert.deepEqual(server.hits, []);
    }));

  test('progress: (0, total) first, then once per distinct URL', () =>
    withServer(async (server) => {
      const calls: [number, number][] = [];
      await checkExternalLinks([`${server.base}/ok`, `${server.base}/ok#x`, `${server.base}/gone`, 'mailto:x@y.z'], {
        ...fastOptions(),
        onProgress: (done, total) => calls.push([done, total]),
      });
      assert.deepEqual(calls, [[0, 2], [1, 2], [2, 2]]);
    }));

  test('a throwing progress callback does not stop the check', () =>
    withServer(async (server) => {
      const [result] = await checkExternalLinks([`${server.base}/ok`], {
        ...fastOptions(),
        onProgress: () => {
          throw new Error('display gone');
        },
      });
      assert.equal(result!.status, 'ok');
    }));
});

describe('concurrency bounds', () => {
  test('per host', () =>
    withServer(
      async (server) => {
        const urls = Array.from({ length: 10 }, (_, i) => `${server.base}/slow?i=${i}`);
        const results = await checkExternalLinks(urls, { ...fastOptions(), concurrency: 8, perHostConcurrency: 2 });
        assert.ok(results.every((r) => r.status === 'ok'));
        assert.equal(server.hits.length, 10);
        assert.equal(server.inFlight.max, 2);
      },
      { barrier: new Barrier(2) },
    ));

  test('overall, across hosts', async () => {
    const shared: InFlight = { now: 0, max: 0 };
    const barrier = new Barrier(3);
    const servers = await Promise.all(Array.from({ length: 4 }, () => startLinkTestServer({ shared, barrier })));
    try {
      const urls = servers.flatMap((server) => Array.from({ length: 5 }, (_, i) => `${server.base}/slow?i=${i}`));
      const results = await checkExternalLinks(urls, { ...fastOptions(), concurrency: 3, perHostConcurrency: 2 });
      assert.ok(results.every((r) => r.status === 'ok'));
      assert.equal(shared.max, 3);
      for (const server of servers) assert.ok(server.inFlight.max <= 2, `${server.inFlight.max} at once on one host`);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});

describe('cancellation', () => {
  test('aborting ends requests in flight and those still queued', { timeout: 5000 }, async () => {
    const controller = new AbortController();
    await withServer(
      async (server) => {
        const urls = [`${server.base}/hang?1`, `${server.base}/hang?2`];
        const results = await checkExternalLinks(urls, { ...fastOptions(), timeoutMs: 60_000, perHostConcurrency: 1, signal: controller.signal });
        assert.deepEqual(results, urls.map((url) => ({ url, status: 'skipped', reason: 'cancelled' })));
        assert.deepEqual(server.hits, ['HEAD /hang']);
      },
      { onRequest: () => controller.abort() },
    );
  });
});

test('many requests and backoff waits at once raise no listener-leak warning', () =>
  withServer(async (server) => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const { sleep: _, ...options } = fastOptions();
      const urls = Array.from({ length: 24 }, (_, i) => `${server.base}/down?${i}`);
      const results = await checkExternalLinks(urls, { ...options, backoffBaseMs: 1, retries: 1, concurrency: 24, perHostConcurrency: 24, signal: new AbortController().signal });
      assert.ok(results.every((r) => r.status === 'unreachable'));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  }));

describe('network failures without a network', () => {
  const failingFetch = (cause: unknown): FetchLike => async () => {
    throw new TypeError('fetch failed', { cause });
  };
  const cases: [string, unknown, string][] = [
    ['host not found', Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.dev'), { code: 'ENOTFOUND' }), 'host not found'],
    [
      'every address refused (happy eyeballs)',
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]),
      'connection refused',
    ],
    ['expired certificate', Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), 'TLS certificate has expired'],
    ['unknown cause', new Error('bad port'), 'request failed: bad port'],
  ];
  for (const [name, cause, reason] of cases) {
    test(name, async () => {
      const url = 'https://no-such-host.dev/page';
      const results = await checkExternalLinks([url], { ...fastOptions(), fetch: failingFetch(cause) });
      assert.deepEqual(results, [{ url, status: 'unreachable', reason }]);
    });
  }

  test('a reset connection is retried', async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      if (++calls === 1) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return new Response(null, { status: 200 });
    };
    const [result] = await checkExternalLinks(['https://cncf.io/'], { ...fastOptions(), fetch });
    assert.equal(result!.status, 'ok');
    assert.equal(calls, 2);
  });
});

describe('cache', () => {
  test('a fresh answer makes no request; an expired one, and a network failure, are asked again', () =>
    withServer(async (server) => {
      const store = new MemoryCacheStore();
      const urls = ['/ok', '/missing', '/forbidden', '/down'].map((route) => server.base + route);
      const at = (time: number): ExternalLinkOptions => ({ ...fastOptions(), retries: 0, cache: store, cacheMaxAgeHours: 24, now: () => time });

      const first = await checkExternalLinks(urls, at(NOW));
      assert.deepEqual(first.map((r) => r.status), ['ok', 'dead', 'unverified', 'unreachable']);
      const afterFirst = server.hits.length;

      const second = await checkExternalLinks(urls, at(NOW + 23 * HOUR));
      assert.deepEqual(second.slice(0, 3), first.slice(0, 3).map((r) => ({ ...r, fromCache: true })));
      assert.deepEqual(server.hits.slice(afterFirst), ['HEAD /down']);

      await checkExternalLinks(urls, at(NOW + 25 * HOUR));
      assert.deepEqual(server.hits.slice(afterFirst + 1).filter((hit) => hit.startsWith('HEAD')).sort(), [
        'HEAD /down',
        'HEAD /forbidden',
        'HEAD /missing',
        'HEAD /ok',
      ]);
    }));

  test('expired entries are pruned on save', () =>
    withServer(async (server) => {
      const store = new MemoryCacheStore();
      await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: store });
      await checkExternalLinks([`${server.base}/gone`], { ...fastOptions(), cache: store, now: () => NOW + 25 * HOUR });
      assert.deepEqual([...store.keys()], [`${server.base}/gone`]);
    }));

  test('a file cache survives into a new store object', () =>
    withTempDir((dir) =>
      withServer(async (server) => {
        const file = path.join(dir, 'nested', 'links.json');
        await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: new FileCacheStore(file) });
        assert.equal(server.hits.length, 1);

        const [result] = await checkExternalLinks([`${server.base}/ok#later`], { ...fastOptions(), cache: new FileCacheStore(file) });
        assert.deepEqual(result, { url: `${server.base}/ok#later`, status: 'ok', httpStatus: 200, reason: '200 OK', fromCache: true });
        assert.equal(server.hits.length, 1);
        assert.deepEqual(await fs.readdir(path.dirname(file)), ['links.json'], 'no temporary file left behind');
        assert.equal(JSON.parse(await fs.readFile(file, 'utf8')).version, 1);
      }),
    ));

  const unusable: [string, string][] = [
    ['truncated JSON', '{"version": 1, "entries": {'],
    ['binary', '\u0000\u0001\u0002'],
    ['another format', '{"version": 99, "entries": {}}'],
    ['a list', '[1, 2, 3]'],
  ];
  for (const [name, text] of unusable) {
    test(`a corrupt cache file (${name}) starts empty and is replaced`, () =>
      withTempDir((dir) =>
        withServer(async (server) => {
          const file = path.join(dir, 'links.json');
          await fs.writeFile(file, text);
          const store = new FileCacheStore(file);
          const [result] = await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: store });
          assert.equal(result!.status, 'ok');
          assert.equal(server.hits.length, 1);
          const saved = JSON.parse(await fs.readFile(file, 'utf8'));
          assert.deepEqual(Object.keys(saved.entries), [`${server.base}/ok`]);
        }),
      ));
  }

  test('a cache entry of the wrong shape is ignored', () =>
    withTempDir((dir) =>
      withServer(async (server) => {
        const file = path.join(dir, 'links.json');
        await fs.writeFile(file, JSON.stringify({ version: 1, entries: { [`${server.base}/ok`]: { status: 'maybe' } } }));
        const [result] = await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: new FileCacheStore(file) });
        assert.equal(result!.fromCache, undefined);
        assert.equal(server.hits.length, 1);
      }),
    ));

  test('a cache that cannot be saved does not fail the check', () =>
    withTempDir((dir) =>
      withServer(async (server) => {
        const blocker = path.join(dir, 'a-file');
        await fs.writeFile(blocker, '');
        const store = new FileCacheStore(path.join(blocker, 'links.json'));
        const [result] = await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: store });
        assert.equal(result!.status, 'ok');
        assert.match(store.problem ?? '', /could not save/);
      }),
    ));

  test('a store that throws everywhere does not fail the check', () =>
    withServer(async (server) => {
      const fail = () => {
        throw new Error('broken store');
      };
      const store: CacheStore = { load: async () => fail(), save: async () => fail(), get: fail, set: fail, delete: fail, keys: fail };
      const [result] = await checkExternalLinks([`${server.base}/ok`], { ...fastOptions(), cache: store });
      assert.equal(result!.status, 'ok');
    }));
});

describe('parts', () => {
  test('parseRetryAfter', () => {
    assert.equal(parseRetryAfter('120', NOW), 120_000);
    assert.equal(parseRetryAfter(' 0 ', NOW), 0);
    assert.equal(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW), 5000);
    assert.equal(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW), 0);
    assert.equal(parseRetryAfter('soon', NOW), undefined);
    assert.equal(parseRetryAfter('-5', NOW), undefined);
    assert.equal(parseRetryAfter(null, NOW), undefined);
  });

  test('retryDelay doubles up to the cap and refuses a Retry-After beyond it', () => {
    const policy = { backoffBaseMs: 500, maxRetryDelayMs: 3000 };
    assert.deepEqual([0, 1, 2, 3, 4].map((attempt) => retryDelay(attempt, undefined, policy)), [500, 1000, 2000, 3000, 3000]);
    assert.equal(retryDelay(0, 2500, policy), 2500);
    assert.equal(retryDelay(0, 3001, policy), undefined);
  });

  test('toTarget', () => {
    const cases: [string, ReturnType<typeof toTarget>][] = [
      ['https://GitHub.com/cncf/toc#readme', { fetch: { key: 'https://github.com/cncf/toc', host: 'github.com' } }],
      ['https://github.com:443/cncf/toc#', { fetch: { key: 'https://github.com/cncf/toc', host: 'github.com' } }],
      ['http://10.1.2.3/', { skip: 'local or private address' }],
      ['http://172.20.0.1/', { skip: 'local or private address' }],
      ['http://172.32.0.1/', { fetch: { key: 'http://172.32.0.1/', host: '172.32.0.1' } }],
      ['http://192.168.1.1/', { skip: 'local or private address' }],
      ['http://[::1]:8080/', { skip: 'local or private address' }],
      ['http://[fd12:3456::1]/', { skip: 'local or private address' }],
      ['http://[::ffff:127.0.0.1]/', { skip: 'local or private address' }],
      ['http://intranet/wiki', { skip: 'local or private address' }],
      ['http://printer.local/', { skip: 'local or private address' }],
      ['https://docs.example.org/', { skip: 'reserved example domain' }],
      ['https://site.test/', { skip: 'reserved example domain' }],
      ['https://user:pw@github.com/', { skip: 'URL holds credentials' }],
      ['ftp://ftp.cncf.io/', { skip: 'not an http(s) URL' }],
    ];
    for (const [url, expected] of cases) assert.deepEqual(toTarget(url, false), expected, url);
  });

  test('defaultCacheFile per platform', () => {
    assert.equal(defaultCacheFile({}, 'linux', '/home/ann'), '/home/ann/.cache/govmd/external-links.json');
    assert.equal(defaultCacheFile({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ann'), '/xdg/govmd/external-links.json');
    assert.equal(defaultCacheFile({}, 'darwin', '/Users/ann'), '/Users/ann/Library/Caches/govmd/external-links.json');
    assert.equal(defaultCacheFile({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann'), 'C:\\Users\\ann\\AppData\\Local\\govmd\\external-links.json');
  });

  test('sleep ends early when its signal aborts', { timeout: 5000 }, async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await waiting;
    await sleep(60_000, controller.signal);
  });

  test('Semaphore never exceeds its limit', async () => {
    const semaphore = new Semaphore(3);
    let now = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        semaphore.run(async () => {
          max = Math.max(max, ++now);
          await new Promise((resolve) => setImmediate(resolve));
          now--;
        }),
      ),
    );
    assert.equal(max, 3);
    assert.ok(semaphore.idle);
  });
});

async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govmd-links-'));
  try {
    return await run(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
