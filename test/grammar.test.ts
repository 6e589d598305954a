import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { tokenizeMarkdown, type Token } from './helpers/textmate';
import { expandSnippet, parseSnippet, tabStops, type SnippetNode } from './helpers/snippetSyntax';

const ROOT = path.resolve(__dirname, '..');

// The real documents: copied under test/fixtures/seeds, or in the shared/ folder beside the repository.
function readSeed(name: string): string {
  const copy = path.join(ROOT, 'test', 'fixtures', 'seeds', name);
  if (existsSync(copy)) return readFileSync(copy, 'utf8');
  for (let dir = ROOT; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'seeds', name);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  throw new Error(`seed ${name} not found in a shared/seeds folder above ${ROOT}`);
}

const P = 'meta.paragraph.markdown';
const UL = 'markup.list.unnumbered.markdown';
const OL = 'markup.list.numbered.markdown';
const BOLD = 'markup.bold.markdown';
const BOLD_MARK = 'punctuation.definition.bold.markdown';
const TODO = 'meta.todo.governance';
const TODO_KEYWORD = 'keyword.other.todo.governance';
const TODO_FOR = 'keyword.other.todo.for.governance';
const TODO_OWNER = 'entity.name.type.todo-owner.governance';
const TODO_COLON = 'punctuation.separator.todo.governance';
const MENTION = 'entity.name.tag.mention.governance';
const TEAM = 'entity.name.tag.mention.team.governance';
const AT = 'punctuation.definition.mention.governance';
const OPEN = 'markup.checkbox.unchecked.governance';
const DONE = 'markup.checkbox.checked.governance';
const BOX_BEGIN = 'punctuation.definition.checkbox.begin.governance';
const BOX_END = 'punctuation.definition.checkbox.end.governance';
const BOX_MARK = 'constant.language.checkbox.checked.governance';
const TEMPLATE_VARIABLE = 'variable.other.placeholder.template-variable.governance';
const DOLLAR = 'punctuation.definition.variable.governance';
const HEADING = 'markup.heading.markdown';
const SECTION = 'entity.name.section.markdown';

/** `[fragment, scopes]`: the fragment is exactly one token with exactly these scopes (root omitted); `null`: no governance scope anywhere on it. */
type Expectation = [fragment: string, scopes: string[] | null];

interface ScopeCase {
  name: string;
  markdown: string;
  /** Searched in order, each after the previous one. */
  expect: Expectation[];
}

