import { globMatcher } from '../globs';
import type { EvidenceFileKind } from '../generate/ddCriteria';

/**
 * Where CLOMonitor (cncf/clomonitor, clomonitor-core/src/linter/checks/*.rs) looks for each kind of
 * file in a repository, relative to its root, case-insensitively. Two departures: CLOMonitor lets
 * OWNERS / CODEOWNERS files pass its maintainers check, which here is a kind of its own (the DD asks
 * for code ownership separately), and RELEASES joins CLOMonitor's changelog patterns with the
 * `RELEASES.md or equivalent file` the graduation template names.
 */
export const FILE_KINDS: Record<EvidenceFileKind, { label: string; patterns: string[] }> = {
  MAINTAINERS: { label: 'MAINTAINERS file', patterns: ['maintainers*', 'docs/maintainers*'] },
  OWNERS: { label: 'OWNERS / CODEOWNERS file', patterns: ['owners*', 'docs/owners*', 'codeowners*', '.github/codeowners*', 'docs/codeowners*'] },
  GOVERNANCE: { label: 'GOVERNANCE file', patterns: ['governance*', 'docs/governance*'] },
  CODE_OF_CONDUCT: { label: 'CODE_OF_CONDUCT file', patterns: ['code*of*conduct*', '.github/code*of*conduct*', 'docs/code*of*conduct*'] },
  CONTRIBUTING: { label: 'CONTRIBUTING file', patterns: ['contributing*', '.github/contributing*', 'docs/contributing*'] },
  SECURITY: { label: 'SECURITY file', patterns: ['security*', '.github/security*', 'docs/security*'] },
  ADOPTERS: { label: 'ADOPTERS file', patterns: ['adopters*', 'users*'] },
  ROADMAP: { label: 'ROADMAP file', patterns: ['roadmap*'] },
  RELEASES: { label: 'RELEASES / CHANGELOG file', patterns: ['release*', 'docs/release*', 'changelog*'] },
};

const KINDS = Object.keys(FILE_KINDS) as EvidenceFileKind[];
// The patterns are lower case and matched against lower-cased paths: CLOMonitor ignores case.
const inRepository = KINDS.map((kind) => [kind, globMatcher(FILE_KINDS[kind].patterns)] as const);
const byName = KINDS.map((kind) => [kind, globMatcher(FILE_KINDS[kind].patterns.filter((p) => !p.includes('/')))] as const);

/** The kinds a file is, by its path below the repository's root (`docs/GOVERNANCE.md`). */
export function fileKindsAt(path: string): EvidenceFileKind[] {
  const lower = path.toLowerCase();
  return inRepository.filter(([, matches]) => matches(lower)).map(([kind]) => kind);
}

/** The kinds a file named in a DD is, by its name alone (`MAINTAINERS.md`, `.github/CODEOWNERS`). */
export function fileKindsNamed(name: string): EvidenceFileKind[] {
  const base = (name.split(/[/\\]/).pop() ?? name).toLowerCase();
  return byName.filter(([, matches]) => matches(base)).map(([kind]) => kind);
}
