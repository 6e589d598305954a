/**
 * The criteria of the CNCF TOC's Due Diligence templates, per area and kind, as cncf/toc writes
 * them in `operations/toc-templates/template-dd-pr-incubation.md` and `…-graduation.md`
 * (the TOC's texts, CC-BY-4.0), taken from cncf/toc at commit 4acc1dcf3e5c (the snapshot of
 * 2026-06-30 in ../shared/corpus), where both templates were last changed on 2026-06-29: see
 * TEMPLATE_SOURCE. Criterion titles are reproduced word for word: reviewers compare them with the
 * template, and a test compares this catalog with that template file. Three deliberate differences
 * from the template files: relative links into cncf/toc are made absolute (a DD lives outside that
 * folder, where they would be broken links), `[Sandbox](sandbox.cncf.io)` gets its scheme (as
 * written it is a relative path), and evidence prompts the template leaves at column 0 are indented
 * under their criterion, where the rendered list puts them anyway.
 *
 * Beyond the template, each criterion may say what evidence it asks for (`evidence`): the kinds of
 * repository file CLOMonitor looks for that would show it, or that the DD itself is the evidence.
 */

/** Where and when the built-in catalog was taken from. */
export const TEMPLATE_SOURCE = {
  repository: 'cncf/toc',
  commit: '4acc1dcf3e5c',
  /** The day cncf/toc last changed the DD templates before that commit. */
  date: '2026-06-29',
} as const;

export type DdLevel = 'sandbox' | 'incubation' | 'graduation';

export interface TemplateCriterion {
  /** The bold text, Markdown as the template writes it. */
  title: string;
  /** Text after the bold title in the same paragraph. */
  detail?: string;
  /** Evidence prompts under the criterion (`  - This occurred on DD-MMM-YYYY …`). */
  prompts?: string[];
  /** Nested task items (`  - [ ] …`). */
  subCriteria?: string[];
  /** Notes under the sub-criteria (`  - Additional information …`). */
  notes?: string[];
  /** Which evaluation marker follows; `none` when the template puts prose there instead. */
  marker?: 'toc' | 'project' | 'none';
  /** A paragraph after the marker. */
  after?: string;
  /** What shows the criterion is met (not part of the template). */
  evidence?: CriterionEvidence;
}

/**
 * The kinds of file CLOMonitor (cncf/clomonitor) looks for in a repository; `evidence/fileKinds.ts`
 * holds its patterns.
 */
export type EvidenceFileKind = 'MAINTAINERS' | 'GOVERNANCE' | 'CODE_OF_CONDUCT' | 'CONTRIBUTING' | 'SECURITY' | 'ADOPTERS' | 'ROADMAP' | 'RELEASES' | 'OWNERS';

export interface CriterionEvidence {
  /** Files whose presence in the project's repositories speaks for the criterion. */
  files?: EvidenceFileKind[];
  /**
   * Why the DD needs to cite nothing for this criterion: the evidence is the DD itself or a TOC
   * event, not a public document of the project.
   */
  inDocument?: string;
}

export interface TemplateArea {
  title: string;
  note?: string;
  suggested: TemplateCriterion[];
  required: TemplateCriterion[];
}

const TOC = 'https://github.com/cncf/toc/blob/main';
const VENDOR_NEUTRAL = 'https://contribute.cncf.io/maintainers/community/vendor-neutrality/';
const ADDITIONAL_DOCUMENTATION: TemplateCriterion = {
  title: 'Additional documentation as appropriate for project type, e.g.: installation documentation, end user documentation, reference implementation and/or code samples.',
};

const CONTRIBUTORS_REQUIRED: TemplateCriterion[] = [
  { title: 'Clearly defined and discoverable process to submit issues or changes.', evidence: { files: ['CONTRIBUTING'] } },
  { title: 'Project must have, and document, at least one public communications channel for users and/or contributors.' },
  { title: 'List and document all project communication channels, including subprojects (mail list/slack/etc.).  List any non-public communications channels and what their special purpose is.' },
  { title: 'Up-to-date public meeting schedulers and/or integration with CNCF calendar.' },
  { title: 'Documentation of how to contribute, with increasing detail as the project matures.', evidence: { files: ['CONTRIBUTING'] } },
  { title: 'Demonstrate contributor activity and recruitment.' },
];