const todoCases: ScopeCase[] = [
  {
    name: '**TODO for Dragonfly Team:** — the colon inside the bold',
    markdown: '**TODO for Dragonfly Team:** fix the link',
    expect: [
      ['**', [P, TODO, BOLD, BOLD_MARK]],
      ['TODO', [P, TODO, BOLD, TODO_KEYWORD]],
      ['for', [P, TODO, BOLD, TODO_FOR]],
      ['Dragonfly Team', [P, TODO, BOLD, TODO_OWNER]],
      [':', [P, TODO, BOLD, TODO_COLON]],
      ['**', [P, TODO, BOLD, BOLD_MARK]],
      [' fix the link', [P]],
    ],
  },
  {
    name: '**TODO for X**: — the colon after the bold, in a list item continuation',
    markdown: '- [ ] **Due Diligence Review.**\n\n  **TODO for TOC Reviewer**: update when finished',
    expect: [
      ['Due Diligence Review.', [UL, P, BOLD]],
      ['**', [UL, P, BOLD, BOLD_MARK]],
      ['**', [UL, P, TODO, BOLD, BOLD_MARK]],
      ['TODO', [UL, P, TODO, BOLD, TODO_KEYWORD]],
      ['for', [UL, P, TODO, BOLD, TODO_FOR]],
      ['TOC Reviewer', [UL, P, TODO, BOLD, TODO_OWNER]],
      ['**', [UL, P, TODO, BOLD, BOLD_MARK]],
      [':', [UL, P, TODO, TODO_COLON]],
      [' update when finished', [UL, P]],
    ],
  },
  {
    name: '"For" and "FOR" are "for"; the owner is kept as written',
    markdown: '**TODO For Dragonlfy TEAM:** a\n\nTODO FOR kevin: b',
    expect: [
      ['For', [P, TODO, BOLD, TODO_FOR]],
      ['Dragonlfy TEAM', [P, TODO, BOLD, TODO_OWNER]],
      ['FOR', [P, TODO, TODO_FOR]],
      ['kevin', [P, TODO, TODO_OWNER]],
    ],
  },
  {
    name: 'TODO for X: — no bold',
    markdown: 'TODO for Kevin: maintain a GTR file',
    expect: [
      ['TODO', [P, TODO, TODO_KEYWORD]],
      ['for', [P, TODO, TODO_FOR]],
      ['Kevin', [P, TODO, TODO_OWNER]],
      [':', [P, TODO, TODO_COLON]],
      [' maintain a GTR file', [P]],
    ],
  },
  {
    name: '**TODO**: — no owner',
    markdown: '  **TODO**: provide more highligths here',
    expect: [
      ['**', [P, TODO, BOLD, BOLD_MARK]],
      ['TODO', [P, TODO, BOLD, TODO_KEYWORD]],
      ['**', [P, TODO, BOLD, BOLD_MARK]],
      [':', [P, TODO, TODO_COLON]],
    ],
  },
  {
    name: 'TODO: — bare, inside a sentence too',
    markdown: 'TODO: later. Then TODO: again',
    expect: [
      ['TODO', [P, TODO, TODO_KEYWORD]],
      [':', [P, TODO, TODO_COLON]],
      [' later. Then ', [P]],
      ['TODO', [P, TODO, TODO_KEYWORD]],
    ],
  },
  {
    name: 'a TODO at the start of a line leaves the rest of the paragraph to Markdown',
    markdown: 'TODO: see <https://github.com/dragonflyoss/dragonfly/issues/4298> and **this**',
    expect: [
      ['TODO', [P, TODO, TODO_KEYWORD]],
      ['https://github.com/dragonflyoss/dragonfly/issues/4298', [P, 'meta.link.inet.markdown', 'markup.underline.link.markdown']],
      ['this', [P, BOLD]],
    ],
  },
  {
    name: 'lower-case todo, TODO without a colon, TODO inside words: not markers',
    markdown: 'todo: buy milk. Todo: later. TODO list. TODOS: x. NOTODO: y',
    expect: [['todo: buy milk. Todo: later. TODO list. TODOS: x. NOTODO: y', null]],
  },
  {
    name: 'TODO inside inline code, HTML comments and fenced code: not markers',
    markdown: [
      'Write `TODO: x` or `**TODO for A:**` in code.',
      'Inline <!-- TODO: hidden --> comment.',
      '',
      '<!-- TODO for TOC Reviewer: block comment -->',
      '',
      '```markdown',
      'TODO: in a fence',
      '```',
    ].join('\n'),
    expect: [
      ['TODO: x', null],
      ['**TODO for A:**', null],
      [' TODO: hidden ', null],
      [' TODO for TOC Reviewer: block comment ', null],
      ['TODO: in a fence', null],
    ],
  },
  {
    name: 'a TODO status heading in a meeting note is not a TODO',
    markdown: '### TODO\n\n- <https://github.com/dragonflyoss/dragonfly/issues/4025>',
    expect: [['TODO', null]],
  },
];

