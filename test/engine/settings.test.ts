import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings, defaultSettings } from '../../server/src/engine/settings';
import { parseConfigFile } from '../../server/src/engine/configFile';
import { RULES } from '../../server/src/engine/rules';

// Every code, in the order the rules run: what an unknown code's message offers.
const ALL_CODES = RULES.map((rule) => rule.code).join(', ');

const cases: { name: string; input: unknown; problems: string[]; check?: (s: ReturnType<typeof defaultSettings>) => void }[] = [
  { name: 'empty', input: {}, problems: [] },
  {
    name: 'a bad severity costs only itself',
    input: { severity: { 'open-todo': 'loud', placeholder: 'off' } },
    problems: ['severity.open-todo: expected one of "off", "hint", "information", "warning", "error", got "loud"'],
    check: (s) => assert.deepEqual(s.severity, { placeholder: 'off' }),
  },
  {
    name: 'a bad list element costs only itself',
    input: { owners: ['@ok', 'not a handle'] },
    problems: ['owners[1]: expected a GitHub handle such as "@octocat", got "not a handle"'],
    check: (s) => assert.deepEqual(s.owners, ['@ok']),
  },
  { name: 'wrong type', input: { exclude: 'docs/**' }, problems: ['exclude: expected a list, got "docs/**"'], check: (s) => assert.deepEqual(s.exclude, defaultSettings().exclude) },
  { name: 'bad regular expression', input: { placeholders: ['(unclosed'] }, problems: ['placeholders[0]: expected a valid regular expression (missing closing ): `(unclosed`), got "(unclosed"'] },
  {
    name: 'a pattern that needs backtracking is refused; a catastrophic one for backtracking engines runs on RE2',
    input: { placeholders: ['(?=x)FIX', '(a)\\1', '(a+)+$'] },
    problems: [
      'placeholders[0]: expected a regular expression without lookaround or backreferences, which run in linear time (invalid or unsupported Perl syntax: `(?=`), got "(?=x)FIX"',
      'placeholders[1]: expected a regular expression without lookaround or backreferences, which run in linear time (invalid escape sequence: `\\1`), got "(a)\\\\1"',
    ],
    check: (s) => assert.deepEqual(s.placeholders, ['(a+)+$']),
  },
  {
    name: 'globs that would cost too much to match are refused',
    input: { exclude: ['drafts/**', '{a,b}'.repeat(9), 'x/{1..9999999}.md', '!drafts/**'], kinds: { dd: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b'] } },
    problems: [
      'exclude[1]: expected a glob whose braces expand to at most 256 patterns, not 512, got "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"',
      'exclude[2]: expected a glob whose braces expand to at most 256 patterns, not 9999999, got "x/{1..9999999}.md"',
      'exclude[3]: expected a glob without negation ("!"): list the paths themselves, got "!drafts/**"',
    ],
    check: (s) => {
      assert.deepEqual(s.exclude, ['drafts/**']);
      assert.deepEqual(s.kinds.dd, ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b']);
    },
  },
  {
    name: 'misspelt keys and codes are reported with the closest valid name',
    input: { severity: { 'open-todos': 'off', placeholder: 'off', 'no-such-rule-at-all': 'off' }, externalLinks: { enabeld: true, timeoutMs: 5000 }, kinds: { DD: ['a/**'] }, topic: {} },
    problems: [
      'severity.open-todos: unknown diagnostic code; did you mean "open-todo"?',
      `severity.no-such-rule-at-all: unknown diagnostic code; expected one of ${ALL_CODES}`,
      'kinds.DD: unknown setting; did you mean "dd"?',
      'externalLinks.enabeld: unknown setting; did you mean "enabled"?',
      'topic: unknown setting; did you mean "topics"?',
    ],
    check: (s) => {
      assert.deepEqual(s.severity, { placeholder: 'off' });
      assert.equal(s.externalLinks.timeoutMs, 5000);
      assert.equal(s.externalLinks.enabled, false);
    },
  },
  {
    name: '__proto__ and constructor are unknown keys, and change no prototype',
    input: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {}, "severity": {"__proto__": "off", "constructor": "off"}, "topics": {"processes": {"__proto__": ["x"]}}}'),
    problems: [
      '__proto__: unknown setting',
      'severity.__proto__: unknown setting',
      'topics.processes.__proto__: unknown setting',
      `severity.constructor: unknown diagnostic code; expected one of ${ALL_CODES}`,
      'constructor: unknown setting; expected one of severity, kinds, placeholders, owners, repositories, exclude, externalLinks, topics',
    ],
    check: (s) => {
      assert.equal(Object.getPrototypeOf(s), Object.prototype);
      assert.equal(Object.getPrototypeOf(s.topics.processes), Object.prototype);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(s.severity, {});
    },
  },
  {
    name: 'a million bad elements are one problem, and a list over its limit is refused whole',
    input: { owners: ['@ok', ...Array.from({ length: 9_000 }, () => 1), 'not a handle'], placeholders: Array.from({ length: 1_000_000 }, () => 'x') },
    problems: [
      'placeholders: expected at most 100 items, got 1,000,000',
      'owners[1]: expected string, got 1 (and 8,999 more like it)',
      'owners[9001]: expected a GitHub handle such as "@octocat", got "not a handle"',
    ],
    check: (s) => {
      assert.deepEqual(s.owners, ['@ok']);
      assert.deepEqual(s.placeholders, []);
    },
  },
  { name: 'repository keys', input: { repositories: { community: '../c' } }, problems: ['repositories.community: invalid key "community": expected keys of the form "owner/repo"'] },
  {
    name: 'nested numbers keep their neighbours',
    input: { externalLinks: { enabled: true, timeoutMs: 0 } },
    problems: ['externalLinks.timeoutMs: expected a number > 0, got 0'],
    check: (s) => assert.equal(s.externalLinks.enabled, true),
  },
  { name: 'unknown key', input: { severities: {} }, problems: ['severities: unknown setting; did you mean "severity"?'] },
  { name: 'unknown key, nothing close', input: { colour: 'red' }, problems: ['colour: unknown setting; expected one of severity, kinds, placeholders, owners, repositories, exclude, externalLinks, topics'] },
  { name: 'not an object', input: [1], problems: ['(root): expected an object of settings, got a list'] },
];

for (const c of cases) {
  test(`settings: ${c.name}`, () => {
    const { settings, problems } = parseSettings(c.input);
    assert.deepEqual(problems.map((p) => `${p.key}: ${p.message}`), c.problems);
    c.check?.(settings);
  });
}

test('config file: JSON and YAML point at the bad value', () => {
  const json = parseConfigFile('{\n  "severity": { "open-todo": "loud" }\n}\n');
  assert.deepEqual(json.problems.map((p) => [p.key, p.range.start.line, p.range.start.character]), [['severity.open-todo', 1, 29]]);
  const yaml = parseConfigFile('severity:\n  open-todo: loud\nrepositories:\n  dragonflyoss/community: ../community\n');
  assert.deepEqual(yaml.problems.map((p) => [p.key, p.range.start.line, p.range.start.character]), [['severity.open-todo', 1, 13]]);
  assert.deepEqual(yaml.settings.repositories, { 'dragonflyoss/community': '../community' });
});

test('config file: a syntax error is one problem with a position, and defaults apply', () => {
  const broken = parseConfigFile('{ "severity": ');
  assert.equal(broken.problems.length, 1);
  assert.equal(broken.problems[0].key, '(syntax)');
  assert.deepEqual(broken.settings, defaultSettings());
});
