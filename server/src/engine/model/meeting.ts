import type { Span } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { HeadingFact, LinkFact, ListItemFact } from '../parse/facts';
import { ByStart } from './byStart';
import { handleKey, type Mention } from './mentions';
import { appendAll } from '../arrays';

export interface Attendee {
  item: ListItemFact;
  name: string;
  handle?: string;
  organization?: string;
}

export interface ActionItem {
  item: ListItemFact;
  text: string;
  done: boolean;
  /** Owners named on the item itself or, for a sub-item, on the item it belongs to. */
  owners: Mention[];
  ownSpan: Span;
}

export type IssueStatus = string;

export interface IssueEntry {
  item: ListItemFact;
  /** `owner/repo#123`, the same however the issue was written. */
  key: string;
  status: IssueStatus;
  /** The status heading as written (`TODO`, `WIP` …). */
  statusHeading: HeadingFact;
  owners: Mention[];
}

export interface NextMeeting {
  heading: HeadingFact;
  date?: string;
  host?: string;
}

export interface MeetingModel {
  date?: string;
  attendees: Attendee[];
  topics: ListItemFact[];
  actions: ActionItem[];
  issues: IssueEntry[];
  nextMeeting?: NextMeeting;
  mentions: Mention[];
}

export const ATTENDEES = /^(attendees|attendance|participants|present|who attended)\b/i;
export const TOPICS = /^(topics|agenda|discussion( topics)?)\b/i;
export const ACTIONS = /^(actions?|action items?|follow[- ]?ups?)\b/i;
export const NEXT_MEETING = /^next meeting\b/i;
const STATUS = /^(todo|to do|wip|in progress|done|tbd|blocked|closed|open)\s*$/i;
const ISSUE_URL = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)/g;
const ISSUE_SHORT = /(?<![\w/])([\w.-]+)\/([\w.-]+)#(\d+)\b/g;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Headings a meeting note is made of; two of them make a file a meeting note. */
export const MEETING_HEADINGS = [ATTENDEES, TOPICS, ACTIONS, NEXT_MEETING];

export function buildMeetingModel(doc: ParsedDocument, path: string): MeetingModel {
  const model: MeetingModel = { attendees: [], topics: [], actions: [], issues: [], mentions: [...doc.mentions] };
  const date = meetingDate(doc, path);
  if (date) model.date = date;

  for (let h = 0; h < doc.headings.length; h++) {
    const heading = doc.headings[h];
    const section = sectionOf(doc, h);
    const items = doc.listItems.filter((item) => item.span.start >= section.start && item.span.start < section.end);
    if (ATTENDEES.test(heading.text)) {
      for (const item of items) if (item.parent === -1 || !items.includes(doc.listItems[item.parent])) model.attendees.push(attendeeOf(doc, item));
    } else if (TOPICS.test(heading.text)) {
      appendAll(model.topics, items.filter((item) => item.parent === -1));
    } else if (ACTIONS.test(heading.text)) {
      appendAll(model.actions, actionsOf(doc, items));
    } else if (NEXT_MEETING.test(heading.text)) {
      model.nextMeeting = nextMeetingOf(doc, heading, section);
    } else if (STATUS.test(heading.text)) {
      appendAll(model.issues, issuesOf(doc, heading, h));
    }
  }
  return model;
}

/** From a heading to the next heading of the same or a higher level. */
export function sectionOf(doc: ParsedDocument, headingIndex: number): Span {
  const heading = doc.headings[headingIndex];
  let end = doc.text.length;
  for (let next = headingIndex + 1; next < doc.headings.length; next++) {
    if (doc.headings[next].depth <= heading.depth) {
      end = doc.headings[next].span.start;
      break;
    }
  }
  return { start: heading.span.end, end };
}

function attendeeOf(doc: ParsedDocument, item: ListItemFact): Attendee {
  const raw = doc.text.slice(item.firstParagraph?.start ?? item.span.start, item.firstParagraph?.end ?? item.span.end);
  const link = indexed(linksByStart, doc, doc.links).within(item.span).find((l) => l.span.end <= item.span.end);
  const githubUser = link ? /^https?:\/\/github\.com\/([A-Za-z0-9-]+)\/?$/.exec(link.url) : null;
  const mention = mentionsIn(doc, item.span).find((m) => !m.team);
  const organization = /\(([^()]*)\)\s*$/.exec(raw)?.[1]?.trim();
  const name = (link && !link.url.startsWith('mailto:') ? link.text : item.text.replace(/\([^()]*\)\s*$/, '')).replace(/@\S+/g, '').trim();
  const attendee: Attendee = { item, name: name || item.text };
  const handle = githubUser?.[1] ?? mention?.handle;
  if (handle) attendee.handle = handle;
  if (organization) attendee.organization = organization;
  return attendee;
}

