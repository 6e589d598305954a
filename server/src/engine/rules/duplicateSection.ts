import { uriBasename } from '../text/uriText';
import type { Rule, WorkspaceDuplicates } from './rule';
import type { DuplicateGroup, DuplicateMember } from '../duplicates/findDuplicates';
import type { Definition } from '../duplicates/definitions';
import type { RelatedPlace } from '../types';
import { processEntry } from '../duplicates/lexicon';
import { linkReplacement } from '../duplicates/replacement';
import { fix } from './edits';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  description: 'One governance topic (a process for a role) is defined in two workspace files.',
  defaultSeverity: 'warning',
  // DDs and meeting notes evaluate and record processes; governance files define them.
  appliesTo: ['governance'],
  check({ doc, workspace }, report) {
    const duplicates = workspace.duplicates;
    if (!duplicates) return;
    for (const group of duplicates.groupsOf(doc.uri)) {
      for (const index of membersIn(group, doc.uri)) {
        const member = group.members[index];
        const others = member.duplicates.map((i) => group.members[i]);
        const related = relatedPlaces(member, others, duplicates);
        const canonical = group.members[group.canonical];
        const fixes = [];
        if (index !== group.canonical && canonical.uri !== doc.uri) {
          const replacement = linkReplacement(doc.text, member, canonical);
          fixes.push(fix(replacement.title, [{ span: replacement.span, newText: replacement.newText }], { isPreferred: true }));
        }
        report({
          span: member.definition.labelSpan,
          message: `${describe(group, member.definition.topic?.roles, duplicates.lexicon)} also defined in ${[...new Set(others.map((o) => fileName(o.uri)))].join(', ')}: keep one source of truth`,
          related,
          fixes,
        });
      }
    }
  },
};

/**
 * A group's members by file, read once per group: each governance file looks up its own, and a
 * group as large as the workspace is not read through again for every file in it.
 */
const membersByUri = new WeakMap<DuplicateGroup, Map<string, number[]>>();

function membersIn(group: DuplicateGroup, uri: string): readonly number[] {
  let byUri = membersByUri.get(group);
  if (!byUri) {
    byUri = new Map();
    for (const [index, member] of group.members.entries()) {
      const list = byUri.get(member.uri);
      if (list) list.push(index);
      else byUri.set(member.uri, [index]);
    }
    membersByUri.set(group, byUri);
  }
  return byUri.get(uri) ?? [];
}

/**
 * Each member's related places, kept while the members they show are the same definitions (a
 * definition stands for one text of its file, so its place cannot have moved): a keystroke makes
 * the typed file's findings again, not the places it names in the files it duplicates.
 */
const relatedByMember = new WeakMap<DuplicateMember, { shown: readonly Definition[]; places: RelatedPlace[] }>();

/**
 * Each definition's place as the other members' findings name it, made once for all of them: a
 * group of n members names each place n - 1 times (a definition written in every one of 10,000
 * generated repositories: 200,000 places, 30 MB held until the report, where 10,000 say the same).
 */
const placeOfDefinition = new WeakMap<Definition, RelatedPlace>();

function relatedPlaces(member: DuplicateMember, others: readonly DuplicateMember[], duplicates: WorkspaceDuplicates): RelatedPlace[] {
  const kept = relatedByMember.get(member);
  if (kept && kept.shown.length === others.length && others.every((other, index) => other.definition === kept.shown[index])) return kept.places;
  const places = others.map((other) => {
    let place = placeOfDefinition.get(other.definition);
    if (!place) {
      place = { uri: other.uri, range: duplicates.rangeOf(other.uri, other.definition.labelSpan), message: `Also defined here: "${other.definition.label}"` };
      placeOfDefinition.set(other.definition, place);
    }
    return place;
  });
  relatedByMember.set(member, { shown: others.map((other) => other.definition), places });
  return places;
}

/** Processes named by a noun read "The responsibilities of …"; the others "How to … as …". */
const NOUN_PROCESSES = new Set(['responsibilities', 'qualifications', 'privileges', 'define']);

/** `ownRoles`: the roles this member defines the process for, which may be fewer than the group's. */
function describe(group: DuplicateGroup, ownRoles: readonly string[] | undefined, lexicon: Parameters<typeof processEntry>[0]): string {
  if (group.reason === 'topic' && group.topic) {
    const title = processEntry(lexicon, group.topic.process)?.title ?? group.topic.process;
    const roles = (ownRoles?.length ? ownRoles : group.topic.roles).map((role) => role.replace(/-/g, ' ')).join(', ');
    if (NOUN_PROCESSES.has(group.topic.process)) return `The ${title}${roles ? ` of ${roles}` : ''} ${group.topic.process === 'define' ? 'is' : 'are'}`;
    return `How to ${title}${roles ? ` as ${roles}` : ''} is`;
  }
  const similarity = group.similarity !== undefined ? `, ${Math.round(group.similarity * 100)}% alike,` : '';
  return `This section${similarity} is`;
}

function fileName(uri: string): string {
  return uriBasename(uri);
}
