import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { govmd, REPO } from '../helpers/cli';
import { RULES } from '../../server/src/engine/rules';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

test('--help lists the commands and exit codes; exit 0 on stdout', () => {
  const run = govmd(['--help']);
  assert.equal(run.code, 0);
  assert.equal(run.stderr, '');
  for (const line of ['govmd check [paths...]', 'govmd progress PATH...', 'govmd template-diff FILE', 'govmd init [FOLDER]', 'govmd help [COMMAND]', 'govmd --version']) {
    assert.ok(run.stdout.includes(line), line);
  }
  assert.match(run.stdout, /Exit codes:\n  0 .*\n  1 .*\n  2 /);
  assert.equal(govmd(['-h']).stdout, run.stdout);
  assert.equal(govmd(['help']).stdout, run.stdout);
});

test('govmd alone: the usage on stderr, exit 2', () => {
  const run = govmd([]);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^govmd: checks/);
});

test('help check (and check --help): the options and every rule with its description', () => {
  const run = govmd(['help', 'check']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: govmd check \[paths\.\.\.\] \[options\]\n/);
  for (const option of ['--format text|json|sarif', '--config FILE', '--fail-on LEVEL', '--fix', '--external']) assert.ok(run.stdout.includes(option), option);
  for (const rule of RULES) assert.match(run.stdout, new RegExp(`\\n  ${rule.code} +${rule.description.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), rule.code);
  assert.equal(govmd(['check', '--help']).stdout, run.stdout);
  assert.match(govmd(['help', 'progress']).stdout, /--format text\|markdown\|json\|svg/);
  assert.match(govmd(['progress', '-h']).stdout, /^Usage: govmd progress/);
  assert.match(govmd(['help', 'init']).stdout, /^Usage: govmd init \[FOLDER\]/);
  assert.match(govmd(['template-diff', '--help']).stdout, /^Usage: govmd template-diff FILE/);
});

test('help of an unknown command: one line, exit 2', () => {
  const run = govmd(['help', 'lint']);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, "govmd: no help for 'lint'; commands are check, progress, template-diff, init and help. Try 'govmd --help'.\n");
});

test('--version prints the package version', () => {
  for (const flag of ['--version', '-v']) {
    const run = govmd([flag]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${manifest.version}\n`);
  }
});

/** A folder as a reviewer has it: a DD beside checkouts of the repositories it links into. */
function reviewFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-init-'));
  writeFileSync(join(folder, 'dd.md'), '# X Due Diligence\n');
  const checkout = (path: string, config: string) => {
    mkdirSync(join(folder, path, '.git'), { recursive: true });
    writeFileSync(join(folder, path, '.git', 'config'), config);
  };
  checkout('community', '[core]\n\tbare = false\n[remote "origin"]\n\turl = https://github.com/dragonflyoss/community.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
  // A fork: origin is the fork, upstream the project; links to either resolve to the checkout.
  checkout('repos/toc', '[remote "origin"]\n\turl = git@github.com:someone/toc.git\n[remote "upstream"]\n\turl = https://github.com/cncf/toc\n');
  // Not on GitHub, or no remote: nothing to map.
  checkout('mirror', '[remote "origin"]\n\turl = https://gitlab.com/x/y.git\n');
  checkout('scratch', '[core]\n\tbare = false\n');
  // A worktree: its .git is a file naming the git folder, whose commondir holds the config.
  mkdirSync(join(folder, 'wt'));
  mkdirSync(join(folder, 'repos', 'toc', '.git', 'worktrees', 'wt'), { recursive: true });
  writeFileSync(join(folder, 'repos', 'toc', '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
  writeFileSync(join(folder, 'wt', '.git'), `gitdir: ${join(folder, 'repos', 'toc', '.git', 'worktrees', 'wt')}\n`);
  // Dependencies are not the project's repositories.
  checkout('node_modules/dep', '[remote "origin"]\n\turl = https://github.com/x/dep\n');
  return folder;
}

test('init: writes .govmd.json with $schema and the repositories checked out below', () => {
  const folder = reviewFolder();
  const run = govmd(['init'], { cwd: folder });
  assert.equal(run.code, 0, run.stderr);
  const written = JSON.parse(readFileSync(join(folder, '.govmd.json'), 'utf8'));
  assert.deepEqual(written.repositories, {
    'dragonflyoss/community': 'community',
    'someone/toc': 'repos/toc',
    'cncf/toc': 'repos/toc',
  });
  // The worktree is a second checkout of cncf/toc: the first one found keeps the name.
  assert.deepEqual(Object.keys(written), ['$schema', 'repositories']);
  const schema = join(folder, written.$schema);
  assert.equal(relative(join(REPO, 'schemas', 'govmd.schema.json'), schema), '');
  assert.ok(existsSync(schema), `${written.$schema} resolves from the settings file`);
  assert.equal(run.stdout, [
    'Wrote .govmd.json with 3 repositories:',
    '  dragonflyoss/community -> community',
    '  someone/toc -> repos/toc',
    '  cncf/toc -> repos/toc',
    '',
  ].join('\n'));
  // The file it writes is one govmd check accepts.
  const check = govmd(['check', '.', '--format', 'json'], { cwd: folder });
  assert.equal(check.stderr, '');
  assert.equal(check.code, 0);
});

test('init: refuses to overwrite a settings file, and says which', () => {
  const folder = reviewFolder();
  writeFileSync(join(folder, '.govmd.yaml'), 'severity: {}\n');
  const run = govmd(['init', folder]);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, `govmd: ${relative(REPO, join(folder, '.govmd.yaml'))}: already exists; govmd init does not overwrite a settings file\n`);
  assert.equal(existsSync(join(folder, '.govmd.json')), false);
  assert.equal(readFileSync(join(folder, '.govmd.yaml'), 'utf8'), 'severity: {}\n');
  const again = mkdtempSync(join(tmpdir(), 'govmd-init-'));
  assert.equal(govmd(['init'], { cwd: again }).code, 0);
  const before = readFileSync(join(again, '.govmd.json'), 'utf8');
  assert.equal(govmd(['init'], { cwd: again }).code, 2);
  assert.equal(readFileSync(join(again, '.govmd.json'), 'utf8'), before);
});

test('init: a folder that does not exist, or two folders, exit 2 with one line', () => {
  const missing = govmd(['init', join(tmpdir(), 'govmd-no-such-folder')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /govmd-no-such-folder: is not a folder\n$/);
  const two = govmd(['init', 'a', 'b']);
  assert.equal(two.code, 2);
  assert.equal(two.stderr, "govmd: init takes one folder. Try 'govmd --help'.\n");
});
