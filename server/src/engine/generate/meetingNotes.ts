import type { Span } from '../types';
import type { HeadingFact, ListItemFact } from '../parse/facts';
import { DocumentParser, type ParsedDocument } from '../parse/document';
import { lineBreakOf } from '../text/lineIndex';
import { ACTIONS, ATTENDEES, NEXT_MEETING, TOPICS, buildMeetingModel, issueKeysIn } from '../model/meeting';
import { addDays, dateInPath, daysBetween, findDates, isIsoDate, replaceFirstDate } from './dates';

export interface MeetingNoteSource {
  /** Relative to the workspace folder (or any root), `/`-separated. */
  path: string;
  text: string;
}

export interface NewMeetingNotesOptions {
  /** Where a first note goes when the folder holds none: `<folder>/<date>.md`. */
  folder?: string;
  /** The title of a first note; its date is added after it. */
  title?: string;
  /** Days between meetings. When unset, a regular gap between the last known dates is used. */
  cadenceDays?: number;
}

export interface NewMeetingNote {
  path: string;
  text: string;
  /** The new meeting's date, `YYYY-MM-DD`. */
  date: string;
  /** The next meeting's date written into the note, when it could be worked out. */
  nextMeetingDate?: string;
}

/** Gaps between two meetings that make a cadence: weekly to four-weekly. Anything else is a one-off. */
const REGULAR_GAPS = [7, 14, 21, 28];
const DEFAULT_TITLE = 'Maintainer Meeting';
const UNKNOWN = 'TBD';
const ATTENDEES_STUB = '<!-- One attendee per item: - [Name](https://github.com/handle) (Organization) -->';
const TOPICS_STUB = '<!-- One topic per item: - Topic @owner -->';
const ACTIONS_STUB = '<!-- One action per item: - [ ] Action @owner -->';
const OPEN_STATUS = /^(todo|to do|wip|in progress|doing|ongoing|pending|tbd|blocked|open|backlog|to reply|to resolve|to review)$/i;
const DONE_STATUS = /^(done|closed|resolved|merged|fixed|finished|completed?)$/i;
const HOST_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?host(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)\S.*$/i;

/**
 * The meeting note among `paths` with the latest date in its file or folder name
 * (`meetings/maintainer/2025-09-09/README.md`, `notes/2025-09-09.md`). Paths without a date are
 * not meeting notes of a dated series and are passed over. On a tie, `README.md` / `index.md`
 * wins, then the first path in sort order.
 */
export function latestMeetingNote(paths: readonly string[]): string | undefined {
  let best: { path: string; iso: string } | undefined;
  for (const path of [...paths].sort()) {
    if (!/\.(md|markdown)$/i.test(path)) continue;
    const date = dateInPath(path);
    if (!date) continue;
    const wins = !best || date.iso > best.iso || (date.iso === best.iso && isIndexFile(path) && !isIndexFile(best.path));
    if (wins) best = { path, iso: date.iso };
  }
  return best?.path;
}

/**
 * The next meeting's note, made from the previous one:
 * - dated by the previous note's "next meeting" date when that is today or later, else today;
 *   the date replaces the previous one in the path (and in the title when the title holds one);
 * - the same sections in the same order; attendees kept as they were (people remove themselves);
 *   open actions carried with their owners, done ones dropped; issues under every status that
 *   is not done (TODO, WIP, Blocked …) carried, Done lists emptied; topics and every other
 *   section emptied (they belong to the meeting they were written for);
 * - the Next Meeting section dated one cadence later, else `TBD` (a blank the placeholder rule
 *   reports; the host, too, is left `TBD`). The cadence is `options.cadenceDays`, else the gap
 *   between the previous note's date and the next meeting it announced (or, failing that, this
 *   note's date) when it is 7, 14, 21 or 28 days; a note without a Next Meeting section gets one.
 * Without a previous note, or when the previous note has no attendees, topics nor actions
 * (a "meeting skipped" notice), a skeleton.
 */
