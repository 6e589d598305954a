import { anchorsOf } from '../links/anchors';
import { parentHeadings } from '../model/headings';
import type { ParsedDocument } from '../parse/document';
import type { Span } from '../types';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';
import { labelWords, readLabel, topicOf, type Topic } from './topics';
import { bodyWords } from './bodyText';
import { isPointerBody, mayBePointer } from './pointer';
import { firstAtOrAfter } from '../text/spans';
import { shingleHashes } from './similarity';

/** A section of a governance document, or a bold label in one, and what it defines. */
export interface Definition {
  kind: 'heading' | 'label';
  /** The heading's text, or the bold text without a trailing `:` / `.`. */
  label: string;
  /** The heading line, or the bold text with its `**`. */
  labelSpan: Span;
  /**
   * What the definition says, trailing blank lines excluded: under a heading, up to the next heading
   * of the same or a higher level; for a label in a list item, the rest of the item (its nested list
   * too) after the label and its colon; for a label paragraph, up to the next label or heading. An
   * `A **Role** is …` sentence is its own body (the label sits inside it).
   */
  bodySpan: Span;
  /** Heading level; 0 for labels. */
  depth: number;
  topic?: Topic;
  /** GitHub's anchor for the heading, or for the heading of the label's section. */
  anchor?: string;
  /**
   * The word shingles similarity compares (`shingleHashes`), on a section compared for copies alone
   * (`comparedForCopies`): under a heading, only its own text up to the next heading of any level,
   * so a section copied with its subsections matches section by section. The words themselves are
   * not kept: 41,000 definitions of 10,000 generated files held 6.3 MB of them.
   */
  shingles: Int32Array | undefined;
  /** How many words the whole body has. */
  wordCount: number;
  /** The body only points elsewhere ("see X", one line with a link): not a definition. */
  isPointer: boolean;
  /** A heading repeated in its file (Suggested / Required under each area) or a known form heading. */
  structural: boolean;
}

export interface ExtractOptions {
  lexicon?: Lexicon;
}

/** Form headings that repeat by design in DDs and meeting notes. */
const STRUCTURAL_HEADINGS = new Set(
  ['suggested', 'required', 'attendees', 'agenda', 'topics', 'actions', 'action items', 'todo', 'wip', 'done', 'notes', 'table of contents', 'contents', 'toc'].map(
    (text) => labelWords(text).join(' '),
  ),
);
const MAX_LABEL_WORDS = 10;
/** Sections with fewer words of their own are not compared for similarity. */
const MIN_COMPARED_WORDS = 25;

interface LabelCandidate {
  strong: { span: Span; text: string };
  /** The block the label opens: the list item or the paragraph. */
  block: Span;
  inListItem: boolean;
  /** `A **Role** is …`. */
  rolePhrase: boolean;
}

/**
 * Every heading section of a document (with its topic when it names one) and every bold label
 * that names a topic. Pure: reads only the parsed facts and the text.
 */