const ECOSYSTEM_REQUIRED: TemplateCriterion[] = [
  { title: 'Publicly documented list of adopters, which may indicate their adoption level (dev/trialing, prod, etc.)', evidence: { files: ['ADOPTERS'] } },
  {
    title: 'Used in appropriate capacity by at least 3 independent + indirect/direct adopters, (these are not required to be in the publicly documented list of adopters)',
    after: 'The project provided the TOC with a list of adopters for verification of use of the project at the level expected, i.e. production use for graduation, dev/test for incubation.',
    evidence: { inDocument: 'the project gives the TOC its list of adopters privately; the template says so' },
  },
  {
    title: 'TOC verification of adopters.',
    after: 'Refer to the Adoption portion of this document.',
    evidence: { inDocument: "the DD's own Adoption section holds the interviews" },
  },
  { title: 'Clearly documented integrations and/or compatibility with other CNCF projects as well as non-CNCF projects.' },
];

const SECURITY_REPORTING: TemplateCriterion[] = [
  { title: 'Clearly defined and discoverable process to report security issues.', evidence: { files: ['SECURITY'] } },
  { title: 'Enforcing Access Control Rules to secure the code base against attacks (Example: two factor authentication enforcement, and/or use of ACL tools.)' },
  { title: 'Document assignment of security response roles and how reports are handled.', evidence: { files: ['SECURITY'] } },
];
const OPENSSF_PASSING: TemplateCriterion = { title: 'Achieve the Open Source Security Foundation (OpenSSF) Best Practices passing badge.' };

const TAG_PRESENTATION: TemplateCriterion = {
  title: 'Engage with domain-specific TAG(s) to present the technical architecture of the project.',
  prompts: ['This occurred on DD-MMM-YYYY and can be discovered at $LINK.'],
  marker: 'project',
};
const GENERAL_TECHNICAL_REVIEW: TemplateCriterion = {
  title: `Complete a [General Technical Review (GTR)](${TOC}/toc_subprojects/project-reviews-subproject/general-technical-questions.md).`,
  prompts: ['This was most recently revised on DD-MMM-YYYY. The snapshot is available in this repo at `projects/$PROJECT/tech-review/YYYY-MM-DD.md` ($LINK).'],
  marker: 'project',
};
const GOVERNANCE_REVIEW: TemplateCriterion = {
  title: `Complete a [Governance Review](${TOC}/toc_subprojects/project-reviews-subproject/governance-review-template.md).`,
  prompts: ['This was most recently revised on DD-MMM-YYYY and can be discovered at $LINK.'],
  marker: 'project',
};
const VENDOR_NEUTRAL_METADATA: TemplateCriterion = { title: `All project metadata and resources are [vendor-neutral](${VENDOR_NEUTRAL}).` };
const SANDBOX_EXPECTATIONS = 'Review and acknowledgement of expectations for [Sandbox](https://sandbox.cncf.io) projects and requirements for moving forward through the CNCF Maturity levels.';
const APPLICATION_MEETING = "Met during Project's application on DD-MMM-YYYY.";
const APPLICATION_EVENT = 'the TOC itself holds the application and its kick-off meeting; a date is what the template asks for';
const DUE_DILIGENCE_REVIEW: TemplateCriterion = {
  title: 'Due Diligence Review.',
  marker: 'none',
  after: 'Completion of this due diligence document, resolution of concerns raised, and presented for public comment satisfies the Due Diligence Review criteria.',
  evidence: { inDocument: 'this document is the evidence' },
};

