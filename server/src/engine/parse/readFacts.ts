import { extractFacts, type ChunkFacts } from './facts';
import { lezerMdast } from './lezerMdast';

/** The facts of a chunk of Markdown, read with @lezer/markdown: what `extractFacts(parseMarkdown(source), source)` gives. */
export function readFacts(source: string): ChunkFacts {
  return extractFacts(lezerMdast(source), source);
}