const mentionCases: ScopeCase[] = [
  {
    name: 'handles in action items, one or several',
    markdown: '- [ ] Support Model Artifact in Fluid. @chlins @gaius-qi',
    expect: [
      ['@', [UL, P, MENTION, AT]],
      ['chlins', [UL, P, MENTION]],
      ['@', [UL, P, MENTION, AT]],
      ['gaius-qi', [UL, P, MENTION]],
    ],
  },
  {
    name: 'a handle glued to punctuation ("etc.@Gaius") is still a mention; a trailing dot is not part of it',
    markdown: 'Kuaishou, ByteDance, Didi, etc.@Gaius. Thanks @BruceAko.',
    expect: [
      ['@', [P, MENTION, AT]],
      ['Gaius', [P, MENTION]],
      ['. Thanks ', [P]],
      ['@', [P, MENTION, AT]],
      ['BruceAko', [P, MENTION]],
      ['.', [P]],
    ],
  },
  {
    name: '@org/team',
    markdown: 'Owners: @dragonflyoss/dragonfly2-maintainers, then @mingcheng',
    expect: [
      ['@', [P, TEAM, AT]],
      ['dragonflyoss', [P, TEAM]],
      ['/', [P, TEAM, 'punctuation.separator.team.governance']],
      ['dragonfly2-maintainers', [P, TEAM]],
      [', then ', [P]],
      ['mingcheng', [P, MENTION]],
    ],
  },
  {
    name: 'e-mail addresses, paths and code are not mentions',
    markdown: [
      'Mail dragonfly-maintainers@googlegroups.com or <dragonfly-developers@googlegroups.com>.',
      '',
      'See medium.com/@someone and `@dragonflyoss/dragonfly2-reviewers`.',
    ].join('\n'),
    expect: [
      ['dragonfly-maintainers@googlegroups.com', null],
      ['dragonfly-developers@googlegroups.com', null],
      ['medium.com/@someone', null],
      ['@dragonflyoss/dragonfly2-reviewers', null],
    ],
  },
];

const placeholderCases: ScopeCase[] = [
  {
    name: '$NAME tokens',
    markdown: '_They show ... $INTERVIEWSUMMARY._ Criteria for $LEVEL/ The TOC',
    expect: [
      ['$', [P, 'markup.italic.markdown', TEMPLATE_VARIABLE, DOLLAR]],
      ['INTERVIEWSUMMARY', [P, 'markup.italic.markdown', TEMPLATE_VARIABLE]],
      ['$', [P, TEMPLATE_VARIABLE, DOLLAR]],
      ['LEVEL', [P, TEMPLATE_VARIABLE]],
      ['/ The TOC', [P]],
    ],
  },
  {
    name: '$COMPANY/$INDUSTRY: two placeholders',
    markdown: 'Adopter from $COMPANY/$INDUSTRY.',
    expect: [
      ['$', [P, TEMPLATE_VARIABLE, DOLLAR]],
      ['COMPANY', [P, TEMPLATE_VARIABLE]],
      ['/', [P]],
      ['$', [P, TEMPLATE_VARIABLE, DOLLAR]],
      ['INDUSTRY', [P, TEMPLATE_VARIABLE]],
      ['.', [P]],
    ],
  },
  {
    name: 'path conventions that explain naming are not blanks, in backticks or not',
    markdown: 'Name it `projects/$PROJECT/tech-review/YYYY-MM-DD.md`, or projects/$PROJECT/tech-review/YYYY-MM-DD.md, or $PROJECT/README.md. Costs US$100 or $x.',
    expect: [
      ['projects/$PROJECT/tech-review/YYYY-MM-DD.md', null],
      ['projects/$PROJECT/tech-review/YYYY-MM-DD.md', null],
      ['$PROJECT/README.md', null],
      ['US$100 or $x.', null],
    ],
  },
  {
    name: 'NOTABLE1 / BLOCKER2 / RECOMMENDATION3 alone on a list item',
    markdown: '- The following are noteworthy.\n  - NOTABLE1\n  - BLOCKER2\n  - RECOMMENDATION3',
    expect: [
      ['NOTABLE1', [UL, UL, P, 'variable.other.placeholder.list-item.governance']],
      ['BLOCKER2', [UL, UL, P, 'variable.other.placeholder.list-item.governance']],
      ['RECOMMENDATION3', [UL, UL, P, 'variable.other.placeholder.list-item.governance']],
    ],
  },
  {
    name: 'NOTABLE1 in prose is a word',
    markdown: 'Replace NOTABLE1 with a finding.\n\n- NOTABLE1 was replaced',
    expect: [
      ['NOTABLE1', null],
      ['NOTABLE1', null],
    ],
  },
  {
    name: 'dates, choices, names',
    markdown: 'Held on DD-MMM-YYYY, reviewed MONTH YEAR. A project [in use/too early] that [has/has not] adopters.',
    expect: [
      ['DD-MMM-YYYY', [P, 'variable.other.placeholder.date.governance']],
      ['MONTH YEAR', [P, 'variable.other.placeholder.date.governance']],
      ['[', [P, 'variable.other.placeholder.choice.governance', 'punctuation.definition.placeholder.begin.governance']],
      ['in use/too early', [P, 'variable.other.placeholder.choice.governance']],
      [']', [P, 'variable.other.placeholder.choice.governance', 'punctuation.definition.placeholder.end.governance']],
      ['has/has not', [P, 'variable.other.placeholder.choice.governance']],
    ],
  },
  {
    name: 'Name / Industry in an adopter heading',
    markdown: '##### Adopter 2 - Name / Industry',
    expect: [
      ['Adopter 2 - ', [HEADING, 'heading.5.markdown', SECTION]],
      ['Name / Industry', [HEADING, 'heading.5.markdown', SECTION, 'variable.other.placeholder.name.governance']],
    ],
  },
  {
    name: 'TBD and <TBD>, also in a table cell',
    markdown: 'Owner: TBD, date <TBD>.\n\n| Criterion | Status |\n|---|---|\n| Roadmap | TBD |',
    expect: [
      ['TBD', [P, 'variable.other.placeholder.tbd.governance']],
      ['<', [P, 'variable.other.placeholder.tbd.governance', 'punctuation.definition.placeholder.begin.governance']],
      ['TBD', [P, 'variable.other.placeholder.tbd.governance']],
      ['>', [P, 'variable.other.placeholder.tbd.governance', 'punctuation.definition.placeholder.end.governance']],
      ['TBD', ['markup.table.markdown', 'variable.other.placeholder.tbd.governance']],
    ],
  },
  {
    name: 'a TBD status heading is a status group, not a blank; TBD in code is code',
    markdown: '### TBD\n\nUse `TBD` for unknown dates.',
    expect: [
      ['TBD', null],
      ['TBD', null],
    ],
  },
];

