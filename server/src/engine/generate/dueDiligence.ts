import { templateCriteria, type DdLevel, type TemplateArea } from './ddCriteria';
import { criterionBlocks } from '../template/renderCriterion';

export type { DdLevel } from './ddCriteria';

export interface NewDueDiligenceOptions {
  level: DdLevel;
  /** The project's name as it should read: `Dragonfly`. */
  project: string;
  /**
   * The text of `operations/toc-templates/template-dd-pr-<level>.md` when the workspace holds
   * cncf/toc, or of a configured template file. Without one, a built-in skeleton is used.
   */
  template?: string;
}

/** Where cncf/toc keeps the DD template of a level, relative to the root of a cncf/toc checkout. */
export function ddTemplatePath(level: DdLevel): string {
  return `operations/toc-templates/template-dd-pr-${level}.md`;
}

/**
 * A new DD: the template (or the built-in skeleton) with `$PROJECT` and `$LEVEL` filled in.
 * Every other blank (`$TOCMEMBER`, `DD-MMM-YYYY`, `$LINK`, `[has/has not]` …) is the reviewer's
 * to fill and stays, for the placeholder rule to point at. Inside a path (`projects/$PROJECT/…`)
 * the project's folder name is used: lower case, words joined by `-`, as cncf/toc names them.
 */
export function newDueDiligence(options: NewDueDiligenceOptions): string {
  const text = options.template ?? ddSkeleton(options.level);
  const project = options.project.trim();
  const folder = project.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return text
    .replace(/(\/?)\$PROJECT(?![A-Z0-9_])(\/?)/g, (_whole, before: string, after: string) => `${before}${before || after ? folder : project}${after}`)
    .replace(/\$LEVEL(?![A-Z0-9_])/g, levelName(options.level));
}

/** The built-in skeleton: the template's outline and every criterion, with `$PROJECT` and `$LEVEL` still in it. */
export function ddSkeleton(level: DdLevel): string {
  const name = levelName(level);
  const blocks: string[] = [
    `# $PROJECT ${name} Due Diligence`,
    `- Link to [${name} application issue]()`,
    `## ${name} Evaluation Summary for $PROJECT`,
    '### Criteria Evaluation',
    "_$TOCMEMBER conducted the due diligence of $PROJECT who applied for $LEVEL. The project [has/has not] completed the criteria that show its maturity at $LEVEL. The following criteria implementations are noteworthy to call out... $NOTABLES. The following actions were provided to the project that were considered blocking but since resolved... $BLOCKERS. The following recommendations were provided to the project that are non-blocking in the TOC's assessment but should be completed by the project to ensure continued viability of the project... $RECOMMENDATIONS._",
    '### Adoption Evaluation',
    '_The adopter interviews reflect a project [in use/too early] for the level which the project applied. They show ... $INTERVIEWSUMMARY._',
    '### Final Assessment',
    "_[The TOC has found the project to have satisfied the criteria for $LEVEL/ The TOC's evaluation of the project shows a needed focus to complete the outstanding blockers and reapply when the following conditions are met ... $CONDITIONS]._",
  ];
  for (const area of templateCriteria(level)) blocks.push(...areaBlocks(area));
  blocks.push('#### Adoption');
  for (const n of [1, 2, 3]) {
    blocks.push(
      `##### Adopter ${n} - $COMPANY/$INDUSTRY`,
      '_If the Adopting organization needs to remain anonymous, stating the industry vertical is sufficient._\nMONTH YEAR',
    );
  }
  return blocks.join('\n\n') + '\n';
}

function levelName(level: DdLevel): string {
  return level[0].toUpperCase() + level.slice(1);
}

function areaBlocks(area: TemplateArea): string[] {
  const blocks = [`## ${area.title}`];
  if (area.note) blocks.push(area.note);
  for (const [kind, criteria] of [['Suggested', area.suggested], ['Required', area.required]] as const) {
    blocks.push(`### ${kind}`);
    if (criteria.length === 0) blocks.push('N/A');
    for (const criterion of criteria) blocks.push(...criterionBlocks(criterion));
  }
  return blocks;
}