export function extractDefinitions(parsed: ParsedDocument, options: ExtractOptions = {}): Definition[] {
  const lexicon = options.lexicon ?? DEFAULT_LEXICON;
  const text = parsed.text;
  const headings = parsed.headings;
  // The anchors the link rules check against: the replacement link must not be a broken fragment.
  const anchors = anchorsOf(parsed).headingSlugs;
  const parents = parentHeadings(headings);
  const ownRoles = headings.map((heading) => readLabel(heading.text, lexicon).roles);
  const contextRoles: string[][] = [];
  headings.forEach((_, index) => {
    const parent = parents[index];
    contextRoles.push(ownRoles[index].length > 0 ? ownRoles[index] : parent === -1 ? [] : contextRoles[parent]);
  });
  const normalized = headings.map((heading) => labelWords(heading.text).join(' '));
  const timesInFile = new Map<string, number>();
  for (const key of normalized) timesInFile.set(key, (timesInFile.get(key) ?? 0) + 1);

  // Each heading's own words are read once; a section's count adds its subsections' counts.
  const ownWords = headings.map((heading, index) => bodyWords(text.slice(heading.span.end, headings[index + 1]?.span.start ?? text.length)));
  const definitions: Definition[] = [];
  headings.forEach((heading, index) => {
    if (heading.text === '') return;
    let last = index;
    while (last + 1 < headings.length && headings[last + 1].depth > heading.depth) last++;
    const end = headings[last + 1]?.span.start ?? text.length;
    let wordCount = 0;
    for (let i = index; i <= last; i++) wordCount += ownWords[i].length;
    const parent = parents[index];
    const definition = describeBody(
      parsed,
      {
        kind: 'heading',
        label: heading.text,
        labelSpan: heading.span,
        bodySpan: trimEnd(text, { start: heading.span.end, end }),
        depth: heading.depth,
        anchor: anchors[index],
        shingles: undefined,
        structural: STRUCTURAL_HEADINGS.has(normalized[index]) || (timesInFile.get(normalized[index]) ?? 0) > 1,
      },
      wordCount,
    );
    if (comparedForCopies(definition, ownWords[index].length)) definition.shingles = shingleHashes(ownWords[index]);
    const topic = topicOf(heading.text, { lexicon, headingRoles: parent === -1 ? [] : contextRoles[parent] });
    if (topic) definition.topic = topic;
    definitions.push(definition);
  });

  const labels = labelCandidates(parsed);
  const headingStarts = headings.map((heading) => heading.span.start);
  const paragraphLabelStarts = labels.filter((label) => !label.inListItem).map((label) => label.block.start);
  for (const label of labels) {
    const section = enclosingHeading(headingStarts, label.strong.span.start);
    const headingRoles = section === -1 ? [] : contextRoles[section];
    const labelText = label.strong.text.replace(/\s*[:.]$/, '').trim();
    let topic: Topic | undefined;
    if (label.rolePhrase) {
      const reading = readLabel(labelText, lexicon);
      if (reading.process === undefined && reading.roles.length > 0) topic = { process: 'define', roles: reading.roles };
    } else {
      topic = topicOf(labelText, { lexicon, headingRoles });
    }
    if (!topic) continue;
    const bodySpan = label.rolePhrase ? label.block : labelBody(text, label, nextBoundary(headingStarts, paragraphLabelStarts, label.block.end));
    const words = bodyWords(text.slice(bodySpan.start, bodySpan.end));
    const definition = describeBody(
      parsed,
      { kind: 'label', label: labelText, labelSpan: label.strong.span, bodySpan, depth: 0, shingles: undefined, structural: false },
      words.length,
    );
    definition.topic = topic;
    if (section !== -1) definition.anchor = anchors[section];
    definitions.push(definition);
  }
  return definitions.sort((a, b) => a.labelSpan.start - b.labelSpan.start);
}

type DefinitionDraft = Omit<Definition, 'wordCount' | 'isPointer' | 'topic'>;

/** Only a section's own words are compared for copies: labels, pointers, form headings and short sections are not. */
function comparedForCopies(definition: Definition, ownWordCount: number): boolean {
  return definition.kind === 'heading' && !definition.structural && !definition.isPointer && ownWordCount >= MIN_COMPARED_WORDS;
}

function describeBody(parsed: ParsedDocument, draft: DefinitionDraft, wordCount: number): Definition {
  return definitionOf(draft, wordCount, mayBePointer(wordCount) && isPointerSection(parsed, draft.bodySpan, wordCount));
}

/**
 * Every definition with one set of fields in one order, `topic` and `anchor` included before they
 * are known: spread from its draft and given a topic afterwards, each of 41,000 definitions had a
 * hidden class of its own (12.8 MB of a 10,000-file run's 121 MB live heap).
 */
function definitionOf(draft: DefinitionDraft, wordCount: number, isPointer: boolean): Definition {
  return {
    kind: draft.kind,
    label: draft.label,
    labelSpan: draft.labelSpan,
    bodySpan: draft.bodySpan,
    depth: draft.depth,
    topic: undefined,
    anchor: draft.anchor,
    shingles: draft.shingles,
    wordCount,
    isPointer,
    structural: draft.structural,
  };
}

