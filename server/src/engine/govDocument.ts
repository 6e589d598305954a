import type { DocumentKind } from './types';
import type { ParsedDocument } from './parse/document';
import type { Settings } from './settings';
import { buildDdModel, type DdModel } from './model/dd';
import { buildMeetingModel, type MeetingModel } from './model/meeting';
import { detectKind } from './kinds';

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
