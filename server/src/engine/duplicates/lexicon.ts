import type { Settings } from '../settings';

/**
 * A `role` process is about a role (who joins, who is removed): a label that names none, and sits
 * under no heading that names one, defines nothing we can compare. A `project` process (reporting
 * a vulnerability, the release process) is the project's whole: it needs no role.
 */
export type ProcessScope = 'role' | 'project';

export interface ProcessEntry {
  /** Stable id: topics, messages and the `topics.processes` setting name the process by it. */
  id: string;
  /** How a message names the process: "join or be added". */
  title: string;
  scope: ProcessScope;
  /**
   * Words or phrases that name the process in a heading or a bold label, matched word by word
   * after lower-casing and dropping plural `s`. `a + b` means both phrases appear, in any order.
   */
  triggers: readonly string[];
  /** Words in a file name that say the process lives there: the copy others should link to. */
  homes: readonly string[];
}

export interface RoleEntry {
  /** Stable id: topics and the `topics.roles` setting name the role by it. */
  id: string;
  /** Names of the role, singular: plurals (`Maintainers`, `Committees`) are read as the singular. */
  names: readonly string[];
}

export interface Lexicon {
  processes: readonly ProcessEntry[];
  roles: readonly RoleEntry[];
  /** A role name followed by one of these is something else: "Contributor Ladder", "Maintainer Meeting". */
  notRoleBefore: readonly string[];
  /** A label with one of these names data, not a process: "Vote Results", "Maintainer List". */
  dataWords: readonly string[];
}

const MEMBERSHIP_HOMES = ['membership', 'governance', 'ladder', 'roles'];

