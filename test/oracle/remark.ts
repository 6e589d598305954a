import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { locateUnpositioned } from '../../server/src/engine/parse/positions';
import { boundAutolinkLiterals } from './autolinkLiterals';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(withBoundedAutolinkLiterals);

/** Runs after remark-gfm: its autolink literals, without their quadratic lookback (autolinkLiterals.ts). */
function withBoundedAutolinkLiterals(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map(boundAutolinkLiterals);
}

/**
 * The oracle the engine's reader (parse/readFacts.ts) is held to: remark-parse + remark-gfm +
 * remark-frontmatter, as the engine used them before it read Markdown with lezer.
 *
 * Parses Markdown into an mdast tree whose positions are offsets into `text`. `fallbackAt`: where a
 * node whose place cannot be found goes (`locateUnpositioned`).
 */
export function parseMarkdown(text: string, fallbackAt?: (offset: number) => number): Root {
  // micromark drops a byte order mark that opens its input and counts offsets from after it. A
  // chunk may open with one that is text in the document: a mark of our own in front is the one
  // dropped, so the chunk's mark stays text and offsets stay the chunk's.
  const root = processor.parse(text.charCodeAt(0) === 0xfeff ? `\ufeff${text}` : text) as Root;
  locateUnpositioned(root, text, fallbackAt);
  return root;
}
