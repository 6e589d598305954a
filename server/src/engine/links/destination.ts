import { distance } from 'fastest-levenshtein';
import type { Span } from '../types';
import { decodeUriComponent } from '../text/uriText';

/** What a link destination names, read the way GitHub reads it. Offsets are into the URL string. */
export type Destination =
  /** `#anchor` in the same document. */
  | { type: 'fragment'; fragment: string }
  /** `path`, `../path`, `/path` (from the repository root), with an optional query and fragment. */
  | { type: 'path'; path: string; rootRelative: boolean; fragment?: string; pathSpan: Span; bareDomain: boolean }
  /** `https://github.com/OWNER/REPO[/blob|tree|raw|blame/REF/PATH][#fragment]`. */
  | { type: 'github'; owner: string; repo: string; route: GitHubRoute; segments: GitHubSegment[]; fragment?: string }
  /** Anything else with a scheme, or `//host/…`: not a file of the workspace. */
  | { type: 'external' }
  /** A URL written wrongly; the malformed-url rule reports it. */
  | { type: 'malformed'; problem: UrlProblem };

export type GitHubRoute = 'root' | 'blob' | 'tree' | 'raw' | 'blame';

/** One `/`-separated segment after the route, decoded, with where it starts in the URL. */
export interface GitHubSegment {
  name: string;
  start: number;
  end: number;
}

export interface UrlProblem {
  kind: 'whitespace' | 'doubled-scheme' | 'misspelled-scheme';
  message: string;
  /** The URL as it was meant. */
  corrected: string;
}