export function newMeetingNotes(previous: MeetingNoteSource | undefined, today: string, options: NewMeetingNotesOptions = {}): NewMeetingNote {
  if (!isIsoDate(today)) throw new Error(`today must be a YYYY-MM-DD date, not "${today}"`);
  const configuredCadence = options.cadenceDays && options.cadenceDays > 0 ? Math.round(options.cadenceDays) : undefined;
  if (!previous) {
    const next = configuredCadence ? addDays(today, configuredCadence) : undefined;
    const folder = options.folder?.replace(/[\\/]+$/, '');
    return note(`${folder ? `${folder}/` : ''}${today}.md`, skeleton(options.title ?? DEFAULT_TITLE, today, next), today, next);
  }

  const eol = lineBreakOf(previous.text);
  const text = previous.text.replace(/\r\n?/g, '\n');
  const doc = new DocumentParser().parse(text);
  const model = buildMeetingModel(doc, previous.path);
  const sections = planSections(doc);
  const previousNext = nextMeetingDate(doc, sections, model.nextMeeting?.date);
  const date = previousNext && previousNext >= today ? previousNext : today;
  const cadence = configuredCadence ?? regularGap(model.date, previousNext) ?? regularGap(model.date, date);
  const next = cadence ? addDays(date, cadence) : undefined;
  const path = pathFor(previous.path, date);

  if (!sections.some((s) => s.role === 'attendees' || s.role === 'topics' || s.role === 'actions')) {
    return note(path, skeleton(options.title ?? DEFAULT_TITLE, date, next), date, next, eol);
  }
  const body = writeSections(doc, sections, { previousDate: model.date, date, next });
  return note(path, body, date, next, eol);
}

function note(path: string, text: string, date: string, next: string | undefined, eol = '\n'): NewMeetingNote {
  const result: NewMeetingNote = { path, text: eol === '\n' ? text : text.replace(/\n/g, eol), date };
  if (next) result.nextMeetingDate = next;
  return result;
}

/** The model's reading (`Date: 2025-10-28`), else a date written in words (`held on **August 26, 2025**`). */
function nextMeetingDate(doc: ParsedDocument, sections: Section[], fromModel: string | undefined): string | undefined {
  if (fromModel && isIsoDate(fromModel)) return fromModel;
  const section = sections.find((s) => s.role === 'next');
  if (!section) return undefined;
  return findDates(doc.text.slice(section.heading.span.start, section.content.end))[0]?.iso;
}

function isIndexFile(path: string): boolean {
  return /(^|[\\/])(readme|index)\.(md|markdown)$/i.test(path);
}

function regularGap(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const gap = daysBetween(from, to);
  return REGULAR_GAPS.includes(gap) ? gap : undefined;
}

/** The previous path with its date replaced, written the same way; a dateless name gives `<folder>/<date>.md`. */
function pathFor(previousPath: string, date: string): string {
  const found = dateInPath(previousPath);
  if (found) return previousPath.slice(0, found.index) + found.render(date) + previousPath.slice(found.index + found.length);
  const slash = Math.max(previousPath.lastIndexOf('/'), previousPath.lastIndexOf('\\'));
  return `${previousPath.slice(0, slash + 1)}${date}.md`;
}

function skeleton(title: string, date: string, next: string | undefined): string {
  return [
    `# ${title} ${date}`,
    '## Attendees',
    ATTENDEES_STUB,
    '## Topics',
    TOPICS_STUB,
    '## Actions',
    ACTIONS_STUB,
    '## Next Meeting',
    `Date: ${next ?? UNKNOWN}`,
  ].join('\n\n') + '\n';
}

type Role = 'title' | 'attendees' | 'topics' | 'in-topics' | 'actions' | 'next' | 'open' | 'done' | 'other';

interface Section {
  heading: HeadingFact;
  role: Role;
  /** From the end of the heading to the next heading of any level. */
  content: Span;
}

function statusOf(heading: string): 'open' | 'done' | undefined {
  const text = heading.trim().replace(/[:.]$/, '').trim();
  if (OPEN_STATUS.test(text)) return 'open';
  if (DONE_STATUS.test(text)) return 'done';
  return undefined;
}

