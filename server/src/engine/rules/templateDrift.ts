import type { Rule } from './rule';
import { fix, shorten } from './edits';
import { compareWithTemplate, kindName, plainTitle } from '../template/compare';
import { ddTitleHeading, templateLabel } from '../template/ddTemplate';
import { templateEdits } from '../template/updateEdits';

export const templateDrift: Rule = {
  code: 'template-drift',
  description: "The DD lacks a criterion of its level's current CNCF template, or has one the template now puts under another area or kind.",
  defaultSeverity: 'hint',
  appliesTo: ['dd'],
  check({ doc, workspace }, report) {
    const template = workspace.ddTemplate;
    const comparison = template && compareWithTemplate(doc, template);
    if (!template || !comparison) return;
    const label = templateLabel(template);
    for (const place of comparison.missing) {
      const title = shorten(plainTitle(place.title), 100);
      const heading = comparison.areaHeadings[place.areaIndex] ?? ddTitleHeading(doc);
      report({
        span: heading?.span ?? { start: 0, end: 0 },
        message: `${label} asks for a ${kindName(place.kind)} criterion this DD lacks in ${place.area.title}: "${title}"`,
        fixes: [fix(`Insert "${shorten(plainTitle(place.title), 60)}" from the template (${kindName(place.kind)})`, templateEdits(doc, comparison, [{ missing: place }]))],
      });
    }
    for (const moved of comparison.moved) {
      const { found, to } = moved;
      const sameArea = found.area?.title === to.area.title;
      const where = sameArea
        ? `under ${kindName(to.kind)}, not ${kindName(found.kind)}, in ${to.area.title}`
        : `under ${to.area.title} / ${kindName(to.kind)}, not ${found.area?.title ?? 'this area'} / ${kindName(found.kind)}`;
      report({
        span: found.titleSpan,
        message: `${label} puts this criterion ${where}: "${shorten(plainTitle(to.title), 100)}"`,
        fixes: [fix(`Move this criterion to ${to.area.title} / ${kindName(to.kind)}`, templateEdits(doc, comparison, [{ moved }]))],
      });
    }
  },
};
