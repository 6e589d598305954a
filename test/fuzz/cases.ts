import fc from 'fast-check';

/**
 * A fuzz case: a slice of a real document (or nothing), then mutations, at a path that decides
 * the document's kind. A case is plain data (numbers and short strings), so a hang is reported
 * as the case that was running, and fast-check shrinks it: fewer mutations, smaller counts, a
 * shorter slice — towards the empty document.
 */
export interface FuzzCase {
  path: string;
  base: { source: number; from: number; lines: number };
  mutations: Mutation[];
}

/** Positions are millionths of the text's length, so a mutation means the same on any base. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'repeat'; at: number; unit: string; count: number }
  | { kind: 'nest'; at: number; open: string; middle: string; close: string; count: number }
  | { kind: 'table'; at: number; rows: number; columns: number; cell: string }
  | { kind: 'splice'; at: number; source: number; from: number; length: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'copy'; at: number; to: number; length: number }
  | { kind: 'lineEndings'; from: number; to: number; lineBreak: string }
  | { kind: 'truncate'; at: number };

/** The paths the fuzzed document is checked at: a DD, meeting notes, a governance file, anything. */
export const PATHS = [
  'dragonfly-graduation-dd.md',
  'community/meetings/2025-09-23.md',
  'community/GOVERNANCE.md',
  'community/MAINTAINERS.md',
  'notes.md',
  'community/.github/ISSUE_TEMPLATE/template-dd.md',
];

/** Short texts that have broken the engine before, or that its rules react to. */
const SNIPPETS = [
  '\r', '\r\n', '\n', '\n\n', '\r\r', '\ufeff', '\ud800', '\udc00', '\ud83d', '\ude00', '\u2028', '\u0000', '\t', ' ',
  '[](\udc00)', '[x](\ud800#\udfff)', '<\ud800>', '[a]: \udc00\n',
  '<!--', '-->', '<!-- TODO: x -->', '```', '```\n', '~~~', '    ', '---\n', '---\ngovernance: dd\n', '+++\n', '$$\n',
  'TODO', 'TODO: x', 'TODO(@someone): x', 'FIXME', '@someone', 'Action: @nobody to do it\n', '- [ ] @alice follow up\n',
  '- [ ] **Criterion** TODO\n', '- [x] **Criterion**\n', '- [x] **Criterion** TODO: evidence\n', '  - [ ] sub\n', '  - [x] sub\n',
  '- [X]**Bad**\n', '- [ ]**x**\n', '-[ ] x\n', '* [] y\n', '- [ ] **Adopters** NOTABLE1\n',
  '**Evaluation**: NOTABLE1\n', 'NOTABLE1', '$NAME', '$PROJECT', 'DD-MMM-YYYY', 'MONTH YEAR', '[in use/too early]', 'Name / Industry', 'TBD',
  '## Required\n', '### Suggested\n', '# Dragonfly Graduation Due Diligence\n', '## Governance and Maintainers\n', '# T\n', '#\n', 'Setext\n===\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n', '|', '<a name="x"></a>', '<a id="y">',
  '[text](#missing-anchor)', '[Governance](community/GOVERNANCE.md#nothing)', '[m](community/MAINTAINERS.md#L9999)',
  '[x][undefined]', '[dup]: https://example.com/a\n', '[dup]: https://example.com/b\n', '[x]', '![i](nope.png)',
  'https://github.com/o/r/blob/main/../../../../etc/passwd#L9999', 'https:// github.com/x', 'http://exa mple.com', '<https://x>',
  '[link](https://github.com/dragonflyoss/community/blob/main/GOVERNANCE.md#L1-L99999)', '`code` ', '`', '``', '\\', '*', '_', '~',
  '[', ']', '(', ')', '<', '>', '!', '#', '&amp;', '&#xD800;', '\ufeff`s`\n', '- ', '> ', '1. ', '-', '+ ',
];

/** Units a mutation repeats: each drives one of the parser's or the rules' costs up. */
const UNITS = [
  '- ', '> ', '* ', '1. ', '  ', '\t', '*', '_', '~', '[', ']', '`', '<', '|', 'a', 'x\n', '\r', '\r\n', '\n', '\ufeff',
  'word [x](#a) ', '[x](#a)', '[x][y] ', '[a]: b\n', '<!--', '-->', '- [ ] **Item N** TODO\n', '- [x] **Item**\n  - [ ] sub\n',
  'TODO ', 'NOTABLE1 ', '@a ', '# H\n', '## Required\n', '- [ ] x\n', '> - ', '- > ', '<a name="n">', '**a** ', '*a ', 'a* ',
  '\ud800', '\udc00x', '[', '](', '![', '\\', '&', 'https://github.com/o/r ',
];

const MILLION = 1_000_000;

