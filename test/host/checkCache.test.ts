import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../server/src/engine/project';
import { defaultSettings } from '../../server/src/engine/settings';
import { fileUri } from '../../server/src/engine/text/uriText';
import { FsWorkspace } from '../../server/src/host/fsWorkspace';
import { CheckCache, RecordingWorkspace, type FileOutcome } from '../../server/src/host/checkCache';
import { ParsedDocuments } from '../../server/src/host/parsedDocuments';

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'govmd-cache-unit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** One cached run as the CLI makes it: what the check read is recorded with the outcomes. */
async function checkAndSave(cache: CheckCache, root: string, key: unknown, paths: string[]): Promise<[string, FileOutcome][]> {
  const workspace = new FsWorkspace([root], defaultSettings().exclude);
  const recorder = new RecordingWorkspace(workspace);
  const project = new Project(recorder, defaultSettings(), { parsed: new ParsedDocuments() });
  const outcomes: [string, FileOutcome][] = [];
  for (const path of paths) outcomes.push([path, { findings: await project.check(fileUri(path)) }]);
  await cache.saveRun(root, key, { reads: [...recorder.reads], stamps: [...recorder.stamps], stats: [...recorder.stats], listing: recorder.listing, outcomes });
  return outcomes;
}

const replay = (cache: CheckCache, root: string, key: unknown) => cache.replay(root, key, new FsWorkspace([root], defaultSettings().exclude));

test('the cache gives back a run\'s outcomes while every file it read and every path it asked about is the same', async () => {
  const root = folderWith({ 'a.md': '# A\n\nTODO: this\n\nSee [B](b.md#b) and [C](c.md).\n', 'b.md': '# B\n' });
  const cache = new CheckCache(join(root, '.cache'), 'engine 1');
  const paths = [join(root, 'a.md'), join(root, 'b.md')];
  const outcomes = await checkAndSave(cache, root, { paths }, paths);
  assert.ok(outcomes.some(([, outcome]) => 'findings' in outcome && outcome.findings.some((f) => f.code === 'broken-link')));
  assert.deepEqual(await replay(cache, root, { paths }), new Map(outcomes));

  assert.equal(await replay(cache, root, { paths: paths.slice(1) }), undefined, 'another run key');
  assert.equal(await new CheckCache(join(root, '.cache'), 'engine 2').replay(root, { paths }, new FsWorkspace([root], [])), undefined, 'another engine');

  writeFileSync(join(root, 'c.md'), '# C\n');
  assert.equal(await replay(cache, root, { paths }), undefined, 'a link target that now exists');
  await checkAndSave(cache, root, { paths }, paths);
  assert.ok(await replay(cache, root, { paths }));

  writeFileSync(join(root, 'b.md'), '# Not B\n');
  assert.equal(await replay(cache, root, { paths }), undefined, 'a link target\'s anchors changed');
  await checkAndSave(cache, root, { paths }, paths);
  rmSync(join(root, 'c.md'));
  assert.equal(await replay(cache, root, { paths }), undefined, 'a link target that is gone');
});

test('the cache keeps parses by content: the same text in another file, or in the next run, is not parsed again', async () => {
  const root = folderWith({});
  mkdirSync(join(root, 'x'));
  const cache = new CheckCache(join(root, '.cache'), 'engine 1');
  const first = new ParsedDocuments();
  first.useKept(await cache.parses(root, []));
  const project = new Project(new FsWorkspace([root], []), defaultSettings(), { parsed: first });
  const parsed = (await project.documentFromText('file:///ws/a.md', '# Title\n\n- [ ] **Open**\n')).parsed;
  assert.ok(first.keptChanged);
  await cache.saveParses(root, [], first.used);

  const second = new ParsedDocuments();
  second.useKept(await cache.parses(root, []));
  const again = second.get('file:///ws/other.md', '# Title\n\n- [ ] **Open**\n', !parsed.structured);
  assert.ok(again);
  assert.deepEqual({ ...again, lines: undefined }, { ...parsed, lines: undefined });
  assert.equal(second.keptChanged, false);
  assert.equal((await cache.parses(root, ['\\bTBD\\b'])).size, 0, 'parses made with other placeholder patterns are not used');
});

test('a file whose size, modification time and inode are as recorded is not read again; one touched is read and compared', async () => {
  const root = folderWith({ 'a.md': '# A\n\nSee [B](b.md#b).\n', 'b.md': '# B\n' });
  const cache = new CheckCache(join(root, '.cache'), 'engine 1');
  const paths = [join(root, 'a.md')];
  const target = join(root, 'b.md');
  // Whole seconds, so that setting the time back gives the very same stamp.
  const atime = new Date('2026-01-01T00:00:00Z');
  const mtime = new Date('2026-01-02T00:00:00Z');
  utimesSync(target, atime, mtime);
  const outcomes = await checkAndSave(cache, root, { paths }, paths);

  utimesSync(target, atime, new Date(mtime.getTime() + 5000));
  assert.deepEqual(await replay(cache, root, { paths }), new Map(outcomes), 'touched, same text: the hash still matches');

  // Same size, same modification time, same inode as recorded: not read (ESLint's metadata strategy
  // trusts it too), so the recorded outcome stands although the text is not the one checked.
  writeFileSync(target, '# C\n');
  utimesSync(target, atime, mtime);
  assert.deepEqual(await replay(cache, root, { paths }), new Map(outcomes), 'not read: its stamp is the recorded one');
  utimesSync(target, atime, new Date(mtime.getTime() + 9000));
  assert.equal(await replay(cache, root, { paths }), undefined, 'written since: read, and its anchors changed');
});
