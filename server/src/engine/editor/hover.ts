import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';
import type { RepositoryFiles } from '../evidence/projectFiles';
import { criterionEvidence, type CriterionEvidenceReport } from '../evidence/criterionEvidence';
import { citationLabel, saysNotApplicable, type Citation } from '../evidence/citations';

/** The criterion whose body holds an offset. */
export function criterionAt(doc: GovDocument, offset: number): Criterion | undefined {
  if (doc.kind !== 'dd') return undefined;
  return doc.dd.criteria.find((c) => offset >= c.body.start && offset < c.body.end);
}

/**
 * Markdown for a hover on a criterion: status, area and kind, sub-criteria, TODOs with owners, and
 * its evidence — what the evaluation cites, and for each kind of file the criterion asks for,
 * whether it is cited and whether the project's repositories in the workspace (`projectFiles`) have one.
 */
export function criterionHover(doc: GovDocument, offset: number, projectFiles?: readonly RepositoryFiles[]): string | undefined {
  const criterion = criterionAt(doc, offset);
  if (!criterion) return undefined;
  const lines: string[] = [];
  const status = criterion.checked === true ? '✅ met' : criterion.checked === false ? '⬜ open' : 'no checkbox';
  const kind = criterion.kind === 'unknown' ? 'Criterion' : criterion.kind === 'required' ? 'Required' : 'Suggested';
  lines.push(`**${kind}** · ${status}${criterion.area ? ` · ${criterion.area.title}` : ''}`);
  if (criterion.subCriteria.length) {
    const met = criterion.subCriteria.filter((s) => s.checked).length;
    lines.push('', `Sub-criteria: ${met}/${criterion.subCriteria.length} met`);
  }
  if (criterion.todos.length) {
    lines.push('', `TODOs (${criterion.todos.length}):`);
    for (const todo of criterion.todos) lines.push(`- ${todo.owner ? `**${todo.owner}**: ` : ''}${todo.text || '(no text)'}`);
  }
  if (!criterion.hasEvaluation) lines.push('', '_No evaluation yet._');
  lines.push('', ...evidenceLines(criterionEvidence(doc, criterion, projectFiles), saysNotApplicable(doc, criterion), projectFiles !== undefined));
  return lines.join('\n');
}

const MAX_CITATIONS = 6;

function evidenceLines(evidence: CriterionEvidenceReport, notApplicable: boolean, looked: boolean): string[] {
  const { citations } = evidence;
  const lines: string[] = [];
  if (citations.length) {
    const shown = citations.slice(0, MAX_CITATIONS).map(citationText);
    const more = citations.length > MAX_CITATIONS ? ` and ${citations.length - MAX_CITATIONS} more` : '';
    lines.push(`**Evidence** cited: ${shown.join(', ')}${more}`);
  } else if (evidence.inDocument) {
    lines.push(`**Evidence**: none needs citing (${evidence.inDocument}).`);
  } else if (notApplicable) {
    lines.push('**Evidence**: none cited; the evaluation says the criterion does not apply.');
  } else {
    lines.push('**Evidence**: the evaluation cites nothing (no link, file, or issue or PR).');
  }
  for (const file of evidence.files) {
    const cited = file.cited.length ? `cited ✓ (${file.cited.map(citationText).join(', ')})` : 'cited ✗';
    let found: string;
    if (!looked || file.searched.length === 0) found = 'no repository of the project in the workspace to look in';
    else if (file.found.length) found = file.found.map((place) => `in ${place.repository} ✓ (\`${place.paths.join('`, `')}\`)`).join(' · ');
    else found = `in ${file.searched.join(', ')} ✗`;
    lines.push(`- ${file.label}: ${cited} · ${found}`);
  }
  return lines;
}

function citationText(citation: Citation): string {
  const label = citationLabel(citation).replace(/[[\]`|*_\\<>]/g, (c) => `\\${c}`);
  if (citation.kind === 'link' && citation.url && /^https?:\/\//i.test(citation.url)) return `[${label}](${citation.url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
  return `\`${citationLabel(citation).replace(/`/g, "'")}\``;
}
