/**
 * The criteria of the CNCF TOC's Due Diligence templates, per area and kind, as cncf/toc writes
 * them in `operations/toc-templates/template-dd-pr-incubation.md` and `…-graduation.md`
 * (the TOC's texts, CC-BY-4.0). Criterion titles are reproduced word for word: reviewers
 * compare them with the template. Three deliberate differences from the template files:
 * relative links into cncf/toc are made absolute (a DD lives outside that folder, where they
 * would be broken links), `[Sandbox](sandbox.cncf.io)` gets its scheme (as written it is a
 * relative path), and evidence prompts the template leaves at column 0 are indented under their
 * criterion, where the rendered list puts them anyway.
 */

export type DdLevel = 'sandbox' | 'incubation' | 'graduation';

export interface TemplateCriterion {
  /** The bold text, Markdown as the template writes it. */
  title: string;
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
}

export interface TemplateArea {
  title: string;
  note?: string;
  suggested: TemplateCriterion[];
  required: TemplateCriterion[];
}

const TOC = 'https://github.com/cncf/toc/blob/main';
const VENDOR_NEUTRAL = 'https://contribute.cncf.io/maintainers/community/vendor-neutrality/';
const GTR_PROMPT = '_If applicable_ a general Technical Review was completed/updated on DD-MMM-YYYY, and can be discovered at $LINK.';

const ADDITIONAL_DOCUMENTATION: TemplateCriterion = {
  title: 'Additional documentation as appropriate for project type, e.g.: installation documentation, end user documentation, reference implementation and/or code samples.',
};

const CONTRIBUTORS_REQUIRED: TemplateCriterion[] = [
  { title: 'Clearly defined and discoverable process to submit issues or changes.' },
  { title: 'Project must have, and document, at least one public communications channel for users and/or contributors.' },
  { title: 'List and document all project communication channels, including subprojects (mail list/slack/etc.).  List any non-public communications channels and what their special purpose is.' },
  { title: 'Up-to-date public meeting schedulers and/or integration with CNCF calendar.' },
  { title: 'Documentation of how to contribute, with increasing detail as the project matures.' },
  { title: 'Demonstrate contributor activity and recruitment.' },
];

const ECOSYSTEM_REQUIRED: TemplateCriterion[] = [
  { title: 'Publicly documented list of adopters, which may indicate their adoption level (dev/trialing, prod, etc.)' },
  {
    title: 'Used in appropriate capacity by at least 3 independent + indirect/direct adopters, (these are not required to be in the publicly documented list of adopters)',
    after: 'The project provided the TOC with a list of adopters for verification of use of the project at the level expected, i.e. production use for graduation, dev/test for incubation.',
  },
  { title: 'TOC verification of adopters.', after: 'Refer to the Adoption portion of this document.' },
  { title: 'Clearly documented integrations and/or compatibility with other CNCF projects as well as non-CNCF projects.' },
];

const SECURITY_REQUIRED_START: TemplateCriterion[] = [
  { title: 'Clearly defined and discoverable process to report security issues.' },
  { title: 'Enforcing Access Control Rules to secure the code base against attacks (Example: two factor authentication enforcement, and/or use of ACL tools.)' },
  { title: 'Document assignment of security response roles and how reports are handled.' },
  { title: 'Document Security Self-Assessment.' },
];
const OPENSSF_PASSING: TemplateCriterion = { title: 'Achieve the Open Source Security Foundation (OpenSSF) Best Practices passing badge.' };