const GOVERNANCE_REVIEW_SUGGESTED: TemplateCriterion = { title: 'Complete a Governance Review with the Project Reviews subproject' };
const GOVERNANCE_ITERATED: TemplateCriterion = {
  title: "Governance has continuously been iterated upon by the project as a result of their experience applying it, with the governance history demonstrating evolution of maturity alongside the project's maturity evolution.",
};
const GOVERNANCE_DOCUMENTED: TemplateCriterion = { title: 'Clear and discoverable project governance documentation.', evidence: { files: ['GOVERNANCE'] } };
const GOVERNANCE_CURRENT: TemplateCriterion = { title: 'Governance is up to date with actual project activities, including any meetings, elections, leadership, or approval processes.' };
const GOVERNANCE_VENDOR_NEUTRAL: TemplateCriterion = { title: `Governance clearly documents [vendor-neutral](${VENDOR_NEUTRAL}) of project direction.`, evidence: { files: ['GOVERNANCE'] } };
const DECISIONS: TemplateCriterion = {
  title: 'Document how the project makes decisions on leadership, contribution acceptance, requests to the CNCF, and changes to governance or project goals.',
  evidence: { files: ['GOVERNANCE'] },
};
const ROLES: TemplateCriterion = { title: 'Document how role, function-based members, or sub-teams are assigned, onboarded, and removed for specific teams (example: Security Response Committee).' };
const MAINTAINER_LIFECYCLE: TemplateCriterion = { title: 'Document a complete maintainer lifecycle process (including roles, onboarding, offboarding, and emeritus status).' };
const LIFECYCLE_USED: TemplateCriterion = { title: 'Demonstrate usage of the maintainer lifecycle with outcomes, either through the addition or replacement of maintainers as project events have required.' };
const SUBPROJECT_PROCESS: TemplateCriterion = { title: 'If the project has subprojects: subproject leadership, contribution, maturity status documented, including add/remove process.' };
const MAINTAINER_LIST: TemplateCriterion = {
  title: 'Document complete list of current maintainers, including names, contact information, domain of responsibility, and affiliation.',
  evidence: { files: ['MAINTAINERS'] },
};
const ACTIVE_MAINTAINERS: TemplateCriterion = { title: 'A number of active maintainers which is appropriate to the size and scope of the project.' };
const TWO_ORGANIZATIONS: TemplateCriterion = { title: 'Project maintainers from at least 2 organizations that demonstrates survivability.', evidence: { files: ['MAINTAINERS'] } };
const OWNERSHIP: TemplateCriterion = { title: 'Code and Doc ownership in Github and elsewhere matches documented governance roles.', evidence: { files: ['OWNERS'] } };
const CODE_OF_CONDUCT: TemplateCriterion = {
  title: "Document adoption and adherence to the CNCF Code of Conduct or the project's CoC which is based off the CNCF CoC and not in conflict with it.",
  evidence: { files: ['CODE_OF_CONDUCT'] },
};
const CODE_OF_CONDUCT_LINKED: TemplateCriterion = { title: 'CNCF Code of Conduct is cross-linked from other governance documents.', evidence: { files: ['CODE_OF_CONDUCT'] } };
const SUBPROJECTS_LISTED: TemplateCriterion = { title: 'All subprojects, if any, are listed.' };

const CONTRIBUTOR_LADDER: TemplateCriterion = { title: 'Contributor ladder with multiple roles for contributors.' };

const GTR_PROMPT = '_If applicable_ a general Technical Review was completed/updated on DD-MMM-YYYY, and can be discovered at $LINK.';
const GTR_NOTE = '_This requirement may also be satisfied by completing a General Technical Review._';
const GOALS = "Document project goals and objectives that illustrate the project’s differentiation in the Cloud Native landscape as well as outlines how this project fulfills an outstanding need and/or solves a problem differently.";
const WHAT_AND_WHY = 'Document what the project does, and why it does it - including viable cloud native use cases.';
const ARCHITECTURE = "Document overview of project architecture and software design that demonstrates viable cloud native use cases, as part of the project's documentation.";
const ROADMAP: TemplateCriterion = { title: 'Document and maintain a public roadmap or other forward looking planning document or tracking mechanism.', evidence: { files: ['ROADMAP'] } };
const ROADMAP_PROCESS: TemplateCriterion = { title: 'Roadmap change process is documented.', evidence: { files: ['ROADMAP'] } };
const RELEASE_HISTORY: TemplateCriterion = { title: 'History of regular, quality releases.', evidence: { files: ['RELEASES'] } };