const GITHUB_URL = /^https?:\/\/(?:www\.)?github\.com\/([^/?#\s]+)\/([^/?#\s]+)(\/[^?#]*)?(\?[^#]*)?(?:#(.*))?$/i;
const RAW_URL = /^https:\/\/raw\.githubusercontent\.com\/([^/?#\s]+)\/([^/?#\s]+)(\/[^?#]*)?(\?[^#]*)?(?:#(.*))?$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FILE_ROUTES = new Set(['blob', 'tree', 'raw', 'blame']);

/**
 * Top-level domains that a relative path's first segment may end with when someone forgot
 * `https://`. File extensions that are also country codes (`.md`, `.sh`, `.rs`, `.py`, `.pl`, `.so`)
 * are left out on purpose: `README.md` is a file.
 */
const DOMAIN_ENDINGS = new Set([
  'com', 'org', 'net', 'io', 'dev', 'app', 'ai', 'co', 'cloud', 'edu', 'gov', 'info', 'me', 'tech', 'site', 'xyz',
  'foundation', 'community', 'cn', 'de', 'uk', 'fr', 'jp', 'eu', 'us', 'ca', 'ly', 'gg', 'tv', 'ch', 'nl',
  'se', 'es', 'kr', 'ru', 'br', 'au', 'page', 'blog', 'news', 'academy',
]);
const BARE_DOMAIN = /^(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,12}))(?::\d+)?(?:[/?#]|$)/i;

const parsedDestinations = new Map<string, Destination>();

/** What a destination names; a document's link rules each ask, so answers are kept (a few thousand). */
export function parseDestination(url: string): Destination {
  let destination = parsedDestinations.get(url);
  if (!destination) {
    destination = readDestination(url);
    if (parsedDestinations.size >= 5_000) parsedDestinations.clear();
    parsedDestinations.set(url, destination);
  }
  return destination;
}

function readDestination(url: string): Destination {
  const problem = urlProblem(url);
  if (problem) return { type: 'malformed', problem };
  if (url.startsWith('#')) return { type: 'fragment', fragment: url.slice(1) };
  const github = GITHUB_URL.exec(url);
  if (github) return githubDestination(url, github, false);
  const raw = RAW_URL.exec(url);
  if (raw) return githubDestination(url, raw, true);
  if (SCHEME.test(url) || url.startsWith('//')) return { type: 'external' };
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const rawPath = query === -1 ? beforeHash : beforeHash.slice(0, query);
  const destination: Destination = {
    type: 'path',
    path: decodeUriComponent(rawPath),
    rootRelative: rawPath.startsWith('/'),
    pathSpan: { start: 0, end: rawPath.length },
    bareDomain: isBareDomain(rawPath),
  };
  if (hash !== -1) destination.fragment = url.slice(hash + 1);
  return destination;
}

function githubDestination(url: string, match: RegExpExecArray, raw: boolean): Destination {
  const [, owner, repoWritten, rest = '', query = '', fragment] = match;
  const repo = repoWritten.replace(/\.git$/i, '');
  const pathStart = url.length - (fragment === undefined ? 0 : fragment.length + 1) - query.length - rest.length;
  const segments: GitHubSegment[] = [];
  let offset = pathStart;
  for (const part of rest.split('/').slice(1)) {
    offset += 1;
    if (part !== '') segments.push({ name: decodeUriComponent(part), start: offset, end: offset + part.length });
    offset += part.length;
  }
  let route: GitHubRoute;
  if (raw) route = 'raw';
  else if (segments.length === 0) route = 'root';
  else if (FILE_ROUTES.has(segments[0].name)) route = segments.shift()!.name as GitHubRoute;
  else return { type: 'external' }; // issues, pulls, releases, wiki…: pages, not files
  const destination: Destination = { type: 'github', owner, repo, route, segments };
  if (fragment !== undefined) destination.fragment = fragment;
  return destination;
}

/** A URL that cannot be what its author meant: white space, `https://` twice, `htps://`. */
export function urlProblem(url: string): UrlProblem | undefined {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed) && /\s/.test(trimmed)) {
    return { kind: 'whitespace', message: 'it holds white space', corrected: repairSpaces(trimmed) };
  }
  const doubled = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*?)(https?:\/\/)/i.exec(trimmed);
  if (doubled) {
    return { kind: 'doubled-scheme', message: `the scheme is written twice ("${doubled[0]}")`, corrected: trimmed.slice(doubled[1].length + doubled[2].length) };
  }
  const scheme = /^([a-z]{2,7})(:?)([/\\]*)(?=[^/\\\s])/i.exec(trimmed);
  if (scheme) {
    const [written, name, colon, slashes] = scheme;
    const lower = name.toLowerCase();
    const isHttp = lower === 'http' || lower === 'https';
    const wellFormed = colon === ':' && slashes === '//';
    const nearHttp = !isHttp && Math.min(distance(lower, 'http'), distance(lower, 'https')) <= 1 && (colon !== '' || slashes.length >= 2);
    if ((isHttp && !wellFormed && (colon !== '' || slashes.length >= 2)) || nearHttp) {
      const intended = `${lower.includes('s') ? 'https' : 'http'}://`;
      return { kind: 'misspelled-scheme', message: `it starts with "${written}", not "${intended}"`, corrected: intended + trimmed.slice(written.length) };
    }
  }
  return undefined;
}

/**
 * A URL with white space in it, as it was meant: beside a `-` or `/` a space is a slip in a slug
 * (`…environments- meeting-the-needs…` in cncf/toc's Harbor proposal) and goes; elsewhere it may be
 * meant (a file name with a space) and is encoded.
 */
export function repairSpaces(url: string): string {
  // Each run of blanks is looked at once: a pattern that backtracks over the run beside `-` or `/`
  // is quadratic in its length (npm run fuzz found 345,716 spaces in one destination).
  const slugSlipsGone = url.replace(/[ \t]+/g, (blanks: string, at: number) => {
    const before = url[at - 1];
    const after = url[at + blanks.length];
    return before === '-' || before === '/' || after === '-' || after === '/' ? '' : blanks;
  });
  return slugSlipsGone.replace(/\s+/g, '%20');
}

/** `sandbox.cncf.io` or `www.example.org/page` written where a URL was meant. */
export function isBareDomain(path: string): boolean {
  const match = BARE_DOMAIN.exec(path);
  if (!match) return false;
  return path.toLowerCase().startsWith('www.') || (DOMAIN_ENDINGS.has(match[2].toLowerCase()) && match[1].split('.').length >= 2);
}

export interface LineAnchor {
  start: number;
  end: number;
}

/** GitHub's line anchors: `L12`, `L12-L20`, `L19C5-L21C11`. */
export function parseLineAnchor(fragment: string): LineAnchor | undefined {
  const match = /^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/.exec(fragment);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return { start: Math.min(start, end), end: Math.max(start, end) };
}
