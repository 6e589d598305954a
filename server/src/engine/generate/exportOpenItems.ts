import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';
import type { ActionItem } from '../model/meeting';
import type { Todo } from '../model/todos';
import { ownerKey } from '../model/todos';
import { shorten } from '../rules/edits';
import { dateInPath } from './dates';
import { lineLink } from './links';
import { relativeLink } from '../workspaceIndex';

export interface ExportOpenItemsOptions {
  /** The day of the export, `YYYY-MM-DD`: the engine reads no clock. */
  today: string;
  /** Where the export will be saved, relative to the workspace: links are made relative to it. Default: the workspace root. */
  path?: string;
}

interface OwnedTodo {
  doc: GovDocument;
  todo: Todo;
}

/**
 * The workspace's open items as one Markdown checklist: open criteria per DD and area, TODOs per
 * owner, open actions per meeting series. Every item links back to its line (`file#L52`).
 *
 * A meeting series (the notes of one folder, dated by name) carries its open actions from note
 * to note, so only the latest note of each series counts: earlier notes would repeat them.
 * Owners are grouped case-insensitively and shown as first written; TODOs without an owner
 * come last. The export holds no TODO markers or criteria of its own, so checking it adds nothing.
 */
export function exportOpenItems(docs: readonly GovDocument[], options: ExportOpenItemsOptions): string {
  const sorted = [...docs].filter((doc) => doc.kind !== 'none').sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const from = options.path;
  const line = (doc: GovDocument, offset: number) => lineLink(from, doc.path, doc.parsed.lines.positionAt(offset).line + 1);

  const criteriaByDoc = sorted
    .filter((doc) => doc.kind === 'dd')
    .map((doc) => ({ doc, open: doc.dd.criteria.filter((c) => c.checked === false) }))
    .filter((entry) => entry.open.length > 0);
  const openCriteria = criteriaByDoc.flatMap((entry) => entry.open);
  const suggested = openCriteria.filter((c) => c.kind === 'suggested').length;

  const todos: OwnedTodo[] = sorted.flatMap((doc) => doc.parsed.todos.map((todo) => ({ doc, todo })));
  const actionsByDoc = latestOfEachSeries(sorted.filter((doc) => doc.kind === 'meeting'))
    .map((doc) => ({ doc, open: doc.meeting.actions.filter((a) => !a.done) }))
    .filter((entry) => entry.open.length > 0);
  const actionCount = actionsByDoc.reduce((sum, entry) => sum + entry.open.length, 0);

  const out: string[] = [
    '# Open items',
    `Exported ${options.today} · ${count(openCriteria.length, 'open criterion', 'open criteria')} (${openCriteria.length - suggested} Required, ${suggested} Suggested) · ${count(todos.length, 'TODO', 'TODOs')} · ${count(actionCount, 'open action', 'open actions')}`,
    '## Open criteria',
  ];
  if (criteriaByDoc.length === 0) out.push('None.');
  for (const { doc, open } of criteriaByDoc) {
    out.push(`### ${docLink(doc, from)}`);
    const areas = new Map<string, Criterion[]>();
    for (const criterion of open) {
      const area = criterion.area?.title ?? '(no area)';
      areas.set(area, [...(areas.get(area) ?? []), criterion]);
    }
    for (const [area, criteria] of areas) {
      out.push(`#### ${area}`);
      out.push(criteria.map((c) => criterionLine(doc, c, line)).join('\n'));
    }
  }

  out.push('## TODOs by owner');
  if (todos.length === 0) out.push('None.');
  for (const [owner, group] of groupByOwner(todos)) {
    out.push(`### ${owner ?? 'No owner'} (${group.length})`);
    out.push(group.map(({ doc, todo }) => `- [ ] ${todoText(doc, todo)} — ${line(doc, todo.span.start)}`).join('\n'));
  }

  out.push('## Open actions');
  if (actionsByDoc.length === 0) out.push('None.');
  for (const { doc, open } of actionsByDoc) {
    out.push(`### ${docLink(doc, from)}`);
    out.push(open.map((action) => `- [ ] ${actionText(action)} — ${line(doc, action.item.span.start)}`).join('\n'));
  }
  return out.join('\n\n') + '\n';
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function docLink(doc: GovDocument, from: string | undefined): string {
  const title = doc.parsed.headings.find((h) => h.depth === 1)?.text || doc.path;
  return `[${title}](${relativeLink(from, doc.path)})`;
}

function criterionLine(doc: GovDocument, criterion: Criterion, line: (doc: GovDocument, offset: number) => string): string {
  const kind = criterion.kind === 'suggested' ? 'Suggested' : 'Required';
  const lines = [`- [ ] ${kind} · ${oneLine(criterion.title)} — ${line(doc, criterion.item.span.start)}`];
  for (const sub of criterion.subCriteria) if (!sub.checked) lines.push(`  - [ ] ${oneLine(sub.text)} — ${line(doc, sub.item.span.start)}`);
  return lines.join('\n');
}

function todoText(doc: GovDocument, todo: Todo): string {
  const text = oneLine(todo.text) || '(no text)';
  if (doc.kind !== 'dd') return text;
  const criterion = doc.dd.criteria.find((c) => todo.span.start >= c.body.start && todo.span.start < c.body.end);
  return criterion ? `${text} (on "${shorten(criterion.title, 60)}")` : text;
}

function actionText(action: ActionItem): string {
  const text = oneLine(action.text);
  if (action.owners.length === 0) return `${text} (no owner)`;
  const written = action.owners.filter((owner) => owner.span.start >= action.ownSpan.start && owner.span.end <= action.ownSpan.end);
  return written.length > 0 ? text : `${text} (${action.owners.map((o) => `@${o.handle}`).join(' ')})`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Owners in alphabetical order, each as first written; TODOs without an owner last. */
function groupByOwner(todos: OwnedTodo[]): [string | undefined, OwnedTodo[]][] {
  const groups = new Map<string, { owner: string | undefined; todos: OwnedTodo[] }>();
  for (const entry of todos) {
    const key = ownerKey(entry.todo.owner);
    const group = groups.get(key) ?? { owner: entry.todo.owner?.trim().replace(/\s+/g, ' '), todos: [] };
    group.todos.push(entry);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en')))
    .map(([, group]) => [group.owner, group.todos]);
}

/** The latest note of each dated series (`meetings/maintainer/<date>/README.md`); undated notes stand alone. */
function latestOfEachSeries(notes: GovDocument[]): GovDocument[] {
  const latest = new Map<string, { doc: GovDocument; iso: string }>();
  for (const doc of notes) {
    const date = dateInPath(doc.path);
    const series = date ? `${doc.path.slice(0, date.index)}\u0000${doc.path.slice(date.index + date.length)}` : doc.path;
    const iso = date?.iso ?? '';
    const known = latest.get(series);
    if (!known || iso > known.iso) latest.set(series, { doc, iso });
  }
  return notes.filter((doc) => [...latest.values()].some((entry) => entry.doc === doc));
}
