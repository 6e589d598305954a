import type { Finding, TextEdit } from './types';
import { LineIndex } from './text/lineIndex';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies edits to a text. Edits must not overlap; they are applied from the end backwards. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets: OffsetEdit[] = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of offsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
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
  const taken: { start: [number, number]; end: [number, number] }[] = [];
  const key = (p: { line: number; character: number }): [number, number] => [p.line, p.character];
  const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  for (const finding of findings) {
    const chosen = finding.fixes?.find((f) => f.automatic);
    if (!chosen || chosen.edits.some((edit) => edit.uri && edit.uri !== uri)) continue;
    const spans = chosen.edits.map((edit) => ({ start: key(edit.range.start), end: key(edit.range.end) }));
    const overlaps = spans.some((s) => taken.some((t) => before(s.start, t.end) && before(t.start, s.end) || (s.start[0] === t.start[0] && s.start[1] === t.start[1])));
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...chosen.edits);
    applied.push({ finding, title: chosen.title });
  }
  return { edits, applied };
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
    applied.push(...selected.applied);
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
