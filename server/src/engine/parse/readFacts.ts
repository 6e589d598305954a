import { extractFacts, type ChunkFacts } from './facts';
import { lezerMdast } from './lezerMdast';

/**
 * The facts of a chunk of Markdown, read with @lezer/markdown: what remark-parse + remark-gfm +
 * remark-frontmatter give (test/oracle/remark.ts; test/engine/parse/readFacts.test.ts holds the
 * two equal). `fallbackAt`: where an autolink literal whose place cannot be found goes
 * (`locateUnpositioned`).
 */
export function readFacts(source: string, fallbackAt?: (offset: number) => number): ChunkFacts {
  return extractFacts(lezerMdast(source, fallbackAt), source);
}
