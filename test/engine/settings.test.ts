import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings, defaultSettings } from '../../server/src/engine/settings';
import { parseConfigFile } from '../../server/src/engine/configFile';

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
  { name: 'bad regular expression', input: { placeholders: ['(unclosed'] }, problems: ['placeholders[0]: expected a valid regular expression, got "(unclosed"'] },
  { name: 'repository keys', input: { repositories: { community: '../c' } }, problems: ['repositories.community: invalid key "community": expected keys of the form "owner/repo"'] },
  {
    name: 'nested numbers keep their neighbours',
    input: { externalLinks: { enabled: true, timeoutMs: 0 } },
    problems: ['externalLinks.timeoutMs: expected a number > 0, got 0'],
    check: (s) => assert.equal(s.externalLinks.enabled, true),
  },
  { name: 'unknown key', input: { severities: {} }, problems: ['severities: unknown setting; expected one of severity, kinds, placeholders, owners, repositories, exclude, externalLinks, topics'] },
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
