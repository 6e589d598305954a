import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateFinder, findDuplicates, type DuplicateGroup, type PlaceOf } from '../../../server/src/engine/duplicates/findDuplicates';
import { extractDefinitions, type Definition } from '../../../server/src/engine/duplicates/definitions';
import { DocumentParser, type ParsedDocument } from '../../../server/src/engine/parse/document';
import { bodyWords } from '../../../server/src/engine/duplicates/bodyText';
import { shingleHashes } from '../../../server/src/engine/duplicates/similarity';
import { LineIndex } from '../../../server/src/engine/text/lineIndex';
import { generateWorkspace } from '../../../bench/generatedWorkspace';
import { typedText } from '../../../bench/keystroke';
import { COMMUNITY, filesUnder, pathOf, uriOf, workspaceOf } from './helpers';

/** A group as a user meets it: reason, members with their places, related members, the canonical one. */
const shown = (groups: readonly DuplicateGroup[]) =>
  groups.map((group) => ({
    reason: group.reason,
    topic: group.topic,
    similarity: group.similarity,
    canonical: group.canonical,
    members: group.members.map((member) => `${member.uri}@${member.definition.labelSpan.start}→${member.duplicates.join(',')}`),
  }));

/** The words a heading's section says up to the next heading, as its shingles were made from. */
function ownWords(parsed: ParsedDocument, definition: Definition): string[] {
  const index = parsed.headings.findIndex((heading) => heading.span.start === definition.labelSpan.start);
  return bodyWords(parsed.text.slice(parsed.headings[index].span.end, parsed.headings[index + 1]?.span.start ?? parsed.text.length));
}

const scopeOf = (uri: string) => /^file:\/\/\/ws\/(repo-\d+)\//.exec(uri)?.[1] ?? '';

test('groups kept file by file through hundreds of edits (compacted now and then, as govmd check does) are those found from scratch, and each file is told when its groups change', () => {
  // Real governance files beside generated ones, where copies and topic duplicates are planted.
  const generated = generateWorkspace(160, 3);
  const files: Record<string, string> = Object.fromEntries([...generated].map(([uri, text]) => [uri.replace('file:///ws/', ''), text]));
  for (const [path, text] of Object.entries(filesUnder(COMMUNITY))) files[`repo-0/community/${path}`] = text;
  const { definitions, parsed } = workspaceOf(files);
  const variants = [...definitions.values()];
  const sources = [...definitions.keys()].map((uri) => parsed.get(uri)!);
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
    // What only a change reads is let go, and made again by the next edit (SimilarityIndex.compact).
    if (edit % 23 === 0) finder.compact();
    const uri = uris[Math.floor(random() * uris.length)];
    const choice = random();
    if (choice < 0.15) {
      current.delete(uri);
      finder.delete(uri);
    } else if (choice < 0.35) {
      // Another file's definitions pasted here with a word changed in each section compared: near copies, not identical ones.
      const pasted = Math.floor(random() * variants.length);
      const list = variants[pasted].map((definition) => {
        if (!definition.shingles) return definition;
        const words = ownWords(sources[pasted], definition);
        words[Math.floor(random() * words.length)] = `edited${edit}`;
        return { ...definition, shingles: shingleHashes(words) };
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

test('typing in a governance file keeps its groups and their members in place, and they read as the groups found from scratch', () => {
  const files: Record<string, string> = Object.fromEntries([...generateWorkspace(160, 5)].map(([uri, text]) => [uri.replace('file:///ws/', ''), text]));
  const { definitions } = workspaceOf(files);
  const typed = uriOf('repo-0/COMMUNITY_MEMBERSHIP.md');
  const other = uriOf('repo-1/COMMUNITY_MEMBERSHIP.md');
  const parser = new DocumentParser();
  // Where a host shows a span: line and column, so that only edits that move a label move a related place.
  const placeIn = (text: string): PlaceOf => {
    const lines = new LineIndex(text);
    return (span) => JSON.stringify(lines.range(span));
  };
  const current = new Map(definitions);
  const finder = new DuplicateFinder({ scopeOf: () => 'one workspace' });
  for (const [uri, list] of current) finder.set(uri, list, placeIn(files[pathOf(uri)]));
  const groupOfOther = finder.groupsOf(other).find((group) => group.members.some((member) => member.uri === typed))!;
  assert.ok(groupOfOther && groupOfOther.members.length > 5, 'the typed file shares a group with the other membership files');
  finder.takeChanged();

  let text = files['repo-0/COMMUNITY_MEMBERSHIP.md'];
  // A new paragraph under "Managing Membership", typed a character at a time: it moves the labels
  // below it, line by line, and soon has the words to be compared for copies.
  let at = text.indexOf('\n\n', text.indexOf('## Managing Membership')) + 1;
  const prose = `${typedText(240)}\n\n`;
  // The other file's groups as its findings show them: members by line and column.
  const shownInOther = () =>
    JSON.stringify(finder.groupsOf(other).map((group) => {
      const place = (index: number) => {
        const member = group.members[index];
        return `${member.uri} ${placeIn(member.uri === typed ? text : files[pathOf(member.uri)])(member.definition.labelSpan)}`;
      };
      return { ...shown([group])[0], members: group.members.map((member, index) => `${place(index)}→${member.duplicates.map(place).join(',')}`), canonical: place(group.canonical) };
    }));
  let before = shownInOther();
  for (const [index, character] of [...prose].entries()) {
    text = text.slice(0, at) + character + text.slice(at);
    at++;
    const list = extractDefinitions(parser.parse(text));
    current.set(typed, list);
    finder.set(typed, list, placeIn(text));
    const changed = finder.takeChanged();
    assert.ok(changed.has(typed), 'the typed file is told');
    const after = shownInOther();
    if (after !== before) assert.ok(changed.has(other), `the other file's findings changed without it being told (keystroke ${index + 1})`);
    before = after;
    if (index % 40 === 39 || index === prose.length - 1) assert.deepEqual(shown(finder.groups()), shown(findDuplicates(current, { scopeOf: () => 'one workspace' })), `after keystroke ${index + 1}`);
  }
  assert.ok(finder.groupsOf(other).includes(groupOfOther), 'the group was not formed again');
  const typedMember = groupOfOther.members.find((member) => member.uri === typed)!;
  assert.ok(current.get(typed)!.includes(typedMember.definition), 'its member is the latest text\'s definition');

  // A heading renamed: the groups are formed again, and still read as from scratch.
  text = text.replace('## Managing Membership', '## Managing Our Membership');
  current.set(typed, extractDefinitions(parser.parse(text)));
  finder.set(typed, current.get(typed)!, placeIn(text));
  assert.deepEqual(shown(finder.groups()), shown(findDuplicates(current, { scopeOf: () => 'one workspace' })));
});
