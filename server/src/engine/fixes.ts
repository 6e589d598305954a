import type { Finding, Position, TextEdit } from './types';
import { LineIndex } from './text/lineIndex';
import { appendAll } from './arrays';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies edits to a text, as an LSP client does: edits must not overlap; inserts at one place
 * appear in the order given. One pass over the text, however many edits (`--fix` on a 4 MB file
 * applies thousands).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets: OffsetEdit[] = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of offsets) {
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = Math.max(cursor, edit.end);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

export interface AppliedFix {
  finding: Finding;
  title: string;
}

/**
 * Picks the automatic fix of each finding, skipping any whose edits touch an edit already picked
 * (the next run picks it up), so the result is the same as applying them one by one.
 */
export function selectAutomaticFixes(findings: readonly Finding[], uri: string): { edits: TextEdit[]; applied: AppliedFix[] } {
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  const taken = new TakenRanges();
  for (const finding of findings) {
    const chosen = finding.fixes?.find((f) => f.automatic);
    if (!chosen || chosen.edits.some((edit) => edit.uri && edit.uri !== uri)) continue;
    if (chosen.edits.some((edit) => taken.conflicts(edit.range))) continue;
    for (const edit of chosen.edits) taken.add(edit.range);
    appendAll(edits, chosen.edits);
    applied.push({ finding, title: chosen.title });
  }
  return { edits, applied };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The ranges of the fixes picked so far, sorted by start: they never overlap, so a new range can
 * only conflict with the one starting just before it or the first starting at or after it.
 * Ranges may touch; two that start at one place conflict (two inserts there would race).
 */
class TakenRanges {
  private readonly ranges: TextEdit['range'][] = [];

  conflicts(range: TextEdit['range']): boolean {
    const index = this.firstStartingAtOrAfter(range.start);
    const previous = this.ranges[index - 1];
    if (previous && compare(range.start, previous.end) < 0) return true;
    const next = this.ranges[index];
    return next !== undefined && (compare(next.start, range.start) === 0 || compare(next.start, range.end) < 0);
  }

  add(range: TextEdit['range']): void {
    this.ranges.splice(this.firstStartingAtOrAfter(range.start), 0, range);
  }

  private firstStartingAtOrAfter(position: Position): number {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(this.ranges[mid].start, position) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Applies automatic fixes round after round (a fix may make another possible, and overlapping ones
 * wait a round) until none is left: the text `govmd check --fix` and "Fix all" produce.
 */
export async function applyAutomaticFixes(
  uri: string,
  text: string,
  findings: readonly Finding[],
  checkText: (text: string) => Promise<Finding[]>,
  maxRounds = 10,
): Promise<{ text: string; applied: AppliedFix[]; findings: Finding[] }> {
  const applied: AppliedFix[] = [];
  let current = findings;
  for (let round = 0; round < maxRounds; round++) {
    const selected = selectAutomaticFixes(current, uri);
    if (selected.applied.length === 0) break;
    appendAll(applied, selected.applied);
    text = applyEdits(text, selected.edits);
    current = await checkText(text);
  }
  return { text, applied, findings: [...current] };
}

/** One edit that turns `before` into `after`: the changed middle, common ends kept. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const lines = new LineIndex(before);
  return { range: lines.range({ start, end: endBefore }), newText: after.slice(start, endAfter) };
}