function isPointerSection(parsed: ParsedDocument, bodySpan: Span, wordCount: number): boolean {
  const { start, end } = bodySpan;
  const prose = parsed.text.slice(start, end);
  const links: ParsedDocument['links'][number][] = [];
  for (let i = firstAtOrAfter(linkStartsOf(parsed), start); i < parsed.links.length && parsed.links[i].span.start < end; i++) {
    const link = parsed.links[i];
    if (link.kind !== 'image' && link.span.end <= end) links.push(link);
  }
  let outside = '';
  let at = start;
  for (const link of links) {
    outside += parsed.text.slice(at, Math.max(at, link.span.start)) + ' ';
    at = Math.max(at, link.span.end);
  }
  outside += parsed.text.slice(at, end);
  return isPointerBody({ prose, wordCount, wordsOutsideLinks: bodyWords(outside).length, linkUrls: links.map((link) => link.url) });
}

const linkStarts = new WeakMap<ParsedDocument, number[]>();

/** Links come in document order: their starts ascend, and a body's links are found by bisection. */
function linkStartsOf(parsed: ParsedDocument): number[] {
  let starts = linkStarts.get(parsed);
  if (!starts) linkStarts.set(parsed, (starts = parsed.links.map((link) => link.span.start)));
  return starts;
}

/** The last heading before an offset, or -1. */
function enclosingHeading(headingStarts: readonly number[], offset: number): number {
  return firstAtOrAfter(headingStarts, offset) - 1;
}

/** Bold text that opens a list item or paragraph and reads as a label, not as emphasis. */
function labelCandidates(parsed: ParsedDocument): LabelCandidate[] {
  const text = parsed.text;
  const candidates: LabelCandidate[] = [];
  for (const item of parsed.listItems) {
    if (!item.leadingStrong || !item.firstParagraph) continue;
    if (isLabel(text, item.leadingStrong, item.firstParagraph)) {
      candidates.push({ strong: item.leadingStrong, block: item.span, inListItem: true, rolePhrase: false });
    }
  }
  for (const paragraph of parsed.paragraphs) {
    const strong = paragraph.firstStrong;
    if (!strong) continue;
    const before = text.slice(paragraph.span.start, strong.span.start);
    if (before.trim() === '') {
      if (isLabel(text, strong, paragraph.span)) candidates.push({ strong, block: paragraph.span, inListItem: false, rolePhrase: false });
    } else if (/^(?:an?|the)\s+$/i.test(before) && /^\s+(?:is|are)\b/.test(text.slice(strong.span.end, strong.span.end + 8))) {
      candidates.push({ strong, block: paragraph.span, inListItem: false, rolePhrase: true });
    }
  }
  return candidates.sort((a, b) => a.block.start - b.block.start);
}

/**
 * `**Label**:` / `**Label:**`, `**Label.** More text`, or bold text alone on its line: labels.
 * `**Set the remote upstream** to …` and long bold sentences (DD criteria) are not.
 */
function isLabel(text: string, strong: { span: Span; text: string }, paragraph: Span): boolean {
  const words = strong.text.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > MAX_LABEL_WORDS) return false;
  const rest = text.slice(strong.span.end, paragraph.end).trim();
  if (rest.startsWith(':') || strong.text.endsWith(':')) return true;
  if (strong.text.endsWith('.')) return rest.length > 0;
  return rest === '' && !/[!?]$/.test(strong.text);
}

/** Where a label paragraph's body stops: the next heading or label paragraph after its own paragraph. */
function nextBoundary(headingStarts: readonly number[], paragraphLabelStarts: readonly number[], after: number): number {
  const nextHeading = headingStarts[firstAtOrAfter(headingStarts, after)] ?? Infinity;
  const nextLabel = paragraphLabelStarts[firstAtOrAfter(paragraphLabelStarts, after)] ?? Infinity;
  return Math.min(nextHeading, nextLabel);
}

function labelBody(text: string, label: LabelCandidate, boundary: number): Span {
  const afterLabel = text[label.strong.span.end] === ':' ? label.strong.span.end + 1 : label.strong.span.end;
  const end = label.inListItem ? label.block.end : Math.min(boundary, text.length);
  return trimEnd(text, { start: afterLabel, end: Math.max(afterLabel, end) });
}

function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}