const checkboxCases: ScopeCase[] = [
  {
    name: 'open criterion',
    markdown: '- [ ] **Engage with the domain specific TAG(s).**',
    expect: [
      ['[', [UL, P, OPEN, BOX_BEGIN]],
      [' ', [UL, P, OPEN]],
      [']', [UL, P, OPEN, BOX_END]],
      ['Engage with the domain specific TAG(s).', [UL, P, BOLD]],
    ],
  },
  {
    name: 'done criterion, x and X',
    markdown: '- [x] **History of regular, quality releases.**\n- [X] **Document Security Self-Assessment.**',
    expect: [
      ['[', [UL, P, DONE, BOX_BEGIN]],
      ['x', [UL, P, DONE, BOX_MARK]],
      [']', [UL, P, DONE, BOX_END]],
      ['History of regular, quality releases.', [UL, P, BOLD]],
      ['X', [UL, P, DONE, BOX_MARK]],
    ],
  },
  {
    name: 'two spaces after the box',
    markdown: '- [x]  **All project metadata and resources are vendor-neutral.**\n- [ ]  **Governance has continuously been iterated upon.**',
    expect: [
      ['x', [UL, P, DONE, BOX_MARK]],
      ['  ', [UL, P]],
      ['All project metadata and resources are vendor-neutral.', [UL, P, BOLD]],
      ['[', [UL, P, OPEN, BOX_BEGIN]],
      [' ', [UL, P, OPEN]],
      [']', [UL, P, OPEN, BOX_END]],
      ['  ', [UL, P]],
      ['Governance has continuously been iterated upon.', [UL, P, BOLD]],
    ],
  },
  {
    name: 'sub-criteria, numbered and quoted lists',
    markdown: '- [ ] **Release process:**\n  - [ ] Release expectations\n  - [x] Tooling\n\n1. [ ] numbered\n\n> * [X] quoted',
    expect: [
      ['[', [UL, P, OPEN, BOX_BEGIN]],
      ['[', [UL, UL, P, OPEN, BOX_BEGIN]],
      [' ', [UL, UL, P, OPEN]],
      ['[', [UL, UL, P, DONE, BOX_BEGIN]],
      ['x', [UL, UL, P, DONE, BOX_MARK]],
      ['[', [OL, P, OPEN, BOX_BEGIN]],
      ['X', ['markup.quote.markdown', UL, P, DONE, BOX_MARK]],
    ],
  },
  {
    name: 'brackets that GitHub does not render as a task are not scoped',
    markdown: '[x] not in a list\n\n- [x](https://example.com) a link\n- [] empty\n- [ x] spaced\n- [x]glued\n- text [ ] later',
    expect: [
      ['[x] not in a list', null],
      ['[x](https://example.com)', null],
      ['[] empty', null],
      ['[ x] spaced', null],
      ['[x]glued', null],
      ['[ ] later', null],
    ],
  },
];

