import type { Span } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { LinkTargets } from './targets';
import { linkOccurrences } from './occurrences';
import { parseDestination } from './destination';

/** What the opt-in HTTP check said of one URL (the host runs it; the engine only reads answers). */
export interface ExternalVerdict {
  status: 'ok' | 'dead' | 'unreachable' | 'unverified' | 'skipped';
  reason: string;
  httpStatus?: number;
}

export interface ExternalLink {
  url: string;
  span: Span;
}

/**
 * The links of a document that leave the workspace: http(s) URLs that are not malformed and do
 * not resolve to a workspace file (GitHub URLs into repositories that are not checked out stay
 * external). Only these are ever fetched, and only when the user asked for it.
 */
export function externalLinksOf(parsed: ParsedDocument, targets: LinkTargets | undefined): ExternalLink[] {
  const found: ExternalLink[] = [];
  for (const occurrence of linkOccurrences(parsed)) {
    if (!/^https?:\/\//i.test(occurrence.url)) continue;
    const destination = parseDestination(occurrence.url);
    if (destination.type !== 'external' && destination.type !== 'github') continue;
    if (destination.type === 'github' && targets?.get(occurrence.url)) continue;
    found.push({ url: occurrence.url, span: occurrence.span });
  }
  return found;
}
