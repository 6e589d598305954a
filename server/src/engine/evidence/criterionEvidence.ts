import type { GovDocument } from '../govDocument';
import type { Criterion } from '../model/dd';
import { templateCriteria, type CriterionEvidence, type EvidenceFileKind, type TemplateCriterion } from '../generate/ddCriteria';
import { matchCriterion } from '../model/criterionMatch';
import { parseDestination } from '../links/destination';
import { citationsOf, type Citation } from './citations';
import { FILE_KINDS, fileKindsNamed } from './fileKinds';
import type { RepositoryFiles } from './projectFiles';

/**
 * Criteria of earlier templates that DDs in cncf/toc still hold, for what evidence they ask
 * (the graduation template before 2025 had these two in place of today's TAG criterion).
 */
const RETIRED: TemplateCriterion[] = [
  { title: 'Give a presentation and engage with the domain specific TAG(s) to increase awareness' },
  {
    title: 'TAG provides insight/recommendation of the project in the context of the landscape',
    evidence: { inDocument: 'the TAG gives its recommendation to the TOC, and the DD quotes it' },
  },
];

let catalog: TemplateCriterion[] | undefined;

/** What evidence a DD criterion asks for: its CNCF criterion's, matched loosely in either level's catalog. */
export function evidenceAsked(title: string): CriterionEvidence | undefined {
  catalog ??= [...new Map([...(['graduation', 'incubation'] as const)
    .flatMap((level) => templateCriteria(level).flatMap((area) => [...area.suggested, ...area.required])), ...RETIRED]
    .map((criterion) => [criterion.title, criterion])).values()];
  return matchCriterion(title, catalog)?.criterion.evidence;
}

export interface FileEvidence {
  kind: EvidenceFileKind;
  label: string;
  /** What the evaluation cites of this kind. */
  cited: Citation[];
  /** The project's repositories in the workspace that were looked in. */
  searched: string[];
  /** Where they have such a file. */
  found: { repository: string; paths: readonly string[] }[];
}

export interface CriterionEvidenceReport {
  citations: Citation[];
  /** Set when the DD itself (or a TOC event) is the evidence, and why. */
  inDocument?: string;
  files: FileEvidence[];
}

/**
 * A criterion's evidence: what its evaluation cites, and for each kind of file the criterion asks
 * for, whether the evaluation cites one and whether the project's repositories in the workspace
 * have one (undefined repositories: the host looked in none).
 */
export function criterionEvidence(doc: GovDocument, criterion: Criterion, repositories: readonly RepositoryFiles[] = []): CriterionEvidenceReport {
  const citations = citationsOf(doc, criterion);
  const asked = evidenceAsked(criterion.title);
  const report: CriterionEvidenceReport = { citations, files: [] };
  if (asked?.inDocument) report.inDocument = asked.inDocument;
  for (const kind of asked?.files ?? []) {
    report.files.push({
      kind,
      label: FILE_KINDS[kind].label,
      cited: citations.filter((citation) => citedKinds(citation).includes(kind)),
      searched: repositories.map((r) => r.repository),
      found: repositories.flatMap((r) => (r.files.get(kind)?.length ? [{ repository: r.repository, paths: r.files.get(kind)! }] : [])),
    });
  }
  return report;
}

function citedKinds(citation: Citation): EvidenceFileKind[] {
  if (citation.kind === 'file') return fileKindsNamed(citation.text);
  if (citation.kind !== 'link' || !citation.url) return [];
  const destination = parseDestination(citation.url);
  if (destination.type === 'github') return destination.segments.length ? fileKindsNamed(destination.segments[destination.segments.length - 1].name) : [];
  if (destination.type === 'path') return fileKindsNamed(destination.path);
  return [];
}