describe('injection grammar', () => {
  for (const [group, cases] of [
    ['TODO markers', todoCases],
    ['mentions', mentionCases],
    ['placeholders', placeholderCases],
    ['checkboxes', checkboxCases],
  ] as const) {
    describe(group, () => {
      for (const testCase of cases) {
        it(testCase.name, async () => {
          await assertScopes(testCase);
        });
      }
    });
  }

  it('declares what VS Code needs to inject it into Markdown', () => {
    const grammar = readJson('syntaxes/governance.injection.tmLanguage.json') as Record<string, unknown>;
    assert.equal(grammar.scopeName, 'markdown.governance.injection');
    const selector = String(grammar.injectionSelector);
    for (const group of selector.split(',')) {
      assert.match(group.trim(), /^L:\S+ -comment( -\S+)* -markup\.inline\.raw/);
    }
  });

  it('colours the seed Due Diligence document: every TODO, open and done criterion', async () => {
    const seed = readSeed('dragonfly-graduation-dd.md');
    const lines = await tokenizeMarkdown(seed);
    const count = (scope: string) => lines.flat().filter((token) => token.scopes.at(-1) === scope).length;
    const textLines = seed.split('\n');
    assert.equal(count(TODO_KEYWORD), textLines.filter((line) => /\*\*TODO\b/.test(line)).length);
    assert.equal(count(BOX_BEGIN), textLines.filter((line) => /^\s*- \[[ xX]\]/.test(line)).length);
    assert.equal(count(BOX_MARK), textLines.filter((line) => /^\s*- \[[xX]\]/.test(line)).length);
  });
});