/**
 * What each heading is. Sub-headings of Topics are topics. A heading under a status heading
 * (`#### Dragonfly` under `### WIP`) takes that status. Sub-headings of the other sections are
 * sections of their own: notes put recurring headings under Actions (`### Group discussion …`).
 */
function planSections(doc: ParsedDocument): Section[] {
  const sections: Section[] = [];
  const statuses: { depth: number; open: boolean }[] = [];
  let topicsDepth = 0;
  doc.headings.forEach((heading, index) => {
    const content = { start: heading.span.end, end: doc.headings[index + 1]?.span.start ?? doc.text.length };
    while (statuses.length > 0 && statuses[statuses.length - 1].depth >= heading.depth) statuses.pop();
    if (topicsDepth !== 0 && heading.depth > topicsDepth) {
      sections.push({ heading, role: 'in-topics', content });
      return;
    }
    topicsDepth = 0;
    const text = heading.text.trim();
    const status = statusOf(text);
    let role: Role;
    if (heading.depth === 1 && index === 0) role = 'title';
    else if (ATTENDEES.test(text)) role = 'attendees';
    else if (TOPICS.test(text)) role = 'topics';
    else if (ACTIONS.test(text)) role = 'actions';
    else if (NEXT_MEETING.test(text)) role = 'next';
    else if (status) role = status;
    else if (statuses.length > 0) role = statuses[statuses.length - 1].open ? 'open' : 'done';
    else role = 'other';
    if (role === 'topics') topicsDepth = heading.depth;
    if (status) statuses.push({ depth: heading.depth, open: status === 'open' });
    sections.push({ heading, role, content });
  });
  return sections;
}

interface Dates {
  previousDate: string | undefined;
  date: string;
  next: string | undefined;
}

function writeSections(doc: ParsedDocument, sections: Section[], dates: Dates): string {
  const text = doc.text;
  const blocks: string[] = [];
  const preamble = replaceMeetingDate(trimBlankLines(text.slice(0, sections[0]?.heading.span.start ?? text.length)), dates);
  if (preamble) blocks.push(preamble);

  const doneIssues = new Set<string>();
  for (const section of sections) {
    if (section.role !== 'done') continue;
    for (const item of itemsIn(doc, section.content)) for (const key of issueKeysIn(ownText(doc, item))) doneIssues.add(key);
  }

  for (const section of sections) {
    if (section.role === 'in-topics') continue;
    let heading = text.slice(section.heading.span.start, section.heading.span.end);
    if (section.role === 'title') heading = replaceFirstDate(heading, dates.date);
    if (section.role === 'next') heading = replaceDates(heading, dates.next);
    const body = sectionBody(doc, section, dates, doneIssues);
    blocks.push(body ? `${heading}\n\n${body}` : heading);
  }

  if (!sections.some((s) => s.role === 'next')) {
    // The note after this one is dated from here: a note without the section gets one, at the level of its sections.
    const depths = sections.filter((s) => s.role !== 'title').map((s) => s.heading.depth);
    blocks.push(`${'#'.repeat(depths.length > 0 ? Math.min(...depths) : 2)} Next Meeting\n\nDate: ${dates.next ?? UNKNOWN}`);
  }
  return blocks.join('\n\n') + '\n';
}

function sectionBody(doc: ParsedDocument, section: Section, dates: Dates, doneIssues: ReadonlySet<string>): string {
  const content = doc.text.slice(section.content.start, section.content.end);
  switch (section.role) {
    case 'title':
      // Standing information under the title (the call link, the calendar) stays; the meeting's own date moves.
      return replaceMeetingDate(trimBlankLines(content), dates);
    case 'attendees':
      return trimBlankLines(content);
    case 'topics':
      return TOPICS_STUB;
    case 'actions':
      return carriedActions(doc, section.content);
    case 'open':
      return issuesStillOpen(doc, section.content, doneIssues);
    case 'next':
      return nextMeetingBody(trimBlankLines(content), dates.next, findDates(section.heading.text).length > 0);
    default:
      return '';
  }
}

