import type { Span } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { SpanEdit } from '../rules/rule';

/** One destination written in a document: an inline link, autolink or image, or a definition. */
export interface LinkOccurrence {
  /** What a finding about it points at: the whole link or definition. */
  span: Span;
  url: string;
  /** The destination as written, when it reads exactly as `url` (so fixes may edit it). */
  destination?: Span;
  definition: boolean;
}

/**
 * Where each destination is written. Reference links are left out: their destination is their
 * definition's, which is an occurrence of its own (one finding per place to fix), when some
 * reference uses it.
 */
export function linkOccurrences(parsed: ParsedDocument): readonly LinkOccurrence[] {
  let found = cache.get(parsed);
  if (!found) {
    found = collectOccurrences(parsed);
    cache.set(parsed, found);
  }
  return found;
}

const cache = new WeakMap<ParsedDocument, LinkOccurrence[]>();

function collectOccurrences(parsed: ParsedDocument): LinkOccurrence[] {
  const found: LinkOccurrence[] = [];
  const add = (span: Span, url: string, destination: Span | undefined, definition: boolean) => {
    const occurrence: LinkOccurrence = { span, url, definition };
    if (destination && parsed.text.slice(destination.start, destination.end) === url) occurrence.destination = destination;
    found.push(occurrence);
  };
  for (const link of parsed.links) if (link.kind !== 'reference') add(link.span, link.url, link.destination, false);
  // A definition no reference uses renders nothing: GitHub draws no link from it.
  const used = new Set(parsed.links.flatMap((link) => (link.kind === 'reference' && link.identifier !== undefined ? [link.identifier] : [])));
  for (const definition of parsed.definitions) if (used.has(definition.identifier)) add(definition.span, definition.url, definition.destination, true);
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** An edit of part of the URL (offsets into `occurrence.url`), or undefined when the URL as written differs from its value. */
export function editInUrl(occurrence: LinkOccurrence, part: Span, newText: string): SpanEdit | undefined {
  if (!occurrence.destination) return undefined;
  const base = occurrence.destination.start;
  return { span: { start: base + part.start, end: base + part.end }, newText };
}

/** Where the fragment (after `#`) is written in a URL. */
export function fragmentSpan(url: string): Span | undefined {
  const hash = url.indexOf('#');
  return hash === -1 ? undefined : { start: hash + 1, end: url.length };
}