describe('snippets', () => {
  const snippets = readJson('snippets/governance.code-snippets') as Record<
    string,
    { prefix: string | string[]; body: string | string[]; description: string; scope?: string }
  >;
  const entries = Object.entries(snippets);
  const bodyOf = (name: string) => {
    const body = snippets[name].body;
    return Array.isArray(body) ? body.join('\n') : body;
  };
  const byPrefix = (prefix: string): string => {
    const entry = entries.find(([, snippet]) => ([] as string[]).concat(snippet.prefix).includes(prefix));
    assert.ok(entry, `no snippet with prefix ${prefix}`);
    return entry[0];
  };

  it('offers one snippet per governance building block under a discoverable prefix', () => {
    for (const prefix of ['dd-criterion', 'todo', 'evaluation', 'meeting', 'action', 'attendee', 'adopter']) byPrefix(prefix);
    for (const [name, snippet] of entries) {
      assert.equal(snippet.scope, 'markdown', name);
      assert.ok(snippet.description.length > 10, name);
    }
  });

  for (const [name] of entries) {
    it(`"${name}" is valid snippet syntax with tab stops numbered 1..n`, () => {
      const nodes = parseSnippet(bodyOf(name));
      const numbers = tabStops(nodes);
      const distinct = [...new Set(numbers.filter((n) => n !== 0))].sort((a, b) => a - b);
      assert.deepEqual(distinct, distinct.map((_, i) => i + 1), `tab stops ${distinct.join(', ')}`);
      assert.ok(numbers.filter((n) => n === 0).length <= 1, 'at most one $0');
      const placeholders = collect(nodes).filter((node) => node.kind === 'placeholder');
      const defined = placeholders.map((node) => node.index);
      assert.equal(new Set(defined).size, defined.length, 'each tab stop has at most one default');
    });
  }

  it('the snippet checker rejects what VS Code would mangle', () => {
    assert.throws(() => parseSnippet('for $PROJECT'), /unknown variable "PROJECT"/);
    assert.throws(() => parseSnippet('**TODO for ${1:owner:** x'), /unclosed placeholder/);
    assert.throws(() => parseSnippet('costs $ 5'), /bare "\$"/);
    assert.doesNotThrow(() => parseSnippet('for \\$PROJECT, ${1:a ${2:nested} one} ${3|x,y|} $CURRENT_YEAR'));
  });

  it('the TODO snippet, filled in, is a TODO marker with its owner for the engine and the grammar', async () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('todo'))), { 1: 'Dragonfly Team', 2: 'fix the Dingtalk link' });
    assert.equal(text, '**TODO for Dragonfly Team:** fix the Dingtalk link');
    const match = TODO_PATTERN.exec(text);
    assert.ok(match, text);
    assert.equal(match.index, 0);
    assert.equal(match[2], 'Dragonfly Team');
    assert.deepEqual(await scopesOf(text, 'Dragonfly Team'), [P, TODO, BOLD, TODO_OWNER]);
  });

  it('the TODO snippet left at its defaults still reads as a TODO', () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('todo'))));
    assert.equal(TODO_PATTERN.exec(text)?.[2], 'owner');
  });

  it('a DD criterion expands to an open criterion followed by the evaluation marker', async () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('dd-criterion'))), { 1: 'Roadmap change process is documented.' });
    const lines = text.split('\n');
    assert.equal(lines[0], '- [ ] **Roadmap change process is documented.**');
    assert.ok(lines.includes('  <!-- (TOC Evaluation goes here) -->'));
    await assertScopes({
      name: 'expanded DD criterion',
      markdown: text,
      expect: [
        ['[', [UL, P, OPEN, BOX_BEGIN]],
        [' ', [UL, P, OPEN]],
        [']', [UL, P, OPEN, BOX_END]],
        ['Roadmap change process is documented.', [UL, P, BOLD]],
        [' (TOC Evaluation goes here) ', [UL, 'comment.block.html']],
      ],
    });
  });

  it('an evaluation expands to the marker and the text', () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('evaluation'))), { 1: 'Documented in ROADMAP.md.' });
    assert.equal(text, '<!-- (TOC Evaluation goes here) -->\nDocumented in ROADMAP.md.');
  });

  it('an action item expands to an open task with its owner mentioned', async () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('action'))), { 1: 'Organize topics for KubeCon 2026', 2: 'mingcheng' });
    assert.equal(text, '- [ ] Organize topics for KubeCon 2026 @mingcheng');
    assert.deepEqual(await scopesOf(text, 'mingcheng'), [UL, P, MENTION]);
  });

  it('an attendee expands like the seed meeting note attendees', () => {
    const text = expandSnippet(parseSnippet(bodyOf(byPrefix('attendee'))), { 1: 'Gaius', 2: 'gaius-qi', 3: 'Ant Group/Dragonfly' });
    assert.equal(text, '- [Gaius](https://github.com/gaius-qi) (Ant Group/Dragonfly)');
    const seed = readSeed('maintainer-meeting.md');
    assert.ok(seed.split('\n').includes(text));
  });

  it('meeting notes expand to the sections of the seed meeting note, dated today', async () => {
    const text = expandSnippet(
      parseSnippet(bodyOf(byPrefix('meeting'))),
      { 10: '2025-10-28', 11: 'gaius-qi' },
      { CURRENT_YEAR: '2025', CURRENT_MONTH: '10', CURRENT_DATE: '14' },
    );
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    assert.deepEqual(headings, [
      '# Maintainer Meeting 2025-10-14',
      '## Attendees',
      '## Topics',
      '## Actions',
      '## Issues',
      '### TODO',
      '### WIP',
      '### Done',
      '## Next Meeting Schedule',
    ]);
    assert.match(text, /^- \[ \] Action item @owner$/m);
    assert.match(text, /^- Date: 2025-10-28$/m);
    assert.match(text, /^- Host: @gaius-qi$/m);
    assert.deepEqual(await scopesOf(text, 'gaius-qi'), [UL, P, MENTION]);
  });

  it('an adopter interview expands like the seed DD adopter sections, and an unfilled name stays a placeholder', async () => {
    const body = parseSnippet(bodyOf(byPrefix('adopter')));
    const variables = { CURRENT_MONTH_NAME: 'September', CURRENT_YEAR: '2025' };
    const filled = expandSnippet(body, { 1: '1', 2: 'Technology and Content Platform' }, variables);
    const seed = readSeed('dragonfly-graduation-dd.md').split('\n');
    const lines = filled.split('\n');
    assert.equal(lines[0], '##### Adopter 1 - Technology and Content Platform');
    assert.ok(seed.includes(lines[0]));
    assert.ok(lines.includes('September, 2025'));
    assert.ok(seed.includes(lines.find((line) => line.startsWith('Note: '))!));
    const unfilled = expandSnippet(body, { 1: '2' }, variables);
    assert.deepEqual(await scopesOf(unfilled, 'Name / Industry'), [
      HEADING,
      'heading.5.markdown',
      SECTION,
      'variable.other.placeholder.name.governance',
    ]);
  });
});