/**
 * Open actions stay with everything under them but their done sub-tasks. A done action goes,
 * unless a sub-task under it is still open: then it stays, ticked as its author left it, so the
 * open sub-task keeps its context.
 */
function carriedActions(doc: ParsedDocument, content: Span): string {
  const items = itemsIn(doc, content);
  const children = childrenOf(doc, items);
  const hasOpenTask = (item: ListItemFact): boolean => (children.get(item) ?? []).some((child) => child.checked === false || hasOpenTask(child));
  const dropped = items.filter((item) => item.checked === true && !hasOpenTask(item));
  return withoutItems(doc, content, dropped);
}

/** Issue items stay unless every issue they name is listed as done elsewhere in the note. */
function issuesStillOpen(doc: ParsedDocument, content: Span, doneIssues: ReadonlySet<string>): string {
  const dropped = itemsIn(doc, content).filter((item) => {
    const keys = issueKeysIn(ownText(doc, item));
    return keys.length > 0 && keys.every((key) => doneIssues.has(key));
  });
  return withoutItems(doc, content, dropped);
}

/**
 * The next meeting's date where the previous one stood (`Date: …`, `- Date: …`, `held on **August 26, 2025**`),
 * the host left to fill, standing lines (time, call link) kept. No date anywhere: a `Date:` line first.
 */
function nextMeetingBody(content: string, next: string | undefined, headingDated: boolean): string {
  let dated = headingDated;
  const lines = (content ? content.split('\n') : []).map((line) => {
    if (HOST_LINE.test(line)) return line.replace(HOST_LINE, `$1${UNKNOWN}`);
    if (findDates(line).length === 0) return line;
    dated = true;
    return replaceDates(line, next);
  });
  if (!dated) lines.unshift(`Date: ${next ?? UNKNOWN}`, ...(lines.length > 0 ? [''] : []));
  return lines.join('\n');
}

/** Every date in the text becomes `next`, written the same way, or the blank `TBD`. */
function replaceDates(text: string, next: string | undefined): string {
  let result = text;
  for (const date of findDates(text).reverse()) result = result.slice(0, date.index) + (next ? date.render(next) : UNKNOWN) + result.slice(date.index + date.length);
  return result;
}

/** The previous meeting's date, wherever the text repeats it, becomes the new one. */
function replaceMeetingDate(text: string, dates: Dates): string {
  if (!dates.previousDate) return text;
  let result = text;
  for (const found of findDates(text).reverse()) {
    if (found.iso === dates.previousDate) result = result.slice(0, found.index) + found.render(dates.date) + result.slice(found.index + found.length);
  }
  return result;
}

function itemsIn(doc: ParsedDocument, span: Span): ListItemFact[] {
  return doc.listItems.filter((item) => item.span.start >= span.start && item.span.start < span.end);
}

function childrenOf(doc: ParsedDocument, items: ListItemFact[]): Map<ListItemFact, ListItemFact[]> {
  const children = new Map<ListItemFact, ListItemFact[]>();
  for (const item of items) {
    if (item.parent === -1) continue;
    const parent = doc.listItems[item.parent];
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  return children;
}

function ownText(doc: ParsedDocument, item: ListItemFact): string {
  const span = item.firstParagraph ?? item.span;
  return doc.text.slice(span.start, span.end);
}

/** The content without the whole lines of the given items (their sub-items go with them). */
function withoutItems(doc: ParsedDocument, content: Span, items: ListItemFact[]): string {
  const lines = doc.lines;
  const removed = items
    .map((item) => {
      const first = lines.positionAt(item.span.start).line;
      const last = lines.positionAt(Math.max(item.span.start, item.span.end - 1)).line;
      return { start: lines.lineStarts[first], end: lines.fullLineSpan(last).end };
    })
    .sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = content.start;
  for (const span of removed) {
    if (span.start > cursor) result += doc.text.slice(cursor, span.start);
    cursor = Math.max(cursor, span.end);
  }
  result += doc.text.slice(cursor, content.end);
  return trimBlankLines(result.replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n'));
}

/** Drops blank lines at both ends, keeping the first line's indentation. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
