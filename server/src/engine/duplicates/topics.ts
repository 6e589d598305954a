import { DEFAULT_LEXICON, type Lexicon, type ProcessScope } from './lexicon';

/** What a governance section defines: a process, applied to roles (none for project-wide processes). */
export interface Topic {
  process: string;
  /** Role ids, sorted. Empty for a project-wide process that names no role. */
  roles: string[];
}

/** The process and roles a label names by itself, before any context. */
export interface LabelReading {
  process?: string;
  roles: string[];
}

export interface TopicContext {
  lexicon?: Lexicon;
  /** Roles of the nearest enclosing heading that names one: a label naming none takes these. */
  headingRoles?: readonly string[];
}

/**
 * The topic a heading or bold label defines: `How to Become a Maintainer` → join [maintainer],
 * `Adding New Member/Approver/Maintainer` → join [approver, maintainer, member],
 * `Reporting a Vulnerability` → report-vulnerability []. A label that names a role-bound process
 * but no role (`**Responsibilities**`) takes the enclosing role heading's roles, or has no topic;
 * a project-wide process keeps only the roles its own label names.
 */
export function topicOf(label: string, context: TopicContext = {}): Topic | undefined {
  const compiled = compile(context.lexicon ?? DEFAULT_LEXICON);
  const reading = read(label, compiled);
  if (!reading.process) return undefined;
  if (compiled.scopes.get(reading.process) === 'project') return { process: reading.process, roles: reading.roles };
  const roles = reading.roles.length > 0 ? reading.roles : [...new Set(context.headingRoles ?? [])].sort();
  if (roles.length === 0) return undefined;
  return { process: reading.process, roles };
}

/** What a label names by itself; headings that name only roles give their sections a role. */
export function readLabel(label: string, lexicon: Lexicon = DEFAULT_LEXICON): LabelReading {
  return read(label, compile(lexicon));
}

/** Whether two topics are the same process for an overlapping role. */
export function topicsOverlap(a: Topic, b: Topic): boolean {
  if (a.process !== b.process) return false;
  if (a.roles.length === 0 || b.roles.length === 0) return true;
  return a.roles.some((role) => b.roles.includes(role));
}

/** Lower-case words with plural `s` and possessive `'s` dropped, as labels and lexicon are matched. */
export function labelWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(singular);
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

interface CompiledTrigger {
  process: string;
  /** Every phrase must appear. */
  phrases: string[][];
}

interface CompiledRole {
  id: string;
  words: string[];
}

interface CompiledLexicon {
  /** By the first word of their first phrase: a label is only tried against triggers it may match. */
  triggers: Map<string, CompiledTrigger[]>;
  /** By first word, longest names first. */
  roles: Map<string, CompiledRole[]>;
  scopes: Map<string, ProcessScope>;
  notRoleBefore: Set<string>;
  dataWords: Set<string>;
  readings: Map<string, LabelReading>;
}

const compiledLexicons = new WeakMap<Lexicon, CompiledLexicon>();

function compile(lexicon: Lexicon): CompiledLexicon {
  const cached = compiledLexicons.get(lexicon);
  if (cached) return cached;
  const triggers = new Map<string, CompiledTrigger[]>();
  const scopes = new Map<string, ProcessScope>();
  for (const entry of lexicon.processes) {
    scopes.set(entry.id, entry.scope);
    for (const trigger of entry.triggers) {
      const phrases = trigger.split('+').map(labelWords).filter((phrase) => phrase.length > 0);
      if (phrases.length > 0) addTo(triggers, phrases[0][0], { process: entry.id, phrases });
    }
  }
  const roles = new Map<string, CompiledRole[]>();
  lexicon.roles
    .flatMap((entry) => entry.names.map((name) => ({ id: entry.id, words: labelWords(name) })))
    .filter((role) => role.words.length > 0)
    // Longest names first, so "security response team" wins over a shorter name at the same place.
    .sort((a, b) => b.words.length - a.words.length)
    .forEach((role) => addTo(roles, role.words[0], role));
  const compiled: CompiledLexicon = {
    triggers,
    roles,
    scopes,
    notRoleBefore: new Set(lexicon.notRoleBefore.flatMap(labelWords)),
    dataWords: new Set(lexicon.dataWords.flatMap(labelWords)),
    readings: new Map(),
  };
  compiledLexicons.set(lexicon, compiled);
  return compiled;
}

interface Match {
  start: number;
  end: number;
}

interface ProcessMatch {
  process: string;
  start: number;
  /** Words the trigger used. */
  covered: Set<number>;
}

/** Readings kept per lexicon: labels such as "Responsibilities" repeat in every file. */
const MAX_CACHED_READINGS = 10_000;
const MAX_CACHED_LABEL_LENGTH = 200;

function read(label: string, lexicon: CompiledLexicon): LabelReading {
  const cached = lexicon.readings.get(label);
  if (cached) return { ...cached, roles: [...cached.roles] };
  const reading = readUncached(label, lexicon);
  if (label.length <= MAX_CACHED_LABEL_LENGTH) {
    if (lexicon.readings.size >= MAX_CACHED_READINGS) lexicon.readings.clear();
    lexicon.readings.set(label, reading);
  }
  return { ...reading, roles: [...reading.roles] };
}

function readUncached(label: string, lexicon: CompiledLexicon): LabelReading {
  const words = labelWords(label);
  if (words.some((word) => lexicon.dataWords.has(word))) return { roles: [] };

  const roleMatches: (Match & { id: string })[] = [];
  for (let start = 0; start < words.length; start++) {
    const role = lexicon.roles.get(words[start])?.find((candidate) => matchesAt(words, start, candidate.words));
    if (!role) continue;
    const end = start + role.words.length;
    if (end < words.length && lexicon.notRoleBefore.has(words[end])) continue;
    roleMatches.push({ start, end, id: role.id });
    start = end - 1;
  }

  let processMatches: ProcessMatch[] = [];
  for (const trigger of new Set([...new Set(words)].flatMap((word) => lexicon.triggers.get(word) ?? []))) {
    const covered = new Set<number>();
    let start = Infinity;
    const all = trigger.phrases.every((phrase) => {
      const at = indexOfPhrase(words, phrase);
      if (at === -1) return false;
      for (let i = at; i < at + phrase.length; i++) covered.add(i);
      start = Math.min(start, at);
      return true;
    });
    if (all) processMatches.push({ process: trigger.process, start, covered });
  }

  // A word that names both a role and a process ("Emeritus") is the role when another process is named.
  const usesRoleWord = (match: ProcessMatch) => [...match.covered].some((i) => roleMatches.some((role) => i >= role.start && i < role.end));
  const clean = processMatches.filter((match) => !usesRoleWord(match));
  if (clean.length > 0) processMatches = clean;

  const chosen = processMatches.sort((a, b) => a.start - b.start || b.covered.size - a.covered.size)[0];
  const roles = roleMatches.filter((role) => !chosen || ![...chosen.covered].some((i) => i >= role.start && i < role.end)).map((role) => role.id);
  const reading: LabelReading = { roles: [...new Set(roles)].sort() };
  if (chosen) reading.process = chosen.process;
  return reading;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matchesAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > words.length) return false;
  for (let i = 0; i < phrase.length; i++) if (words[start + i] !== phrase[i]) return false;
  return true;
}

function indexOfPhrase(words: readonly string[], phrase: readonly string[]): number {
  for (let start = 0; start + phrase.length <= words.length; start++) if (matchesAt(words, start, phrase)) return start;
  return -1;
}
