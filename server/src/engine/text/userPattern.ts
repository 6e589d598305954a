import { RE2JS } from 're2js';
import type { Span } from '../types';

/**
 * A regular expression from the settings (`placeholders`). JavaScript's engine backtracks, so one
 * pattern such as `(a+)+$` can take minutes on a line of `aaaa…!`; these run on RE2JS, a port of
 * RE2, whose time is linear in the text whatever the pattern. RE2 has no lookaround and no
 * backreferences (the features that need backtracking): such a pattern is refused at load.
 */
export class UserPattern {
  private readonly compiled: RE2JS;

  constructor(readonly source: string) {
    this.compiled = RE2JS.compile(RE2JS.translateRegExp(source));
  }

  /** Why `source` cannot be a user pattern, or undefined when it can. */
  static problemOf(source: string): string | undefined {
    try {
      RE2JS.compile(RE2JS.translateRegExp(source));
      return undefined;
    } catch (error) {
      return (error as Error).message.replace(/^error parsing regexp: /, '');
    }
  }

  /** Every non-empty match, left to right, in UTF-16 offsets like the rest of the engine. */
  *matches(text: string): Generator<Span & { text: string }> {
    const matcher = this.compiled.matcher(text);
    while (matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end > start) yield { start, end, text: text.slice(start, end) };
    }
  }
}
