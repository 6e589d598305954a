// The external link checker: the one part of the project that uses the network, and only when
// a host calls `checkExternalLinks` because the user opted in.
export { checkExternalLinks, EXTERNAL_LINK_DEFAULTS, DEFAULT_USER_AGENT } from './checkExternalLinks';
export type { ExternalLinkOptions, ExternalLinkResult, ExternalLinkStatus, FetchLike } from './types';
export { MemoryCacheStore, type CacheStore, type JsonValue } from './cacheStore';
export { FileCacheStore, defaultCacheFile } from './fileCacheStore';
