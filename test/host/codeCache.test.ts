import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';

// The built bundles (`npm test` builds first): what bin/govmd.js loads.
const OUT = nodePath.resolve(__dirname, '../../server/out');
const CODE_CACHE = nodePath.resolve(__dirname, '../../server/src/host/codeCache.ts');
const V8_TUNING = nodePath.resolve(__dirname, '../../server/src/host/v8Tuning.ts');

/** Loads a CLI bundle in a process of its own, as the launcher does (V8's settings first), and says whether its cache was used and what `govmd --version` printed. */
function loadInChild(bundle: string): { fromCache: boolean; version: string } {
  const script = `
    const { tuneForCli } = require(${JSON.stringify(V8_TUNING)});
    const { loadBundle } = require(${JSON.stringify(CODE_CACHE)});
    tuneForCli();
    const loaded = loadBundle(${JSON.stringify(bundle)});
    let version = '';
    loaded.exports.main(['--version'], { cwd: process.cwd(), out: (text) => { version += text; }, err: () => {} })
      .then(() => console.log(JSON.stringify({ fromCache: loaded.fromCache, version })));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

test("govmd's bundle is compiled from the code cache its build made, under the settings the launcher sets", () => {
  // Refused when the flags differ from the cache's (set after the bundle was loaded), V8 compiles it all again, silently.
  const loaded = loadInChild(nodePath.join(OUT, 'cli.js'));
  assert.deepEqual(loaded, { fromCache: true, version: JSON.parse(readFileSync(nodePath.resolve(__dirname, '../../package.json'), 'utf8')).version });
});

test('a code cache with a byte changed is not used, and the bundle still runs', () => {
  const folder = mkdtempSync(nodePath.join(tmpdir(), 'govmd-code-cache-'));
  try {
    const bundle = nodePath.join(folder, 'cli.js');
    copyFileSync(nodePath.join(OUT, 'cli.js'), bundle);
    // Given to V8, a cache with its code changed crashed the process (a segmentation fault).
    const cache = readFileSync(nodePath.join(OUT, 'cli.js.codecache'));
    for (let at = 100_000; at < cache.length; at += 30_000) cache[at] ^= 0xff;
    writeFileSync(`${bundle}.codecache`, cache);
    const loaded = loadInChild(bundle);
    assert.equal(loaded.fromCache, false);
    assert.match(loaded.version, /^\d+\.\d+\.\d+/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a code cache made from another text of the bundle is not used, and the bundle still runs', () => {
  const folder = mkdtempSync(nodePath.join(tmpdir(), 'govmd-code-cache-'));
  try {
    const bundle = nodePath.join(folder, 'cli.js');
    // One character of a comment changed: the same length, which is all V8 itself compares.
    const text = readFileSync(nodePath.join(OUT, 'cli.js'), 'utf8');
    const at = text.indexOf('// server/src/cli.ts');
    assert.notEqual(at, -1);
    writeFileSync(bundle, `${text.slice(0, at)}// server/src/cli.tz${text.slice(at + '// server/src/cli.ts'.length)}`);
    copyFileSync(nodePath.join(OUT, 'cli.js.codecache'), `${bundle}.codecache`);
    const loaded = loadInChild(bundle);
    assert.equal(loaded.fromCache, false);
    assert.match(loaded.version, /^\d+\.\d+\.\d+/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