export const DEFAULT_LEXICON: Lexicon = {
  processes: [
    {
      id: 'join',
      title: 'join or be added',
      scope: 'role',
      triggers: ['join', 'joining', 'add', 'adding', 'addition', 'become', 'becoming', 'nominate', 'nominating', 'nomination', 'promote', 'promoting', 'promotion', 'onboard', 'onboarding', 'apply', 'applying', 'appoint', 'appointing', 'appointment'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      id: 'remove',
      title: 'be removed',
      scope: 'role',
      triggers: ['remove', 'removing', 'removal', 'offboard', 'offboarding', 'inactive', 'inactivity', 'expel', 'expulsion', 'revoke', 'revoking', 'revocation'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      id: 'step-down',
      title: 'step down',
      scope: 'role',
      triggers: ['step down', 'stepping down', 'emeritus', 'departure', 'depart', 'departing', 'leave', 'leaving', 'resign', 'resigning', 'resignation', 'retire', 'retiring', 'retirement', 'alumni'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      id: 'vote',
      title: 'vote and decide',
      scope: 'project',
      triggers: ['vote', 'voting', 'decide', 'deciding', 'decision', 'decision making', 'quorum', 'supermajority'],
      homes: ['governance', 'decision', 'voting', 'charter'],
    },
    {
      id: 'elect',
      title: 'elect and fill vacancies',
      scope: 'project',
      triggers: ['elect', 'electing', 'election', 'vacancy', 'term limit'],
      homes: ['governance', 'election', 'membership', 'charter'],
    },
    {
      id: 'report-violation',
      title: 'report a Code of Conduct violation',
      scope: 'project',
      triggers: ['violation', 'enforcement', 'report + conduct', 'reporting + conduct', 'report + harassment', 'reporting + harassment', 'report + abuse', 'reporting + abuse'],
      homes: ['code_of_conduct', 'conduct', 'coc'],
    },
    {
      id: 'report-vulnerability',
      title: 'report a vulnerability',
      scope: 'project',
      triggers: ['vulnerability', 'security issue', 'security bug', 'security report', 'security reporting', 'report + security', 'reporting + security', 'security disclosure', 'responsible disclosure'],
      homes: ['security'],
    },
    {
      id: 'release',
      title: 'release',
      scope: 'project',
      triggers: ['release process', 'release procedure', 'releasing', 'release cycle', 'release workflow', 'release management', 'cutting a release', 'making a release', 'how to release'],
      homes: ['release'],
    },
    {
      id: 'change-roadmap',
      title: 'change the roadmap',
      scope: 'project',
      triggers: ['roadmap + change', 'roadmap + changing', 'roadmap + update', 'roadmap + updating', 'roadmap process', 'roadmap + propose', 'roadmap + proposal'],
      homes: ['roadmap'],
    },
    {
      id: 'amend-governance',
      title: 'amend the governance',
      scope: 'project',
      triggers: ['amend', 'amending', 'amendment', 'governance + change', 'governance + changing', 'charter + change', 'charter + changing', 'modifying + governance', 'modifying + charter'],
      homes: ['governance', 'charter'],
    },
    {
      id: 'responsibilities',
      title: 'responsibilities',
      scope: 'role',
      triggers: ['responsibility', 'duty', 'duties', 'expectation'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      id: 'qualifications',
      title: 'qualifications',
      scope: 'role',
      triggers: ['qualification', 'requirement', 'criteria', 'criterion', 'eligibility', 'prerequisite'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      id: 'privileges',
      title: 'privileges',
      scope: 'role',
      triggers: ['privilege', 'right', 'permission', 'perk'],
      homes: MEMBERSHIP_HOMES,
    },
    {
      // Also read from `A **Maintainer** is …` sentences, which name no process.
      id: 'define',
      title: 'definition',
      scope: 'role',
      triggers: ['what is', 'what are', 'role of', 'definition'],
      homes: MEMBERSHIP_HOMES,
    },
  ],
  roles: [
    { id: 'contributor', names: ['contributor'] },
    { id: 'member', names: ['member', 'organization member', 'org member'] },
    { id: 'reviewer', names: ['reviewer'] },
    { id: 'approver', names: ['approver'] },
    { id: 'maintainer', names: ['maintainer', 'core maintainer'] },
    { id: 'owner', names: ['owner', 'code owner', 'subproject owner'] },
    { id: 'committer', names: ['committer'] },
    { id: 'emeritus', names: ['emeritus'] },
    { id: 'lead', names: ['lead', 'leader', 'tech lead', 'technical lead', 'project lead', 'subproject lead'] },
    { id: 'chair', names: ['chair', 'co chair', 'chairperson'] },
    { id: 'security-team', names: ['security team', 'security response team', 'security response committee', 'product security committee'] },
    { id: 'steering-committee', names: ['steering committee', 'technical steering committee', 'tsc'] },
    { id: 'community-manager', names: ['community manager'] },
    { id: 'release-manager', names: ['release manager'] },
  ],
  notRoleBefore: ['ladder', 'guide', 'guideline', 'meeting', 'group', 'list', 'file', 'channel', 'handbook', 'mailing'],
  dataWords: ['result', 'record', 'history', 'log', 'list', 'roster', 'template', 'example'],
};

type Topics = Settings['topics'];

/**
 * The built-in lexicon plus the user's `topics` setting. A known id gains the user's words; an
 * unknown process id becomes a new process, matched with or without a role (the setting cannot say
 * which it is), and an unknown role id a new role.
 */
export function mergeLexicon(topics: Topics | undefined, base: Lexicon = DEFAULT_LEXICON): Lexicon {
  const processes = base.processes.map((entry) => ({ ...entry, triggers: [...entry.triggers] }));
  const roles = base.roles.map((entry) => ({ ...entry, names: [...entry.names] }));
  for (const [id, words] of Object.entries(topics?.processes ?? {})) {
    const known = processes.find((entry) => entry.id.toLowerCase() === id.toLowerCase());
    if (known) known.triggers.push(...words);
    else processes.push({ id, title: id, scope: 'project', triggers: words.length > 0 ? [...words] : [id], homes: [] });
  }
  for (const [id, names] of Object.entries(topics?.roles ?? {})) {
    const known = roles.find((entry) => entry.id.toLowerCase() === id.toLowerCase());
    if (known) known.names.push(...names);
    else roles.push({ id, names: names.length > 0 ? [...names] : [id] });
  }
  return { ...base, processes, roles };
}

export function processEntry(lexicon: Lexicon, id: string): ProcessEntry | undefined {
  return lexicon.processes.find((entry) => entry.id === id);
}