const OPENSSF_SILVER: TemplateCriterion = { title: 'Achieving OpenSSF Best Practices silver or gold badge.' };
const JOINT_ASSESSMENT: TemplateCriterion = { title: 'Complete a joint security assessment with TAG Security and Compliance' };
const SELF_ASSESSMENT = 'Document Security Self-Assessment.';

const INCUBATION: TemplateArea[] = [
  {
    title: 'Application Process Principles',
    suggested: [TAG_PRESENTATION],
    required: [
      GENERAL_TECHNICAL_REVIEW,
      GOVERNANCE_REVIEW,
      VENDOR_NEUTRAL_METADATA,
      { title: SANDBOX_EXPECTATIONS, prompts: [APPLICATION_MEETING], evidence: { inDocument: APPLICATION_EVENT } },
      DUE_DILIGENCE_REVIEW,
      ADDITIONAL_DOCUMENTATION,
    ],
  },
  {
    title: 'Governance and Maintainers',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject if completed as a suggested item prior to application.',
    suggested: [
      GOVERNANCE_REVIEW_SUGGESTED,
      GOVERNANCE_ITERATED,
      GOVERNANCE_DOCUMENTED,
      GOVERNANCE_CURRENT,
      GOVERNANCE_VENDOR_NEUTRAL,
      DECISIONS,
      ROLES,
      MAINTAINER_LIFECYCLE,
      LIFECYCLE_USED,
      SUBPROJECT_PROCESS,
    ],
    required: [MAINTAINER_LIST, ACTIVE_MAINTAINERS, OWNERSHIP, CODE_OF_CONDUCT, CODE_OF_CONDUCT_LINKED, SUBPROJECTS_LISTED],
  },
  {
    title: 'Contributors and Community',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject.',
    suggested: [CONTRIBUTOR_LADDER],
    required: CONTRIBUTORS_REQUIRED,
  },
  {
    title: 'Engineering Principles',
    suggested: [ROADMAP_PROCESS, RELEASE_HISTORY],
    required: [
      { title: `${GOALS} ${GTR_NOTE}`, prompts: [GTR_PROMPT] },
      { title: WHAT_AND_WHY },
      ROADMAP,
      { title: `${ARCHITECTURE} ${GTR_NOTE}`, prompts: [GTR_PROMPT] },
      { title: "Document the project's release process.", evidence: { files: ['RELEASES'] } },
    ],
  },
  {
    title: 'Security',
    note: 'Note: this section may be augmented by a joint-assessment performed by TAG Security and Compliance if completed as a suggested item prior to application.',
    suggested: [JOINT_ASSESSMENT],
    required: [...SECURITY_REPORTING, { title: SELF_ASSESSMENT }, OPENSSF_PASSING],
  },
  { title: 'Ecosystem', suggested: [], required: ECOSYSTEM_REQUIRED },
];

