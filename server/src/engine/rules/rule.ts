import type { DocumentKind, Range, Severity, Span, RelatedPlace } from '../types';
import type { DuplicateGroup } from '../duplicates/findDuplicates';
import type { Lexicon } from '../duplicates/lexicon';
import type { GovDocument } from '../govDocument';
import type { Settings } from '../settings';
import type { LinkTargets } from '../links/targets';
import type { ExternalVerdict } from '../links/external';
import type { DdTemplate } from '../template/ddTemplate';
import type { RepositoryFiles } from '../evidence/projectFiles';

/** What a rule may know of the rest of the workspace. */
export interface WorkspaceFacts {
  /**
   * GitHub handles named in the workspace's MAINTAINERS / OWNERS / CODEOWNERS files, by lower-case
   * key, as written (`knownHandles` adds the `owners` setting and a meeting's attendees).
   */
  ownerHandles?: ReadonlyMap<string, string>;
  /**
   * Where this document's links lead: existence, anchors and line counts of the workspace files
   * they name. Absent when the host gathered none; link rules then check only the document itself.
   */
  links?: LinkTargets;
  /** Answers of the opt-in HTTP check by URL as written; absent unless the user turned it on. */
  externalLinks?: ReadonlyMap<string, ExternalVerdict>;
  /** Definitions written in more than one file of the workspace, when the host asked for them. */
  duplicates?: WorkspaceDuplicates;
  /** A DD's current template: cncf/toc's from the workspace, else the built-in catalog. */
  ddTemplate?: DdTemplate;
  /**
   * For a DD: the project's repositories in the workspace (those of the GitHub owners it links to)
   * and the files CLOMonitor looks for that each holds.
   */
  projectFiles?: readonly RepositoryFiles[];
}

export interface WorkspaceDuplicates {
  /** Every group, ordered by its first member. */
  groups: readonly DuplicateGroup[];
  /** The groups one file has a member in. */
  groupsOf(uri: string): readonly DuplicateGroup[];
  lexicon: Lexicon;
  /** Where a span of another workspace file is, for related information. */
  rangeOf(uri: string, span: Span): Range;
}

export interface RuleContext {
  doc: GovDocument;
  workspace: WorkspaceFacts;
  settings: Settings;
}

export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface RuleFix {
  title: string;
  edits: SpanEdit[];
  /**
   * Safe to apply without a person looking: `govmd check --fix` and "Fix all" apply these.
   * Fixes that change what a document claims (checking a criterion) are never automatic.
   */
  automatic?: boolean;
  isPreferred?: boolean;
}

export interface RuleFinding {
  span: Span;
  message: string;
  /** This finding's default when the rule's own depends on the case (Required vs Suggested). */
  severity?: Severity;
  related?: (RelatedPlace | { span: Span; message: string })[];
  fixes?: RuleFix[];
}

export interface Rule {
  code: string;
  description: string;
  defaultSeverity: Severity;
  /** The document kinds the rule looks at. */
  appliesTo: readonly DocumentKind[];
  check(context: RuleContext, report: (finding: RuleFinding) => void): void;
}
