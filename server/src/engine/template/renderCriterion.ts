import type { TemplateCriterion } from '../generate/ddCriteria';

export const EVALUATION_MARKERS = {
  toc: '<!-- (TOC Evaluation goes here) -->',
  project: '<!-- (Project assertion goes here) -->',
} as const;

/**
 * A template criterion as the template writes it: the task item with its prompts and sub-criteria,
 * then the evaluation marker and any text the template puts after it, as blocks to be joined by
 * blank lines.
 */
export function criterionBlocks(criterion: TemplateCriterion): string[] {
  const lines = [`- [ ] **${criterion.title}**${criterion.detail ? ` ${criterion.detail}` : ''}`];
  for (const prompt of criterion.prompts ?? []) lines.push(`  - ${prompt}`);
  for (const sub of criterion.subCriteria ?? []) lines.push(`  - [ ] ${sub}`);
  for (const note of criterion.notes ?? []) lines.push(`  - ${note}`);
  const blocks = [lines.join('\n')];
  const marker = criterion.marker ?? 'toc';
  if (marker !== 'none') blocks.push(EVALUATION_MARKERS[marker]);
  if (criterion.after) blocks.push(criterion.after);
  return blocks;
}
