import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { govmd, REPO } from '../helpers/cli';

// The fixtures are far below the text a worker thread must have to pay for its start-up: lowered
// here, every run with more than one job parses in workers.
const WORKERS_FOR_ANY_SIZE = { ...process.env, GOVMD_BYTES_PER_WORKER: '1' };

function sameReport(args: string[], cwd: string) {
  const one = govmd([...args, '--jobs', '1'], { cwd });
  const many = govmd([...args, '--jobs', '3'], { cwd, env: WORKERS_FOR_ANY_SIZE });
  assert.equal(many.stdout, one.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(many.stderr, one.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(many.code, one.code, `exit code of ${args.join(' ')}`);
  return one;
}

test('--jobs: the fixtures give the same report, byte for byte, in every format, with one job and with three', () => {
  const fixtures = join(REPO, 'test', 'fixtures');
  for (const format of ['text', 'json', 'sarif']) {
    const run = sameReport(['check', '.', '--hints', '--format', format], fixtures);
    assert.equal(run.code, 1);
    if (format === 'json') assert.ok(JSON.parse(run.stdout).length > 50, 'the fixtures have findings to compare');
  }
  // Named files and a folder of another workspace root: the same order as with one job.
  sameReport(['check', 'seeds/maintainer-meeting.md', 'dragonflyoss-community', 'seeds/dragonfly-graduation-dd.md', '--format', 'json'], fixtures);
});

test('--jobs: files that cannot be read are said the same way, once, with the same exit code', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-jobs-'));
  writeFileSync(join(folder, 'good.md'), '# Notes\n\nTODO: still checked\n');
  writeFileSync(join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  writeFileSync(join(folder, 'latin1.md'), Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' TODO: x\n')]));
  writeFileSync(join(folder, 'other.md'), '- [ ] **criterion** TBD\n');
  const run = sameReport(['check', '.', '--format', 'json'], folder);
  assert.equal(run.code, 2);
  assert.deepEqual(run.stderr.trimEnd().split('\n').sort(), ['govmd: binary.md: is a binary file (it holds NUL bytes)', 'govmd: latin1.md: is not valid UTF-8 (first bad byte at offset 3)']);
});

test('--jobs: a count that is not a whole number above 0 is refused in one line, exit 2', () => {
  for (const jobs of ['0', '-1', '1.5', 'many']) {
    const run = govmd(['check', '.', `--jobs=${jobs}`], { cwd: join(REPO, 'test', 'fixtures', 'seeds') });
    assert.equal(run.code, 2, jobs);
    assert.equal(run.stderr, `govmd: --jobs takes a whole number above 0, not '${jobs}'. Try 'govmd --help'.\n`);
  }
});
