import { globMatcher } from './globs';
import type { DocumentKind } from './types';
import type { ParsedDocument } from './parse/document';
import type { Settings } from './settings';
import { MEETING_HEADINGS } from './model/meeting';
import type { DdModel } from './model/dd';

const KINDS: readonly DocumentKind[] = ['dd', 'meeting', 'governance', 'none'];

/**
 * Front matter (`governance: dd`) wins, then the settings' globs, then what the text looks like.
 * `path` is relative to the workspace folder, with `/` separators.
 */
export function detectKind(doc: ParsedDocument, path: string, settings: Settings, dd: () => DdModel): DocumentKind {
  const declared = doc.frontMatter ? /^governance\s*[:=]\s*["']?(\w+)/m.exec(doc.frontMatter.value)?.[1]?.toLowerCase() : undefined;
  if (declared && (KINDS as string[]).includes(declared)) return declared as DocumentKind;

  for (const kind of KINDS) {
    const globs = settings.kinds[kind] ?? [];
    if (globs.length > 0 && globMatcher(globs)(path)) return kind;
  }

  if (doc.headings.some((heading) => /due diligence/i.test(heading.text))) return 'dd';
  const model = dd();
  const areasWithKinds = new Set(model.criteria.filter((c) => c.kind !== 'unknown' && c.checked !== null).map((c) => c.area));
  if (areasWithKinds.size >= 2) return 'dd';

  const meetingHeadings = MEETING_HEADINGS.filter((pattern) => doc.headings.some((heading) => pattern.test(heading.text)));
  if (meetingHeadings.length >= 2) return 'meeting';
  if (path.split('/').slice(0, -1).some((folder) => /^meetings?([-_ ].*)?$/i.test(folder))) return 'meeting';
  return 'governance';
}
