import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';

/** The criterion whose body holds an offset. */
export function criterionAt(doc: GovDocument, offset: number): Criterion | undefined {
  if (doc.kind !== 'dd') return undefined;
  return doc.dd.criteria.find((c) => offset >= c.body.start && offset < c.body.end);
}

/** Markdown for a hover on a criterion: status, area and kind, sub-criteria, TODOs with owners. */
export function criterionHover(doc: GovDocument, offset: number): string | undefined {
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
  return lines.join('\n');
}
