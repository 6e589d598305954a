import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/engine/rules';

const ROOT = join(__dirname, '..');

test('every rule has a doc page that names its code and default severity', () => {
  for (const rule of RULES) {
    const page = join(ROOT, 'docs', 'rules', `${rule.code}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.code}.md`);
    const text = readFileSync(page, 'utf8');
    assert.match(text, new RegExp(`^# ${rule.code}\\n`), rule.code);
    assert.match(text, /Default severity/, rule.code);
  }
});

test('every rule has a table test', () => {
  const tests = readdirSync(join(ROOT, 'test', 'engine', 'rules'));
  for (const rule of RULES) assert.ok(tests.includes(`${rule.code}.test.ts`), `test/engine/rules/${rule.code}.test.ts`);
});