const INCUBATION: TemplateArea[] = [
  {
    title: 'Application Process Principles',
    suggested: [
      {
        title: 'Engage with domain-specific TAG(s) to present the technical architecture of the project.',
        prompts: ['This occurred on DD-MMM-YYYY and can be discovered at $LINK.'],
        marker: 'project',
      },
    ],
    required: [
      {
        title: `Complete a [General Technical Review (GTR)](${TOC}/toc_subprojects/project-reviews-subproject/general-technical-questions.md).`,
        prompts: ['This was most recently revised on DD-MMM-YYYY. The snapshot is available in this repo at `projects/$PROJECT/tech-review/YYYY-MM-DD.md` ($LINK).'],
        marker: 'project',
      },
      {
        title: `Complete a [Governance Review](${TOC}/toc_subprojects/project-reviews-subproject/governance-review-template.md).`,
        prompts: ['This was most recently revised on DD-MMM-YYYY and can be discovered at $LINK.'],
        marker: 'project',
      },
      { title: `All project metadata and resources are [vendor-neutral](${VENDOR_NEUTRAL}).` },
      {
        title: 'Review and acknowledgement of expectations for [Sandbox](https://sandbox.cncf.io) projects and requirements for moving forward through the CNCF Maturity levels.',
        prompts: ["Met during Project's application on DD-MMM-YYYY."],
      },
      {
        title: 'Due Diligence Review.',
        marker: 'none',
        after: 'Completion of this due diligence document, resolution of concerns raised, and presented for public comment satisfies the Due Diligence Review criteria.',
      },
      ADDITIONAL_DOCUMENTATION,
    ],
  },
  {
    title: 'Governance and Maintainers',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject if completed as a suggested item prior to application.',
    suggested: [
      { title: 'Complete a Governance Review with the Project Reviews subproject' },
      { title: "Governance has continuously been iterated upon by the project as a result of their experience applying it, with the governance history demonstrating evolution of maturity alongside the project's maturity evolution." },
      { title: 'Clear and discoverable project governance documentation.' },
      { title: 'Governance is up to date with actual project activities, including any meetings, elections, leadership, or approval processes.' },
      { title: `Governance clearly documents [vendor-neutral](${VENDOR_NEUTRAL}) of project direction.` },
      { title: 'Document how the project makes decisions on leadership, contribution acceptance, requests to the CNCF, and changes to governance or project goals.' },
      { title: 'Document how role, function-based members, or sub-teams are assigned, onboarded, and removed for specific teams (example: Security Response Committee).' },
      { title: 'Document a complete maintainer lifecycle process (including roles, onboarding, offboarding, and emeritus status).' },
      { title: 'Demonstrate usage of the maintainer lifecycle with outcomes, either through the addition or replacement of maintainers as project events have required.' },
      { title: 'If the project has subprojects: subproject leadership, contribution, maturity status documented, including add/remove process.' },
    ],
    required: [
      { title: 'Document complete list of current maintainers, including names, contact information, domain of responsibility, and affiliation.' },
      { title: 'A number of active maintainers which is appropriate to the size and scope of the project.' },
      { title: 'Code and Doc ownership in Github and elsewhere matches documented governance roles.' },
      { title: "Document adoption and adherence to the CNCF Code of Conduct or the project's CoC which is based off the CNCF CoC and not in conflict with it." },
      { title: 'CNCF Code of Conduct is cross-linked from other governance documents.' },
      { title: 'All subprojects, if any, are listed.' },
    ],
  },
  {
    title: 'Contributors and Community',
    note: 'Note: this section may be augmented by the completion of a Governance Review from the Project Reviews subproject.',
    suggested: [{ title: 'Contributor ladder with multiple roles for contributors.' }],
    required: CONTRIBUTORS_REQUIRED,
  },
  {
    title: 'Engineering Principles',
    suggested: [{ title: 'Roadmap change process is documented.' }, { title: 'History of regular, quality releases.' }],
    required: [
      {
        title: "Document project goals and objectives that illustrate the project’s differentiation in the Cloud Native landscape as well as outlines how this project fulfills an outstanding need and/or solves a problem differently. _This requirement may also be satisfied by completing a General Technical Review._",
        prompts: [GTR_PROMPT],
      },
      { title: 'Document what the project does, and why it does it - including viable cloud native use cases.' },
      { title: 'Document and maintain a public roadmap or other forward looking planning document or tracking mechanism.' },
      {
        title: "Document overview of project architecture and software design that demonstrates viable cloud native use cases, as part of the project's documentation. _This requirement may also be satisfied by completing a General Technical Review._",
        prompts: [GTR_PROMPT],
      },
      { title: "Document the project's release process." },
    ],
  },
  {
    title: 'Security',
    note: 'Note: this section may be augmented by a joint-assessment performed by TAG Security and Compliance if completed as a suggested item prior to application.',
    suggested: [{ title: 'Complete a joint security assessment with TAG Security and Compliance' }],
    required: [...SECURITY_REQUIRED_START, OPENSSF_PASSING],
  },
  { title: 'Ecosystem', suggested: [], required: ECOSYSTEM_REQUIRED },
];