const GRADUATION: TemplateArea[] = [
  {
    title: 'Application Process Principles',
    suggested: [TAG_PRESENTATION],
    required: [
      GENERAL_TECHNICAL_REVIEW,
      GOVERNANCE_REVIEW,
      VENDOR_NEUTRAL_METADATA,
      { title: SANDBOX_EXPECTATIONS, subCriteria: [APPLICATION_MEETING], evidence: { inDocument: APPLICATION_EVENT } },
      DUE_DILIGENCE_REVIEW,
      ADDITIONAL_DOCUMENTATION,
    ],
  },
  {
    title: 'Governance and Maintainers',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject if completed as a suggested item prior to application.',
    suggested: [GOVERNANCE_REVIEW_SUGGESTED, GOVERNANCE_ITERATED],
    required: [
      GOVERNANCE_DOCUMENTED,
      GOVERNANCE_CURRENT,
      GOVERNANCE_VENDOR_NEUTRAL,
      DECISIONS,
      ROLES,
      MAINTAINER_LIFECYCLE,
      LIFECYCLE_USED,
      MAINTAINER_LIST,
      ACTIVE_MAINTAINERS,
      TWO_ORGANIZATIONS,
      OWNERSHIP,
      CODE_OF_CONDUCT,
      CODE_OF_CONDUCT_LINKED,
      SUBPROJECTS_LISTED,
      SUBPROJECT_PROCESS,
    ],
  },
  {
    title: 'Contributors and Community',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject.',
    suggested: [CONTRIBUTOR_LADDER],
    required: CONTRIBUTORS_REQUIRED,
  },
  {
    title: 'Engineering Principles',
    suggested: [],
    required: [
      { title: `${GOALS} ${GTR_NOTE}`, prompts: ['_If applicable_ A General Technical Review was completed/updated on DD-MMM-YYYY, and can be discovered at $LINK.'] },
      { title: `${WHAT_AND_WHY} ${GTR_NOTE}`, prompts: ['_If applicable_ a General Technical Review was completed/updated on DD-MMM-YYYY, and can be discovered at $LINK.'], marker: 'none' },
      ROADMAP,
      ROADMAP_PROCESS,
      {
        title: `${ARCHITECTURE}  *This requirement may also be satisfied by completing a General Technical Review and capturing the output in the project's documentation.*`,
        prompts: [GTR_PROMPT],
      },
      {
        title: "Document the project's release process and guidelines publicly in a RELEASES.md or equivalent file that defines:",
        subCriteria: [
          'Release expectations (scheduled or based on feature implementation)',
          'Tagging as stable, unstable, and security related releases',
          'Information on branch and tag strategies',
          'Branch and platform support and length of support',
          'Artifacts included in the release.',
        ],
        notes: [
          'Additional information on topics such as LTS and edge releases are optional. Release expectations are a social contract between the project and its end users and hence changes to these should be well thought out, discussed, socialized and as necessary agreed upon by project leadership before getting rolled out.',
        ],
        evidence: { files: ['RELEASES'] },
      },
      RELEASE_HISTORY,
    ],
  },
  {
    title: 'Security',
    note: 'Note: this section may be augmented by a joint-assessment performed by TAG Security and Compliance if completed as a suggested item prior to application.',
    suggested: [OPENSSF_SILVER, JOINT_ASSESSMENT],
    required: [
      ...SECURITY_REPORTING,
      {
        title: SELF_ASSESSMENT,
        detail: 'The completed self-assessment must be available in `cncf/toc` under `projects/<project>/security-assessment/self-assessment.md`.',
      },
      {
        title: 'Third Party Security Review.',
        subCriteria: [
          'Moderate and low findings from the Third Party Security Review are planned/tracked for resolution as well as overall thematic findings, such as: improving project contribution guide providing a PR review guide to look for memory leaks and other vulnerabilities the project may be susceptible to by design or language choice ensuring adequate test coverage on all PRs.',
        ],
      },
      OPENSSF_PASSING,
    ],
  },
  { title: 'Ecosystem', suggested: [], required: ECOSYSTEM_REQUIRED },
];

/**
 * The criteria a DD at a level is checked against. cncf/toc has no Sandbox DD template (Sandbox
 * applications are an issue form); its templates are "universal" and keep the lower levels'
 * criteria, so a Sandbox skeleton uses the Incubation criteria.
 */
export function templateCriteria(level: DdLevel): readonly TemplateArea[] {
  return level === 'graduation' ? GRADUATION : INCUBATION;
}
