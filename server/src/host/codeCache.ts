import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import { Script } from 'node:vm';

/** A bundle as `loadBundle` compiled and ran it. */
export interface LoadedBundle {
  exports: Record<string, unknown>;
  script: Script;
  /** Whether V8 took its code from the cache beside the bundle rather than compiling the bundle again. */
  fromCache: boolean;
}

/**
 * Where a bundle's code cache is: beside it, the SHA-1 of the bundle's text and of the cache's
 * code first (`HASH_LENGTH` bytes), then the code.
 */
const cacheFileOf = (bundle: string) => `${bundle}.codecache`;
const HASH_LENGTH = 20;

/**
 * Loads a CommonJS bundle as `require` would, with the code V8 compiled for it taken from its code
 * cache when the cache was made from this very text and is whole (`writeCodeCache`). V8 itself
 * checks only the text's length, the code's length, its own version and its flags, and compiles
 * anew when one of them differs: a cache of another text of the same length would run that text's
 * code, and one with a byte changed crashed the process (a segmentation fault). The flags count: a
 * cache made after `setFlagsFromString` is refused by a process that sets them after loading, so a
 * launcher sets them first.
 */
export function loadBundle(bundle: string, options: { cache?: boolean } = {}): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const cachedData = options.cache === false ? undefined : cacheOf(bundle, source);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const loaded = new Module(bundle);
  loaded.filename = bundle;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(loaded.exports, loaded.exports, createRequire(bundle), loaded, bundle, nodePath.dirname(bundle));
  return { exports: loaded.exports as Record<string, unknown>, script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code V8 holds for a bundle's script, functions compiled since it ran included, beside the bundle. */
export function writeCodeCache(bundle: string, script: Script): void {
  const code = script.createCachedData();
  writeFileSync(cacheFileOf(bundle), Buffer.concat([hashOf(readFileSync(bundle, 'utf8'), code), code]));
}

function cacheOf(bundle: string, source: string): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFileOf(bundle));
  } catch {
    return undefined;
  }
  const code = cache.subarray(HASH_LENGTH);
  return cache.length > HASH_LENGTH && cache.subarray(0, HASH_LENGTH).equals(hashOf(source, code)) ? code : undefined;
}

/** 3 MB hashed: about 3 ms of a run. */
function hashOf(source: string, code: Uint8Array): Buffer {
  return createHash('sha1').update(source).update(code).digest();
}
