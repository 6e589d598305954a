import { globMatcher } from './globs';
import type { DocumentKind } from './types';
import type { ParsedDocument } from './parse/document';
import type { HeadingFact } from './parse/facts';
import type { Settings } from './settings';
import { MEETING_HEADINGS } from './model/meeting';
import { mayHoldKindedCriteria, type DdModel } from './model/dd';

const KINDS: readonly DocumentKind[] = ['dd', 'meeting', 'template', 'governance', 'none'];

/**
 * Front matter (`governance: dd`) wins, then the settings' globs, then where the file is kept and
 * what the text looks like. `path` is relative to the workspace folder, with `/` separators.
 */
export function detectKind(doc: ParsedDocument, path: string, settings: Settings, dd: () => DdModel): DocumentKind {
  const declared = doc.frontMatter ? /^governance\s*[:=]\s*["']?(\w+)/m.exec(doc.frontMatter.value)?.[1]?.toLowerCase() : undefined;
  if (declared && (KINDS as string[]).includes(declared)) return declared as DocumentKind;

  for (const kind of KINDS) {
    const globs = settings.kinds[kind] ?? [];
    if (globs.length > 0 && globMatcher(globs)(path)) return kind;
  }

  if (isTemplatePath(path)) return 'template';
  if (doc.headings.some(isDueDiligenceTitle)) return 'dd';
  if (mayHoldKindedCriteria(doc.headings)) {
    const areasWithKinds = new Set(dd().criteria.filter((c) => c.kind !== 'unknown' && c.checked !== null).map((c) => c.area));
    if (areasWithKinds.size >= 2) return 'dd';
  }

  const meetingHeadings = MEETING_HEADINGS.filter((pattern) => doc.headings.some((heading) => pattern.test(heading.text)));
  if (meetingHeadings.length >= 2) return 'meeting';
  if (isMeetingsFolderPath(path)) return 'meeting';
  return 'governance';
}

/** Kept in a `meetings/` folder (or `meeting-notes/`, `meetings_2024/`, …). */
export function isMeetingsFolderPath(path: string): boolean {
  return path.split('/').slice(0, -1).some((folder) => /^meetings?([-_ ].*)?$/i.test(folder));
}

/**
 * A template to be copied rather than a filled document, told by where it is kept and what it is
 * called — never by its text, which is exactly what a half-filled copy also holds:
 * a folder of templates (cncf/toc's `operations/toc-templates/`, GitHub's `.github/ISSUE_TEMPLATE/`
 * and `PULL_REQUEST_TEMPLATE/`), or a name that says so (`template-dd-pr-graduation.md`,
 * `governance-review-template.md`, `pull_request_template.md`, and `governance-review-template-guide.md`,
 * the template annotated for reviewers).
 */
export function isTemplatePath(path: string): boolean {
  const segments = path.toLowerCase().split('/');
  const name = segments.pop()!.replace(/\.[^.]*$/, '');
  if (segments.some((folder) => /(^|[-_])templates?$/.test(folder) || folder === 'issue_template' || folder === 'pull_request_template')) return true;
  return /(^|[-_.])templates?([-_.]|$)/.test(name);
}

/**
 * `# Dragonfly Graduation Due Diligence`: a title, not a section that links to the DD
 * (`### Link to Incubation Due Diligence(DD) Document` in a proposal) nor a guide about writing one.
 */
function isDueDiligenceTitle(heading: HeadingFact): boolean {
  return heading.depth === 1 && /due diligence/i.test(heading.text) && !/\bguides?\b|\bhow to\b/i.test(heading.text);
}
