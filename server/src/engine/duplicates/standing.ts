/**
 * Which governance files state how a project works today. Only these take part in
 * `duplicate-section`: a dated record or an archive describes a moment and may repeat anything
 * (an annual review copies last year's section, a governance review quotes the project's
 * GOVERNANCE.md), and a file that is neither is not where a process is defined.
 *
 * - `archive`: under an `.archive/` or `archive/` folder;
 * - `record`: a date in the name or a folder (`2023-telepresence-annual.md`, `governance-review/02-19-2026.md`),
 *   or a name that says what moment it records (annual, review, assessment, proposal, meeting
 *   notes, minutes, elections, release notes, changelog, interview, due diligence …);
 * - `living`: a name of the files a project defines itself in — GOVERNANCE, MAINTAINERS,
 *   CONTRIBUTING, SECURITY, CODE_OF_CONDUCT, COMMUNITY_*, membership, ladder, roles, charter,
 *   OWNERS, process and policy files (`roles/Maintainers.md` by its own name);
 * - `other`: everything else (READMEs, FAQs, guides, plans).
 */
export type Standing = 'living' | 'record' | 'archive' | 'other';

const ARCHIVE_FOLDER = /^\.?archive[sd]?$/;
const DATE = /(?:^|[^0-9])(?:19|20)\d\d(?:[^0-9]|$)/;
const RECORD_WORDS = new Set([
  'annual', 'review', 'reviews', 'assessment', 'assessments', 'proposal', 'proposals', 'meeting', 'meetings',
  'minutes', 'notes', 'election', 'elections', 'candidates', 'changelog', 'retrospective', 'interview',
  'interviews', 'kickoff', 'diligence', 'dd', 'incubation', 'graduation', 'sandbox', 'application', 'log',
  'report', 'reports', 'announcement', 'blog',
]);
const LIVING_WORDS = new Set([
  'governance', 'maintainer', 'maintainers', 'contributing', 'security', 'conduct', 'community', 'membership',
  'member', 'members', 'ladder', 'role', 'roles', 'charter', 'owners', 'codeowners', 'process', 'policy', 'policies',
]);

/** `path`: relative to the workspace folder, `/`-separated. */
export function standingOf(path: string): Standing {
  const segments = path.toLowerCase().split('/');
  const name = segments.pop()!.replace(/\.[^.]*$/, '');
  if (segments.some((folder) => ARCHIVE_FOLDER.test(folder))) return 'archive';
  const recordNamed = (part: string) => DATE.test(part) || words(part).some((word) => RECORD_WORDS.has(word));
  if (recordNamed(name) || segments.some(recordNamed)) return 'record';
  return words(name).some((word) => LIVING_WORDS.has(word)) ? 'living' : 'other';
}

function words(part: string): string[] {
  return part.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}
