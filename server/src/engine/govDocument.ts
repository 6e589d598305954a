import type { DocumentKind } from './types';
import type { ParsedDocument } from './parse/document';
import type { Settings } from './settings';
import { buildDdModel, type DdModel } from './model/dd';
import { buildMeetingModel, type MeetingModel } from './model/meeting';
import { detectKind, isMeetingsFolderPath, isTemplatePath } from './kinds';
import { standingOf } from './duplicates/standing';
import { mayHoldListItemBlank } from './model/placeholders';

/** A parsed document with its kind and the models of that kind, built on first use. */
export class GovDocument {
  readonly kind: DocumentKind;
  private ddModel?: DdModel;
  private meetingModel?: MeetingModel;

  constructor(
    readonly uri: string,
    /** Relative to the workspace folder, `/`-separated: what globs and dates in names are read from. */
    readonly path: string,
    readonly parsed: ParsedDocument,
    settings: Settings,
  ) {
    this.kind = detectKind(parsed, path, settings, () => this.dd);
  }

  get text(): string {
    return this.parsed.text;
  }

  get dd(): DdModel {
    return (this.ddModel ??= buildDdModel(this.parsed));
  }

  get meeting(): MeetingModel {
    return (this.meetingModel ??= buildMeetingModel(this.parsed, this.path));
  }
}

/**
 * Whether the rules read this document's list items or paragraphs: the models of DDs, meeting
 * notes and templates; the definitions of living governance files (`duplicate-section`); and
 * template blanks outside DDs, which are told from examples by the paragraph that announces them
 * (`NOTABLE1` is one only alone on a list item). Elsewhere links, anchors and prose are all they read.
 */
export function usesStructure(doc: GovDocument): boolean {
  if (doc.kind === 'dd' || doc.kind === 'meeting' || doc.kind === 'template') return true;
  if (doc.kind === 'governance' && standingOf(doc.path) === 'living') return true;
  return doc.parsed.placeholders.length > 0 || mayHoldListItemBlank(doc.text);
}

/**
 * Whether a document will be parsed in full whatever its scan says, told before any reading from
 * its path and one look at its text: a DD's title, a template's or meeting note's folder, a living
 * governance file's name (usesStructure). Such a document is parsed once instead of scanned and
 * then parsed (a 3.5 MB DD spent a third of its check in the scan it did not need). A wrong guess
 * costs time, not findings: the scan and the parse agree on every fact the scan gives
 * (test/engine/link-scan.test.ts), and rules read the structure only where usesStructure says.
 */
export function surelyUsesStructure(path: string, text: string): boolean {
  return isTemplatePath(path) || isMeetingsFolderPath(path) || standingOf(path) === 'living' || DUE_DILIGENCE_TITLE.test(text);
}

const DUE_DILIGENCE_TITLE = /^#[ \t]+[^\r\n]*due diligence/im;
