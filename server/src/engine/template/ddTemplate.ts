import type { GovDocument } from '../govDocument';
import type { ParsedDocument } from '../parse/document';
import { TEMPLATE_SOURCE, templateCriteria, type DdLevel, type TemplateArea } from '../generate/ddCriteria';
import { readDdTemplate, type ReadTemplateOptions } from './readTemplate';

/** The levels cncf/toc keeps a DD template for (a Sandbox application is an issue form). */
export type TemplateLevel = Exclude<DdLevel, 'sandbox'>;

/** The current template a DD is compared with. */
export interface DdTemplate {
  level: TemplateLevel;
  /** `built-in`, or the URI of the workspace's `template-dd-pr-<level>.md`. */
  source: string;
  /**
   * The cncf/toc version's date, when known: the built-in catalog's, or a workspace copy whose
   * criteria are the catalog's. A workspace copy that differs has no date to show.
   */
  date?: string;
  areas: readonly TemplateArea[];
}

export function builtInTemplate(level: TemplateLevel): DdTemplate {
  return { level, source: 'built-in', date: TEMPLATE_SOURCE.date, areas: templateCriteria(level) };
}

const read = new WeakMap<ParsedDocument, DdTemplate>();

/** The workspace's copy of cncf/toc's template, read once per version of its text. */
export function workspaceTemplate(uri: string, parsed: ParsedDocument, level: TemplateLevel, options: ReadTemplateOptions = {}): DdTemplate {
  const known = read.get(parsed);
  if (known && known.source === uri && known.level === level) return known;
  const areas = readDdTemplate(parsed, options);
  const template: DdTemplate = { level, source: uri, areas };
  if (sameCriteria(areas, templateCriteria(level))) template.date = TEMPLATE_SOURCE.date;
  read.set(parsed, template);
  return template;
}

/** "Template of 2026-06-29", or where it comes from when its date is unknown. */
export function templateLabel(template: DdTemplate): string {
  return template.date ? `Template of ${template.date}` : 'Template in the workspace';
}

/** Where the template comes from, for reports: the workspace file or the catalog's cncf/toc commit. */
export function templateOrigin(template: DdTemplate, pathOf: (uri: string) => string = (uri) => uri): string {
  return template.source === 'built-in'
    ? `built-in catalog, ${TEMPLATE_SOURCE.repository} at ${TEMPLATE_SOURCE.commit}`
    : pathOf(template.source);
}

/** What a template says, without what the catalog adds (evidence) or writes by default, in any key order. */
function sameCriteria(a: readonly TemplateArea[], b: readonly TemplateArea[]): boolean {
  const plain = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(plain);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).filter(([key, v]) => key !== 'evidence' && !(key === 'marker' && v === 'toc') && v !== undefined);
    return Object.fromEntries(entries.sort(([x], [y]) => x.localeCompare(y)).map(([key, v]) => [key, plain(v)]));
  };
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/**
 * The level a DD applies for: from its title ("Dragonfly Graduation Due Diligence"), else from its
 * file name (`kserve-incubation-dd.md`). Undefined for Sandbox and when neither says.
 */
export function ddLevelOf(doc: GovDocument): TemplateLevel | undefined {
  const title = doc.parsed.headings.find((h) => /due diligence/i.test(h.text)) ?? doc.parsed.headings.find((h) => h.depth === 1);
  for (const text of [title?.text ?? '', doc.path.split('/').pop() ?? '']) {
    if (/\bgraduat/i.test(text) || /graduation/i.test(text)) return 'graduation';
    if (/\bincubat/i.test(text) || /incubation/i.test(text)) return 'incubation';
    if (/sandbox/i.test(text)) return undefined;
  }
  return undefined;
}

/** The heading a DD's template lens sits on: its title. */
export function ddTitleHeading(doc: GovDocument) {
  return doc.parsed.headings.find((h) => h.depth === 1) ?? doc.parsed.headings.find((h) => /due diligence/i.test(h.text)) ?? doc.parsed.headings[0];
}
