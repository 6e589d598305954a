import { z } from 'zod';
import type { SeveritySetting } from './types';

const severity = z.enum(['off', 'hint', 'information', 'warning', 'error']);
const globs = z.array(z.string().min(1));

/**
 * Every setting, its type and its default. `governance.*` in VS Code and the keys of
 * `.govmd.json` / `.govmd.yaml` are the same names.
 */
const fields = {
  /** Severity per diagnostic code: `off`, `hint`, `information`, `warning` or `error`. */
  severity: z.record(z.string(), severity).default({}),
  /** Globs (relative to the workspace root) that force a document kind. */
  kinds: z
    .object({ dd: globs.default([]), meeting: globs.default([]), governance: globs.default([]), none: globs.default([]) })
    .prefault({}),
  /** Extra placeholder patterns (regular expressions) to report as template blanks. */
  placeholders: z.array(z.string().refine(isValidRegExp, 'a valid regular expression')).default([]),
  /** GitHub handles known to the project beyond MAINTAINERS / OWNERS files and attendee lists. */
  owners: z.array(z.string().regex(/^@?[A-Za-z0-9][A-Za-z0-9-]*$/, 'a GitHub handle such as "@octocat"')).default([]),
  /** `"OWNER/REPO": "relative/folder"`: GitHub URLs into OWNER/REPO resolve to that folder. */
  repositories: z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'keys of the form "owner/repo"'), z.string()).default({}),
  /** Files and folders never checked. */
  exclude: globs.default(['**/node_modules/**', '**/.git/**']),
  externalLinks: z
    .object({
      enabled: z.boolean().default(false),
      timeoutMs: z.number().int().positive().default(10_000),
      concurrency: z.number().int().positive().default(8),
      perHostConcurrency: z.number().int().positive().default(2),
      retries: z.number().int().min(0).max(10).default(2),
      cacheMaxAgeHours: z.number().positive().default(24),
      /** Also check links to localhost and private networks (an intranet's docs); off, they are never requested. */
      allowPrivateHosts: z.boolean().default(false),
    })
    .prefault({}),
  /** Processes and roles added to the lexicon that finds duplicated definitions. */
  topics: z
    .object({ processes: z.record(z.string(), z.array(z.string())).default({}), roles: z.record(z.string(), z.array(z.string())).default({}) })
    .prefault({}),
};

type Fields = typeof fields;
export type Settings = { [K in keyof Fields]: z.output<Fields[K]> };

export interface SettingsProblem {
  /** The key as the user wrote it: `severity.open-todo`, `externalLinks.timeoutMs`. */
  key: string;
  message: string;
}

export interface SettingsResult {
  settings: Settings;
  problems: SettingsProblem[];
}

export function defaultSettings(): Settings {
  return parseSettings({}).settings;
}

/**
 * Validates settings key by key: a bad value is reported and replaced by its default, and the
 * other keys keep their values. Unknown keys are reported too (they are usually typos).
 */
export function parseSettings(raw: unknown): SettingsResult {
  const problems: SettingsProblem[] = [];
  const input: Record<string, unknown> = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    problems.push({ key: '(root)', message: `expected an object of settings, got ${describe(raw)}` });
  }
  const settings = {} as Record<string, unknown>;
  for (const [key, schema] of Object.entries(fields) as [keyof Fields, z.ZodType][]) {
    settings[key] = parseField(key, schema, input[key], problems);
  }
  for (const key of Object.keys(input)) {
    if (!(key in fields)) problems.push({ key, message: `unknown setting; expected one of ${Object.keys(fields).join(', ')}` });
  }
  return { settings: settings as Settings, problems };
}

/** Objects are checked member by member so that one bad member costs only itself. */
function parseField(key: string, schema: z.ZodType, value: unknown, problems: SettingsProblem[]): unknown {
  const whole = schema.safeParse(value, { reportInput: true });
  if (whole.success) return whole.data;
  const fallback = schema.parse(undefined);
  if (isPlainObject(value) && isPlainObject(fallback)) {
    const kept: Record<string, unknown> = { ...fallback };
    for (const [member, memberValue] of Object.entries(value)) {
      const single = schema.safeParse({ [member]: memberValue }, { reportInput: true });
      if (single.success) kept[member] = (single.data as Record<string, unknown>)[member];
      else problems.push(...issuesOf(`${key}.${member}`, single.error));
    }
    const recheck = schema.safeParse(kept);
    if (recheck.success) return recheck.data;
  } else if (Array.isArray(value) && Array.isArray(fallback)) {
    const kept: unknown[] = [];
    value.forEach((element, index) => {
      const single = schema.safeParse([element], { reportInput: true });
      if (single.success) kept.push(...(single.data as unknown[]));
      else problems.push(...issuesOf(`${key}[${index}]`, single.error, true));
    });
    return kept;
  } else {
    problems.push(...issuesOf(key, whole.error));
  }
  return fallback;
}

/** `key` already names the member the issue is about; `issue.path` repeats it. */
function issuesOf(key: string, error: z.ZodError, keyIsComplete = false): SettingsProblem[] {
  return error.issues.map((issue) => {
    const inner = keyIsComplete ? [] : issue.path.slice(1).map(String);
    return { key: [key, ...inner].join('.'), message: messageOf(issue) };
  });
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, got ${describe(issue.input)}`;
    case 'invalid_format':
    case 'custom':
      return `expected ${issue.message}, got ${describe(issue.input)}`;
    case 'invalid_key':
      return `invalid key ${describe(issue.input)}: expected ${issue.issues[0]?.message ?? 'a valid key'}`;
    case 'too_small':
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, got ${describe(issue.input)}`;
    case 'too_big':
      return `expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, got ${describe(issue.input)}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function severityOverride(settings: Settings, code: string): SeveritySetting | undefined {
  return settings.severity[code];
}

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