export interface CaseShape {
  /** How many texts the sources hold (index 0 is empty). */
  sources: number;
  /** The largest count a repeating mutation may draw. */
  maxCount: number;
  /** The most mutations one case has. */
  maxMutations: number;
}

export function fuzzCase(shape: CaseShape): fc.Arbitrary<FuzzCase> {
  const at = fc.integer({ min: 0, max: MILLION });
  const count = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 64 }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: shape.maxCount }), weight: 2 });
  const snippet = fc.oneof(
    { arbitrary: fc.constantFrom(...SNIPPETS), weight: 4 },
    { arbitrary: fc.string({ unit: fc.constantFrom(...SNIPPETS.filter((s) => s.length === 1)), maxLength: 12 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  );
  const source = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 2 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: shape.sources - 1 }), weight: 2 });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: snippet }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('repeat' as const), at, unit: fc.constantFrom(...UNITS), count }), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant('nest' as const), at,
        open: fc.constantFrom('*', '_', '[', '(', '<!--', '> ', '- ', '**', '`', '[x](', '<a>'),
        middle: fc.constantFrom('x', '', ' ', 'TODO', '\n', '\r'),
        close: fc.constantFrom('*', '_', ']', ')', '-->', '', '**', '`', ')', '</a>'),
        count,
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('table' as const), at, rows: count, columns: fc.integer({ min: 1, max: 200 }), cell: fc.constantFrom('a', '[x](#a)', '*b*', '', 'TODO', '`|`', '\\|') }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('splice' as const), at, source, from: at, length: fc.integer({ min: 1, max: 20_000 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 5_000 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('copy' as const), at, to: at, length: fc.integer({ min: 1, max: 5_000 }) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('lineEndings' as const), from: at, to: at, lineBreak: fc.constantFrom('\r\n', '\r', '\n') }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }), weight: 1 },
  );
  return fc.record({
    path: fc.constantFrom(...PATHS),
    base: fc.record({ source, from: fc.oneof(fc.constant(0), at), lines: fc.oneof(fc.constant(MILLION), fc.integer({ min: 0, max: 400 })) }),
    mutations: fc.array(mutation, { maxLength: shape.maxMutations }),
  });
}

/**
 * The text of a case, at most `maxLength` characters (repeats stop there, and a longer text is
 * cut). Raw offsets on purpose: a mutation may split a `\r\n` or a surrogate pair.
 */
export function caseText(fuzz: FuzzCase, sources: readonly string[], maxLength: number): string {
  let text = baseText(sources[fuzz.base.source % sources.length], fuzz.base.from, fuzz.base.lines);
  for (const mutation of fuzz.mutations) text = mutate(text, mutation, sources, maxLength).slice(0, maxLength);
  return text;
}

function baseText(source: string, from: number, lines: number): string {
  const all = source.split(/(?<=\n)/);
  const start = Math.floor((from / MILLION) * all.length);
  return all.slice(start, start + lines).join('');
}

const offset = (text: string, at: number) => Math.floor((at / MILLION) * text.length);

function mutate(text: string, mutation: Mutation, sources: readonly string[], maxLength: number): string {
  const times = (unit: string, count: number) => unit.repeat(Math.min(count, Math.ceil(maxLength / Math.max(unit.length, 1))));
  const insertAt = (position: number, inserted: string) => text.slice(0, position) + inserted + text.slice(position);
  switch (mutation.kind) {
    case 'insert':
      return insertAt(offset(text, mutation.at), mutation.text);
    case 'repeat':
      return insertAt(offset(text, mutation.at), times(mutation.unit, mutation.count));
    case 'nest':
      return insertAt(offset(text, mutation.at), times(mutation.open, mutation.count) + mutation.middle + times(mutation.close, mutation.count));
    case 'table': {
      const row = `|${` ${mutation.cell} |`.repeat(mutation.columns)}\n`;
      const header = `|${' h |'.repeat(mutation.columns)}\n|${'---|'.repeat(mutation.columns)}\n`;
      return insertAt(offset(text, mutation.at), `\n${header}${times(row, mutation.rows)}\n`);
    }
    case 'splice': {
      const source = sources[mutation.source % sources.length];
      const from = offset(source, mutation.from);
      return insertAt(offset(text, mutation.at), source.slice(from, from + mutation.length));
    }
    case 'delete': {
      const from = offset(text, mutation.at);
      return text.slice(0, from) + text.slice(from + mutation.length);
    }
    case 'copy': {
      const from = offset(text, mutation.at);
      return insertAt(offset(text, mutation.to), text.slice(from, from + mutation.length));
    }
    case 'lineEndings': {
      const [from, to] = [offset(text, mutation.from), offset(text, mutation.to)].sort((a, b) => a - b);
      return text.slice(0, from) + text.slice(from, to).replace(/\r\n|\r|\n/g, mutation.lineBreak) + text.slice(to);
    }
    case 'truncate':
      return text.slice(0, offset(text, mutation.at));
  }
}
