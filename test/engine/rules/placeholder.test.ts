import { testRule, md } from '../../helpers/ruleTester';
import { placeholder } from '../../../server/src/engine/rules/placeholder';

testRule(placeholder, {
  valid: [
    { name: 'a path convention in prose that explains naming', text: md('The snapshot is at projects/$PROJECT/tech-review/YYYY-MM-DD.md in this repo.') },
    { name: 'in inline code', text: md('Name it `projects/$PROJECT/tech-review/YYYY-MM-DD.md`.') },
    { name: 'in a URL', text: md('[x](https://example.com/$PROJECT)') },
    { name: 'NOTABLE1 inside a sentence is prose', text: md('- The NOTABLE1 item was discussed at length in the meeting.') },
    { name: 'prices and lower-case dollars', text: md('It costs $5 and $x.') },
    { name: 'a TBD heading is a status group', kind: 'meeting', text: md('## Issues', '### TBD', '- <https://github.com/o/r/issues/1>') },
    { name: 'a settings pattern that matches nothing', settings: { placeholders: ['XXX+'] }, text: md('Nothing here.') },
    // cncf/toc operations/dd-toc-guide.md:250 and operations/project-health-review.md:18 (4acc1dc):
    // a guide quoting the template's summary as an example.
    {
      name: 'a guide quoting the template in a block quote',
      kind: 'governance',
      text: md('An example structure is provided below:', '', '> $TOCMEMBER conducted the Due Diligence of $PROJECT who applied for $LEVEL. The project [has/has not] completed the criteria.', '>', '> The adopter interviews reflect a project [in use/too early] for the level.'),
    },
    // cncf/toc .archive/resources/toc-supporting-guides/tech-papers.md:150 (4acc1dc).
    {
      name: 'what a guide shows after announcing an example',
      kind: 'governance',
      text: md('All approvals are reflected in the metadata heading, the following example may be used:', '', '**TAG Sponsor Approver** [X] $GITHUBHANDLE', '', '* **Contributors**: $NAME or $GITHUBHANDLE'),
    },
    // open-telemetry/community projects/browser-phase-1.md:142 and tools/github/README.md:7 (9f58973).
    { name: 'TBD outside a DD is the author\'s word', kind: 'governance', text: md('| Repository | Owner |', '| --- | --- |', '| opentelemetry-browser | TBD |', '', '- Staffing: TBD') },
    // cncf/toc projects/knative/security-assessment/self-assessment.md:70.
    { name: 'a variable in a how-to is not a CNCF template blank', kind: 'governance', text: md('- For each image, run: cosign download sbom $IMAGE') },
  ],
  invalid: [
    {
      // cncf/toc toc_subprojects/project-reviews-subproject/governance-review-template-guide.md:3 writes `$PROJECT`
      // in a guide's own text; the templates also write `$TOCMember` and `$Project`.
      name: 'the CNCF templates\' own blanks outside a DD, in any case',
      kind: 'governance',
      text: md('# $PROJECT Governance Review', '', 'Reviewed by $TOCMember for $Project.'),
      findings: [
        '1:3 warning Template placeholder left in the text: $PROJECT',
        '3:13 warning Template placeholder left in the text: $TOCMember',
        '3:28 warning Template placeholder left in the text: $Project',
      ],
    },
    {
      name: 'template blanks; NOTABLE1 alone on an item is removed by the fix',
      text: md('- The following are noteworthy.', '  - NOTABLE1', '  - NOTABLE2', '', '_The adopter interviews reflect a project [in use/too early] for $LEVEL. $INTERVIEWSUMMARY._'),
      findings: [
        '2:5 warning Template placeholder left in the text: NOTABLE1',
        '3:5 warning Template placeholder left in the text: NOTABLE2',
        '5:43 warning Template placeholder left in the text: [in use/too early]',
        '5:66 warning Template placeholder left in the text: $LEVEL',
        '5:74 warning Template placeholder left in the text: $INTERVIEWSUMMARY',
      ],
      output: md('- The following are noteworthy.', '', '_The adopter interviews reflect a project [in use/too early] for $LEVEL. $INTERVIEWSUMMARY._'),
    },
    {
      // npm run fuzz, seed 3021: a tab before the next line nests it in NOTABLE1's item, and removing
      // that item removed the nested line with it, a line the finding is not on.
      name: 'NOTABLE1 holding a nested item: its fix removes its own line, not what is nested in it',
      text: md('- The following are noteworthy.', '  - NOTABLE1', '\t  - Nydus is adopted.', '  - NOTABLE3'),
      findings: [
        '2:5 warning Template placeholder left in the text: NOTABLE1',
        '4:5 warning Template placeholder left in the text: NOTABLE3',
      ],
      output: md('- The following are noteworthy.', '\t  - Nydus is adopted.'),
    },
    {
      name: 'dates, names, TBD, empty link targets',
      text: md('##### Adopter 2 - Name / Industry', '', 'Revised on DD-MMM-YYYY. MONTH YEAR', '', 'Owner: TBD, then <TBD>.', '', '- Link to [Incubation application issue]()', '', '##### Adopter 1 - $COMPANY/$INDUSTRY', '', 'The project [has/has not] completed.'),
      findings: [
        '1:19 warning Template placeholder left in the text: Name / Industry',
        '3:12 warning Template placeholder left in the text: DD-MMM-YYYY',
        '3:25 warning Template placeholder left in the text: MONTH YEAR',
        '5:8 warning Template placeholder left in the text: TBD',
        '5:18 warning Template placeholder left in the text: <TBD>',
        '7:11 warning Template placeholder left in the text: [Incubation application issue]()',
        '9:19 warning Template placeholder left in the text: $COMPANY/$INDUSTRY',
        '11:13 warning Template placeholder left in the text: [has/has not]',
      ],
    },
    {
      name: 'a token right after the italic underscore of the template',
      text: md('_$TOCMEMBER conducted the due diligence._'),
      findings: ['1:2 warning Template placeholder left in the text: $TOCMEMBER'],
    },
    {
      name: 'patterns added in settings',
      settings: { placeholders: ['\\{email address here\\}'] },
      text: md('Contact the team at {email address here}.'),
      findings: ['1:21 warning Template placeholder left in the text: {email address here}'],
    },
  ],
});