/** Each document's mentions and links by where they start: every attendee and action item looks its own up. */
const mentionsByStart = new WeakMap<ParsedDocument, ByStart<Mention>>();
const linksByStart = new WeakMap<ParsedDocument, ByStart<LinkFact>>();

function indexed<T extends { span: Span }>(cache: WeakMap<ParsedDocument, ByStart<T>>, doc: ParsedDocument, items: readonly T[]): ByStart<T> {
  let index = cache.get(doc);
  if (!index) cache.set(doc, (index = new ByStart(items)));
  return index;
}

function mentionsIn(doc: ParsedDocument, span: Span): Mention[] {
  return indexed(mentionsByStart, doc, doc.mentions).within(span).filter((m) => m.span.end <= span.end);
}

function actionsOf(doc: ParsedDocument, items: ListItemFact[]): ActionItem[] {
  const actions: ActionItem[] = [];
  const byItem = new Map<ListItemFact, ActionItem>();
  for (const item of items) {
    if (item.checked === null) continue;
    const ownSpan = item.firstParagraph ?? item.span;
    let owners = mentionsIn(doc, ownSpan);
    const parent = item.parent === -1 ? undefined : byItem.get(doc.listItems[item.parent]);
    if (owners.length === 0 && parent) owners = parent.owners;
    const action: ActionItem = { item, text: item.text, done: item.checked, owners, ownSpan };
    byItem.set(item, action);
    actions.push(action);
  }
  return actions;
}

function issuesOf(doc: ParsedDocument, statusHeading: HeadingFact, headingIndex: number): IssueEntry[] {
  const section = sectionOf(doc, headingIndex);
  const status = statusHeading.text.trim().toUpperCase().replace(/^TO DO$/, 'TODO').replace(/^IN PROGRESS$/, 'WIP');
  const entries: IssueEntry[] = [];
  for (const item of doc.listItems) {
    if (item.span.start < section.start || item.span.start >= section.end) continue;
    // A nested status heading (### WIP under ## TODO) takes over its own items.
    const inner = doc.headings.findIndex((h, i) => i > headingIndex && STATUS.test(h.text) && h.span.start < item.span.start && sectionOf(doc, i).end > item.span.start);
    if (inner !== -1) continue;
    const ownSpan = item.firstParagraph ?? item.span;
    const text = doc.text.slice(ownSpan.start, ownSpan.end);
    for (const key of issueKeysIn(text)) {
      entries.push({ item, key, status, statusHeading, owners: mentionsIn(doc, ownSpan) });
    }
  }
  return entries;
}

export function issueKeysIn(text: string): string[] {
  const keys = new Set<string>();
  for (const pattern of [ISSUE_URL, ISSUE_SHORT]) {
    pattern.lastIndex = 0;
    for (let match; (match = pattern.exec(text)); ) keys.add(`${match[1]}/${match[2]}#${match[3]}`.toLowerCase());
  }
  return [...keys];
}

function nextMeetingOf(doc: ParsedDocument, heading: HeadingFact, section: Span): NextMeeting {
  const text = doc.text.slice(section.start, section.end);
  const next: NextMeeting = { heading };
  const date = /\bdate\b[^\r\n\d]*(\d{4}-\d{2}-\d{2})/i.exec(text)?.[1] ?? ISO_DATE.exec(text)?.[1] ?? ISO_DATE.exec(heading.text)?.[1];
  if (date) next.date = date;
  const host = /\bhost\b\s*:?\s*@([A-Za-z0-9-]+)/i.exec(text)?.[1];
  if (host) next.host = host;
  return next;
}

/** The meeting's own date: front matter, then the title, then the file or folder name. */
export function meetingDate(doc: ParsedDocument, path: string): string | undefined {
  const frontMatterDate = doc.frontMatter ? /^date\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(doc.frontMatter.value)?.[1] : undefined;
  if (frontMatterDate) return frontMatterDate;
  const title = doc.headings.find((h) => h.depth === 1);
  const titleDate = title ? ISO_DATE.exec(title.text)?.[1] : undefined;
  if (titleDate) return titleDate;
  const segments = path.split('/').reverse();
  for (const segment of segments) {
    const match = ISO_DATE.exec(segment);
    if (match) return match[1];
  }
  return undefined;
}

export function isKnownHandle(handle: string, known: ReadonlySet<string>): boolean {
  return known.has(handleKey(handle));
}
