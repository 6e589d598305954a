import type { Span } from '../types';
import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: 'area' | 'kind' | 'criterion' | 'heading';
  /** The whole section the node stands for. */
  span: Span;
  /** What to select when the node is picked: its heading or title. */
  selectionSpan: Span;
  children: OutlineNode[];
}

const STATUS = (c: Criterion) => (c.checked === true ? 'met' : c.checked === false ? 'open' : 'no checkbox');

/** A DD outlines as areas → Suggested/Required → criteria with their status; other files as their headings. */
export function outline(doc: GovDocument): OutlineNode[] {
  return doc.kind === 'dd' && doc.dd.criteria.length > 0 ? ddOutline(doc) : headingOutline(doc);
}

function ddOutline(doc: GovDocument): OutlineNode[] {
  const end = doc.text.length;
  const areas = doc.dd.areas;
  return areas.map((area, index) => {
    const areaEnd = areas[index + 1]?.heading.span.start ?? end;
    const groups = new Map<string, Criterion[]>();
    for (const criterion of area.criteria) {
      const group = groups.get(criterion.kind);
      if (group) group.push(criterion);
      else groups.set(criterion.kind, [criterion]);
    }
    const kindNodes: OutlineNode[] = [...groups].map(([kind, criteria]) => {
      const met = criteria.filter((c) => c.checked === true).length;
      const label = kind === 'required' ? 'Required' : kind === 'suggested' ? 'Suggested' : 'Criteria';
      const span = { start: criteria[0].item.span.start, end: criteria[criteria.length - 1].body.end };
      return {
        name: label,
        detail: `${met}/${criteria.length} met`,
        kind: 'kind',
        span,
        selectionSpan: criteria[0].titleSpan,
        children: criteria.map((criterion) => ({
          name: criterion.title,
          detail: STATUS(criterion) + (criterion.todos.length ? ` · ${criterion.todos.length} TODO` : ''),
          kind: 'criterion',
          span: criterion.body,
          selectionSpan: criterion.titleSpan,
          children: [],
        })),
      };
    });
    const required = area.criteria.filter((c) => c.kind !== 'suggested');
    return {
      name: area.title,
      detail: `Required ${required.filter((c) => c.checked === true).length}/${required.length}`,
      kind: 'area',
      span: { start: area.heading.span.start, end: areaEnd },
      selectionSpan: area.heading.contentSpan,
      children: kindNodes,
    };
  });
}

function headingOutline(doc: GovDocument): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: { depth: number; node: OutlineNode }[] = [];
  const headings = doc.parsed.headings;
  headings.forEach((heading, index) => {
    let end = doc.text.length;
    for (const next of headings.slice(index + 1)) if (next.depth <= heading.depth) { end = next.span.start; break; }
    const node: OutlineNode = { name: heading.text || '(empty heading)', detail: '', kind: 'heading', span: { start: heading.span.start, end }, selectionSpan: heading.contentSpan, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ depth: heading.depth, node });
  });
  return roots;
}
