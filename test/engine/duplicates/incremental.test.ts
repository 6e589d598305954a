import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateFinder, findDuplicates, type DuplicateGroup } from '../../../server/src/engine/duplicates/findDuplicates';
import type { Definition } from '../../../server/src/engine/duplicates/definitions';
import { generateWorkspace } from '../../../bench/generatedWorkspace';
import { COMMUNITY, filesUnder, workspaceOf } from './helpers';

/** A group as a user meets it: reason, members with their places, related members, the canonical one. */
const shown = (groups: readonly DuplicateGroup[]) =>
  groups.map((group) => ({
    reason: group.reason,
    topic: group.topic,
    similarity: group.similarity,
    canonical: group.canonical,
    members: group.members.map((member) => `${member.uri}@${member.definition.labelSpan.start}→${member.duplicates.join(',')}`),
  }));

const scopeOf = (uri: string) => /^file:\/\/\/ws\/(repo-\d+)\//.exec(uri)?.[1] ?? '';

test('groups kept file by file through hundreds of edits are those found from scratch, and each file is told when its groups change', () => {
  // Real governance files beside generated ones, where copies and topic duplicates are planted.
  const generated = generateWorkspace(160, 3);
  const files: Record<string, string> = Object.fromEntries([...generated].map(([uri, text]) => [uri.replace('file:///ws/', ''), text]));
  for (const [path, text] of Object.entries(filesUnder(COMMUNITY))) files[`repo-0/community/${path}`] = text;
  const { definitions } = workspaceOf(files);
  const variants = [...definitions.values()];
  let state = 11;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);

  const current = new Map(definitions);
  const finder = new DuplicateFinder({ scopeOf });
  for (const [uri, list] of current) finder.set(uri, list);
  assert.deepEqual(shown(finder.groups()), shown(findDuplicates(current, { scopeOf })));
  const kinds = new Set(finder.groups().map((group) => group.reason));
  assert.deepEqual([...kinds].sort(), ['same-heading', 'similar-body', 'topic'], 'every kind of group takes part');
  finder.takeChanged();
  const uris = [...definitions.keys()];
  let before = new Map(uris.map((uri) => [uri, JSON.stringify(shown(finder.groupsOf(uri)))]));
  for (let edit = 0; edit < 300; edit++) {
    const uri = uris[Math.floor(random() * uris.length)];
    const choice = random();
    if (choice < 0.15) {
      current.delete(uri);
      finder.delete(uri);
    } else if (choice < 0.35) {
      // Another file's definitions pasted here with a word changed in each: near copies, not identical ones.
      const list = variants[Math.floor(random() * variants.length)].map((definition) => {
        const words = definition.text.split(' ');
        words[Math.floor(random() * words.length)] = `edited${edit}`;
        return { ...definition, text: words.join(' ') };
      });
      current.set(uri, list);
      finder.set(uri, list);
    } else {
      // Another file's definitions pasted here (a copy), or its own back again.
      const list: readonly Definition[] = choice < 0.6 ? variants[Math.floor(random() * variants.length)] : definitions.get(uri)!;
      current.set(uri, [...list]);
      finder.set(uri, [...list]);
    }
    if (edit % 10 !== 9) continue;
    assert.deepEqual(shown(finder.groups()), shown(findDuplicates(current, { scopeOf })), `after edit ${edit + 1}`);
    const changed = finder.takeChanged();
    const after = new Map(uris.map((other) => [other, JSON.stringify(shown(finder.groupsOf(other)))]));
    for (const other of uris) {
      if (before.get(other) !== after.get(other)) assert.ok(changed.has(other), `${other}'s groups changed without it being told (edit ${edit + 1})`);
    }
    before = after;
  }
});

test('a near copy added later joins the copies already grouped, and the group is not left behind twice', () => {
  const body = 'Every change to the release process is proposed in a pull request, reviewed by two maintainers from different companies, and announced on the mailing list a week before it takes effect so that downstream packagers can prepare.';
  const nearCopy = body.replace('announced', 'published');
  const { definitions } = workspaceOf({
    'a/RELEASE.md': `# Release\n\n## Changing the Process\n\n${body}\n`,
    'b/RELEASING.md': `# Releasing\n\n## Changing the Process\n\n${body}\n`,
    'c/PROCESS.md': `# Process\n\n## Release Changes\n\n${nearCopy}\n`,
  });
  const finder = new DuplicateFinder();
  finder.set('file:///ws/a/RELEASE.md', definitions.get('file:///ws/a/RELEASE.md')!);
  finder.set('file:///ws/b/RELEASING.md', definitions.get('file:///ws/b/RELEASING.md')!);
  assert.deepEqual(finder.groups().map((group) => group.members.length), [2]);
  finder.takeChanged();
  finder.set('file:///ws/c/PROCESS.md', definitions.get('file:///ws/c/PROCESS.md')!);
  assert.deepEqual(shown(finder.groups()), shown(findDuplicates(definitions)));
  assert.deepEqual(finder.groups().map((group) => [group.reason, group.members.length]), [['similar-body', 3]]);
  assert.deepEqual([...finder.takeChanged()].sort(), ['file:///ws/a/RELEASE.md', 'file:///ws/b/RELEASING.md', 'file:///ws/c/PROCESS.md']);
  finder.delete('file:///ws/a/RELEASE.md');
  assert.deepEqual(finder.groups().map((group) => [group.reason, group.members.map((member) => member.uri)]), [['similar-body', ['file:///ws/b/RELEASING.md', 'file:///ws/c/PROCESS.md']]]);
});
