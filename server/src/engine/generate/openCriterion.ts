import type { Range, Span } from '../types';
import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';

export interface OpenCriterionTarget {
  criterion: Criterion;
  /** The criterion's `[ ]`, where its `unchecked-criterion` diagnostic sits. */
  span: Span;
  range: Range;
}

/**
 * The next or previous unchecked criterion, counted from the criterion the cursor is in (so
 * "previous" from inside a criterion's evaluation goes to the one before it, not back to its
 * own checkbox), wrapping around at either end. Undefined when no criterion is open.
 */
export function openCriterionNear(doc: GovDocument, offset: number, direction: 'next' | 'previous'): OpenCriterionTarget | undefined {
  const criteria = doc.dd.criteria;
  const open = criteria.filter((c) => c.checked === false && c.checkbox);
  if (open.length === 0) return undefined;
  const current = criteria.find((c) => offset >= c.body.start && offset < c.body.end);
  const from = current?.item.span.start ?? offset;
  const found =
    direction === 'next'
      ? (open.find((c) => c.item.span.start > from) ?? open[0])
      : ([...open].reverse().find((c) => c.item.span.start < from) ?? open[open.length - 1]);
  const span = found.checkbox!;
  return { criterion: found, span, range: doc.parsed.lines.range(span) };
}
