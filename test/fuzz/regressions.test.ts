import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fuzzSources } from './sources';
import { checkCliFix, checkDocumentProperties, fuzzProject } from './properties';
import { Project } from '../../server/src/engine/project';

// Every case npm run fuzz found (a hang, a crash, a lost byte), with its exact text: each holds
// the fuzz properties now, and says what it does not check. Before, each of these ran for
// minutes without an answer (the fuzzer's watchdog stopped them at 120 s). Most were shapes the
// parser cannot take in bounded time, now reported as not-checked; a case marked
// `"notChecked": false` was a quadratic step now made linear (ours, or GFM autolink literals'
// lookback for an open `[`: test/oracle/autolinkLiterals.ts for remark; the lezer reader asks
// lezer's own open-link state), and is checked in full.
const FOLDER = join(__dirname, 'regressions');

let project: Project | undefined;

for (const name of readdirSync(FOLDER).filter((file) => file.endsWith('.json.gz')).sort()) {
  const found = JSON.parse(gunzipSync(readFileSync(join(FOLDER, name))).toString('utf8')) as { found: string; path: string; text: string; notChecked?: false };
  test(`fuzz regression ${name} (${found.found}, ${found.path}, ${Math.round(found.text.length / 1024)} KB)`, { timeout: 120_000 }, async () => {
    project ??= fuzzProject(fuzzSources().workspace);
    await checkDocumentProperties(project, found.path, found.text);
    const uri = `file:///ws/${found.path}`;
    project.setOpenText(uri, found.text);
    const notChecked = (await project.check(uri)).filter((finding) => finding.code === 'not-checked');
    project.closeOpenText(uri);
    if (found.notChecked === false) assert.deepEqual(notChecked, [], 'checked in full');
    else assert.ok(notChecked.length > 0, 'the part the parser cannot take in bounded time is reported');
    await checkCliFix(found.path, found.text);
  });
}