const GRADUATION: TemplateArea[] = [
  {
    title: 'Application Process Principles',
    suggested: [],
    required: [
      { title: 'Give a presentation and engage with the domain specific TAG(s) to increase awareness' },
      { title: 'TAG provides insight/recommendation of the project in the context of the landscape' },
      { title: `All project metadata and resources are [vendor-neutral](${VENDOR_NEUTRAL}).` },
      {
        title: 'Review and acknowledgement of expectations for [graduated](https://sandbox.cncf.io) projects and requirements for moving forward through the CNCF Maturity levels.',
        subCriteria: ["Met during Project's application on DD-MMM-YYYY."],
        after: 'Completion of this due diligence document, resolution of concerns raised, and presented for public comment satisfies the Due Diligence Review criteria.',
      },
      ADDITIONAL_DOCUMENTATION,
    ],
  },
  {
    title: 'Governance and Maintainers',
    note: 'Note: this section may be augmented by the completion of a Governance Review from TAG Contributor Strategy.',
    suggested: [
      { title: "Governance has continuously been iterated upon by the project as a result of their experience applying it, with the governance history demonstrating evolution of maturity alongside the project's maturity evolution." },
    ],
    required: [
      { title: 'Clear and discoverable project governance documentation.' },
      { title: 'Governance is up to date with actual project activities, including any meetings, elections, leadership, or approval processes.' },
      { title: `Governance clearly documents [vendor-neutral](${VENDOR_NEUTRAL}) of project direction.` },
      { title: 'Document how the project makes decisions on leadership, contribution acceptance, requests to the CNCF, and changes to governance or project goals.' },
      { title: 'Document how role, function-based members, or sub-teams are assigned, onboarded, and removed for specific teams (example: Security Response Committee).' },
      { title: 'Document complete list of current maintainers, including names, contact information, domain of responsibility, and affiliation.' },
      { title: 'A number of active maintainers which is appropriate to the size and scope of the project.' },
      { title: 'Document a complete maintainer lifecycle process (including roles, onboarding, offboarding, and emeritus status).' },
      { title: 'Demonstrate usage of the maintainer lifecycle with outcomes, either through the addition or replacement of maintainers as project events have required.' },
      { title: 'Project maintainers from at least 2 organizations that demonstrates survivability.' },
      { title: 'Code and Doc ownership in Github and elsewhere matches documented governance roles.' },
      { title: 'Document agreement that project will adopt CNCF Code of Conduct.' },
      { title: 'CNCF Code of Conduct is cross-linked from other governance documents.' },
      { title: 'All subprojects, if any, are listed.' },
      { title: 'If the project has subprojects: subproject leadership, contribution, maturity status documented, including add/remove process.' },
    ],
  },
  {
    title: 'Contributors and Community',
    note: 'Note: this section may be augmented by the completion of a Governance Review from TAG Contributor Strategy.',
    suggested: [{ title: 'Contributor ladder with multiple roles for contributors.' }],
    required: CONTRIBUTORS_REQUIRED,
  },
  {
    title: 'Engineering Principles',
    suggested: [],
    required: [
      { title: "Document project goals and objectives that illustrate the project’s differentiation in the Cloud Native landscape as well as outlines how this project fulfills an outstanding need and/or solves a problem differently." },
      { title: 'Document what the project does, and why it does it - including viable cloud native use cases.' },
      { title: 'Document and maintain a public roadmap or other forward looking planning document or tracking mechanism.' },
      { title: 'Roadmap change process is documented.' },
      { title: "Document overview of project architecture and software design that demonstrates viable cloud native use cases, as part of the project's documentation." },
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
      },
      { title: 'History of regular, quality releases.' },
    ],
  },
  {
    title: 'Security',
    note: 'Note: this section may be augmented by a joint-assessment performed by TAG Security.',
    suggested: [{ title: 'Achieving OpenSSF Best Practices silver or gold badge.' }],
    required: [
      ...SECURITY_REQUIRED_START,
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
