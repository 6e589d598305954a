import type { TextEdit } from '../types';
import type { ListItemFact } from '../parse/facts';
import type { GovDocument } from '../govDocument';

/**
 * The edit that ticks or unticks the task item at the cursor: the innermost task item whose lines
 * hold the cursor (a sub-criterion, an action item, any `- [ ]`), else, in a DD, the criterion
 * whose body holds it — its evaluation, markers and TODOs often sit at column 0 after the list.
 * `[X]` unticks like `[x]`; nothing else on the line moves.
 */
export function toggleCriterion(doc: GovDocument, offset: number): TextEdit | undefined {
  const item = taskItemAt(doc, offset) ?? criterionItemAt(doc, offset);
  if (!item?.checkbox) return undefined;
  const checked = doc.text.slice(item.checkbox.start, item.checkbox.end) !== '[ ]';
  return { range: doc.parsed.lines.range(item.checkbox), newText: checked ? '[ ]' : '[x]' };
}

function taskItemAt(doc: GovDocument, offset: number): ListItemFact | undefined {
  const lines = doc.parsed.lines;
  let innermost: ListItemFact | undefined;
  for (const item of doc.parsed.listItems) {
    if (item.checked === null || !item.checkbox) continue;
    // The item's first line from column 0: a cursor in the indentation before `- [ ]` is on the item.
    const from = lines.lineStarts[lines.positionAt(item.span.start).line];
    if (offset < from || offset > item.span.end) continue;
    // Items nest, so the one that starts last is the innermost.
    if (!innermost || item.span.start > innermost.span.start) innermost = item;
  }
  return innermost;
}

function criterionItemAt(doc: GovDocument, offset: number): ListItemFact | undefined {
  if (doc.kind !== 'dd') return undefined;
  return doc.dd.criteria.find((c) => c.checkbox && offset >= c.body.start && offset < c.body.end)?.item;
}
