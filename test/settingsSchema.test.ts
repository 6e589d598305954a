// The JSON Schema editors validate .govmd.json / .govmd.yaml with is generated from the zod
// schema govmd validates with: the committed file must be exactly what the zod schema makes, and
// the two must accept and reject the same settings files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { settingsJsonSchemaText } from '../server/src/engine/settingsSchema';
import { parseSettings } from '../server/src/engine/settings';
import { RULES } from '../server/src/engine/rules';
import { REPO } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const SCHEMA_FILE = join(REPO, 'schemas', 'govmd.schema.json');
const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed);

test('schemas/govmd.schema.json is what the zod schema generates (npm run schema writes it)', () => {
  assert.equal(committed, settingsJsonSchemaText(), 'the settings changed: run `npm run schema` and commit schemas/govmd.schema.json');
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
});

test('the schema knows every rule code and severity, and every setting', () => {
  assert.deepEqual(schema.properties.severity.propertyNames.enum, RULES.map((rule) => rule.code));
  assert.deepEqual(schema.properties.severity.additionalProperties.enum, ['off', 'hint', 'information', 'warning', 'error']);
  assert.deepEqual(Object.keys(schema.properties).filter((key) => key !== '$schema'), Object.keys(parseSettings({}).settings));
  assert.equal(schema.additionalProperties, false);
  for (const [key, property] of Object.entries<{ description?: string }>(schema.properties)) assert.ok(property.description, `${key} has a description`);
});

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
})();

/** `schemaValid`, where it differs from `valid`: what JSON Schema cannot say. */
const files: { name: string; settings: unknown; valid: boolean; schemaValid?: boolean }[] = [
  { name: 'empty', settings: {}, valid: true },
  { name: 'the fixtures\' settings file', settings: JSON.parse(readFileSync(join(FIXTURES, '.govmd.json'), 'utf8')), valid: true },
  { name: 'what govmd init writes', settings: { $schema: './node_modules/governance-markdown/schemas/govmd.schema.json', repositories: { 'cncf/toc': 'toc' } }, valid: true },
  { name: 'every setting', settings: { severity: { 'open-todo': 'off', 'broken-link': 'error' }, kinds: { dd: ['reviews/**'], none: ['drafts/**'] }, placeholders: ['\\{email\\}'], owners: ['@octocat', 'gaius-qi'], exclude: ['archive/**'], externalLinks: { enabled: true, timeoutMs: 5000, retries: 0, cacheMaxAgeHours: 1.5 }, topics: { processes: { onboard: ['onboarding'] }, roles: { triager: ['triagers'] } } }, valid: true },
  { name: 'an unknown key', settings: { severty: {} }, valid: false },
  { name: 'a misspelt rule code', settings: { severity: { 'open-todos': 'off' } }, valid: false },
  { name: 'an unknown severity', settings: { severity: { 'open-todo': 'loud' } }, valid: false },
  { name: 'a handle with a space', settings: { owners: ['not a handle'] }, valid: false },
  { name: 'a repository key without owner', settings: { repositories: { community: '../c' } }, valid: false },
  { name: 'a timeout of 0', settings: { externalLinks: { timeoutMs: 0 } }, valid: false },
  { name: 'a fractional concurrency', settings: { externalLinks: { concurrency: 1.5 } }, valid: false },
  { name: 'too many retries', settings: { externalLinks: { retries: 11 } }, valid: false },
  { name: 'a glob instead of a list', settings: { exclude: 'docs/**' }, valid: false },
  { name: 'an empty glob', settings: { kinds: { dd: [''] } }, valid: false },
  { name: 'a broken regular expression', settings: { placeholders: ['(unclosed'] }, valid: false },
  { name: 'a list of settings', settings: [], valid: false },
  { name: 'an unknown key inside externalLinks', settings: { externalLinks: { enable: true } }, valid: false },
  { name: 'a kind that does not exist', settings: { kinds: { record: ['x/**'] } }, valid: false },
  { name: 'more than 100 placeholders', settings: { placeholders: Array.from({ length: 101 }, (_, i) => `x${i}`) }, valid: false },
  // RE2 runs placeholders in linear time: lookaround is a valid regular expression JSON Schema
  // accepts, and govmd refuses (the schema's "format": "regex" cannot say more).
  { name: 'a placeholder with lookaround', settings: { placeholders: ['(?=x)y'] }, valid: false, schemaValid: true },
];

for (const file of files) {
  test(`schema and govmd agree: ${file.name} is ${file.valid ? 'accepted' : 'rejected'}`, () => {
    assert.equal(validate(file.settings), file.schemaValid ?? file.valid, JSON.stringify(validate.errors));
    assert.equal(parseSettings(file.settings).problems.length === 0, file.valid, JSON.stringify(parseSettings(file.settings).problems));
  });
}

test('VS Code validates .govmd.json with it, and the YAML extension .govmd.yaml', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['.govmd.json'], url: './schemas/govmd.schema.json' }]);
  assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.govmd.yaml', '.govmd.yml'], url: './schemas/govmd.schema.json' }]);
});
