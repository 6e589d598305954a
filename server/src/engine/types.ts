/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  /** The document the edit applies to; the finding's own document when absent. */
  uri?: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor should offer first. */
  isPreferred?: boolean;
  /** Safe without review: `govmd check --fix` and "Fix all" apply it. */
  automatic?: boolean;
}

export interface RelatedPlace {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  uri: string;
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: RelatedPlace[];
  fixes?: Fix[];
}

export type DocumentKind = 'dd' | 'meeting' | 'template' | 'governance' | 'none';