// The engine's TODO marker (server/src/engine/model/todos.ts), which the grammar mirrors.
const TODO_PATTERN = /(\*\*|__)?\bTODO\b(?:[ \t]+[Ff][Oo][Rr][ \t]+([^*_:\n]+?))?[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)?)/;

async function assertScopes(testCase: ScopeCase): Promise<void> {
  const tokens = await positionedTokens(testCase.markdown);
  let cursor = 0;
  for (const [fragment, scopes] of testCase.expect) {
    const start = testCase.markdown.indexOf(fragment, cursor);
    assert.notEqual(start, -1, `"${fragment}" not found after offset ${cursor}`);
    const end = start + fragment.length;
    cursor = end;
    const covering = tokens.filter((token) => token.start < end && token.end > start);
    if (scopes === null) {
      const scoped = covering.filter((token) => token.scopes.some((scope) => scope.endsWith('.governance')));
      assert.deepEqual(scoped.map(describeToken), [], `"${fragment}" should have no governance scope`);
      continue;
    }
    assert.deepEqual(
      covering.map((token) => token.text),
      [fragment],
      `"${fragment}" should be one token, got ${covering.map(describeToken).join(' | ')}`,
    );
    assert.deepEqual(covering[0].scopes, scopes, `scopes of "${fragment}"`);
  }
}

/** The scopes of the first token that is exactly `fragment`. */
async function scopesOf(markdown: string, fragment: string): Promise<string[]> {
  const token = (await positionedTokens(markdown)).find((candidate) => candidate.text === fragment);
  assert.ok(token, `no token "${fragment}"`);
  return token.scopes;
}

interface PositionedToken extends Token {
  start: number;
  end: number;
}

async function positionedTokens(markdown: string): Promise<PositionedToken[]> {
  const lines = await tokenizeMarkdown(markdown);
  const result: PositionedToken[] = [];
  let lineStart = 0;
  for (const line of lines) {
    let offset = lineStart;
    for (const token of line) {
      result.push({ ...token, start: offset, end: offset + token.text.length });
      offset += token.text.length;
    }
    lineStart = offset + 1;
  }
  return result;
}

function describeToken(token: PositionedToken): string {
  return `${JSON.stringify(token.text)} ${token.scopes.join(' ')}`;
}

function collect(nodes: readonly SnippetNode[]): SnippetNode[] {
  return nodes.flatMap((node) => [
    node,
    ...(node.kind === 'placeholder' || (node.kind === 'variable' && node.children) ? collect(node.children ?? []) : []),
  ]);
}

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8'));
}
