import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';

/**
 * GFM's autolink literals (`www.x.org`, `https://x.org`, `a@b.org` in plain text) with their one
 * quadratic step taken out. Before each word, and each `-`, `.`, `+` or `_`, micromark-extension-
 * gfm-autolink-literal asks whether a `[` before it is still open (a link literal may not start
 * inside link text), by walking back over every event of the paragraph to that `[`: with one
 * left open, each word walks back to it (`[x ` and 20,000 words took 6 s; a table of `*b*` under
 * an open `[[`, 32 KB in 3 s; found by npm run fuzz).
 *
 * micromark already keeps the open brackets of the paragraph as a stack (`_labelStarts`: a `[`
 * that formed a link is taken off it, one that closed without forming a link is marked balanced),
 * so the same question is answered from the top of that stack. The walk's answer is the same:
 * it finds the nearest `[` (as a `labelLink` or `labelImage` event) that is not balanced, and such
 * a `[` is on the stack until its link forms. A word inside an open `[` is refused here before
 * the walk; any other word runs the walk as before, which then stops at once at the mark the last
 * walk left (it marks where it found nothing open).
 */
export function boundAutolinkLiterals(extension: Extension): Extension {
  const text = Object.fromEntries(
    Object.entries(extension.text ?? {}).map(([code, constructs]) => [
      code,
      Array.isArray(constructs) ? constructs.map(guarded) : guarded(constructs as Construct),
    ]),
  );
  return { ...extension, text };
}

const LITERALS = new Set(Object.values(gfmAutolinkLiteral().text ?? {}).flat());
const GUARDED = new Map<Construct, Construct>();

function guarded(construct: Construct): Construct {
  if (!LITERALS.has(construct)) return construct;
  let guard = GUARDED.get(construct);
  if (!guard) {
    guard = {
      ...construct,
      tokenize(effects, ok, nok) {
        return insideOpenBracket(this) ? nok : construct.tokenize.call(this, effects, ok, nok);
      },
    };
    GUARDED.set(construct, guard);
  }
  return guard;
}

/** Whether a `[` (or `![`) before this point is still open: on the stack and not balanced. */
function insideOpenBracket(context: TokenizeContext): boolean {
  const starts = context._labelStarts;
  if (!starts) return false;
  // Balanced ones on top are dropped, as micromark's own `]` drops them: they open nothing.
  while (starts.length > 0 && starts[starts.length - 1]._balanced) starts.pop();
  return starts.length > 0;
}
