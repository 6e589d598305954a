import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../../server/src/engine/parse/document';
import { extractDefinitions, type Definition } from '../../../server/src/engine/duplicates/definitions';
import { md } from './helpers';

/**
 * Each case: a snippet and its definitions as `line kind "label" topic #anchor words=N [pointer]
 * [structural]` (headings always, labels only when they name a topic).
 */
const cases: { name: string; text: string; definitions: string[] }[] = [
  {
    name: 'a role heading gives its role to the labels under it',
    text: md(
      '### Maintainer',
      '',
      'A **Maintainer** is a trusted member who merges code and guides the project.',
      '',
      '* **Responsibilities**:',
      '    * Merge pull requests to the main branch.',
      '',
      '* **How to Become a Maintainer**:',
      '    1. Get nominated by an existing Maintainer.',
      '    2. Be approved by a supermajority vote.',
    ),
    definitions: [
      '1 heading "Maintainer" - #maintainer words=40',
      '3 label "Maintainer" define [maintainer] #maintainer words=13',
      '5 label "Responsibilities" responsibilities [maintainer] #maintainer words=7',
      '8 label "How to Become a Maintainer" join [maintainer] #maintainer words=14',
    ],
  },
  {
    name: 'labels opening paragraphs: `**Label**:` runs to the next label, `**Label.**` too',
    text: md('## Maintainers', '', '**How to Become**:', '', 'Open an issue and get two approvals.', '', '**Stepping Down.** Tell the others in an issue.'),
    definitions: [
      '1 heading "Maintainers" - #maintainers words=18',
      '3 label "How to Become" join [maintainer] #maintainers words=7',
      '7 label "Stepping Down" step-down [maintainer] #maintainers words=6',
    ],
  },
  {
    name: 'GitHub anchors, `-1` for the second heading of one text; repeated headings are structural',
    text: md('## Security', '', '### Reporting a Vulnerability', '', 'Email us.', '', '## Other', '', '### Reporting a Vulnerability', '', 'Open an advisory.'),
    definitions: [
      '1 heading "Security" - #security words=2',
      '3 heading "Reporting a Vulnerability" report-vulnerability [] #reporting-a-vulnerability words=2 structural',
      '7 heading "Other" - #other words=3',
      '9 heading "Reporting a Vulnerability" report-vulnerability [] #reporting-a-vulnerability-1 words=3 structural',
    ],
  },
  {
    name: 'bold that is not a label: emphasis, a step, a long criterion, a TODO',
    text: md(
      '## Steps',
      '',
      '- **Set the remote upstream** to the project repository.',
      '- [ ] **Document how the project removes maintainers and adds new ones when needed.**',
      '- We **vote** on changes.',
      '',
      '**TODO for team**: add maintainers.',
    ),
    definitions: ['1 heading "Steps" - #steps words=29'],
  },
  {
    name: 'a form heading with only a comment is empty; Suggested / Required are structural',
    text: md('### Voting Period', '', '<!-- e.g.: 2025-07-16 to 2025-07-28 -->', '', '### Suggested', '', '- [ ] **A criterion.**'),
    definitions: ['1 heading "Voting Period" vote [] #voting-period words=0', '5 heading "Suggested" - #suggested words=2 structural'],
  },
  {
    name: 'a pointer section',
    text: md('## Security Reporting', '', 'Please check our [security guide](SECURITY.md) for how to report a vulnerability responsibly.'),
    definitions: ['1 heading "Security Reporting" report-vulnerability [] #security-reporting words=12 pointer'],
  },
];

function describe(parsed: ReturnType<DocumentParser['parse']>, definition: Definition): string {
  const topic = definition.topic ? `${definition.topic.process} [${definition.topic.roles.join(', ')}]` : '-';
  const flags = [definition.isPointer ? 'pointer' : '', definition.structural ? 'structural' : ''].filter(Boolean);
  const line = parsed.lines.positionAt(definition.labelSpan.start).line + 1;
  return [line, definition.kind, JSON.stringify(definition.label), topic, `#${definition.anchor}`, `words=${definition.wordCount}`, ...flags].join(' ');
}

for (const { name, text, definitions } of cases) {
  test(`definitions: ${name}`, () => {
    const parsed = new DocumentParser().parse(text);
    assert.deepEqual(
      extractDefinitions(parsed).map((definition) => describe(parsed, definition)),
      definitions,
    );
  });
}

/** What the replacement fix would replace: the body, keeping the heading or the label. */
const bodies: { name: string; text: string; label: string; body: string }[] = [
  {
    name: 'a heading: up to the next heading of the same level, subsections included',
    text: md('## Adding Maintainers', '', 'Nominate in an issue.', '', '### Voting', '', 'Two thirds.', '', '## Other', '', 'Text.'),
    label: 'Adding Maintainers',
    body: '\n\nNominate in an issue.\n\n### Voting\n\nTwo thirds.',
  },
  {
    name: 'a list item label: the rest of the item with its nested list, after the colon',
    text: md('### Member', '', '* **How to Become a Member**:', '    1. Submit a PR.', '    2. Get two LGTMs.', '', 'Other text.'),
    label: 'How to Become a Member',
    body: '\n    1. Submit a PR.\n    2. Get two LGTMs.',
  },
  {
    name: 'a label paragraph: up to the next label paragraph',
    text: md('## Maintainers', '', '**How to Become**: open an issue.', '', '- Get approvals.', '', '**Responsibilities**: review.'),
    label: 'How to Become',
    body: ' open an issue.\n\n- Get approvals.',
  },
  {
    name: '`A **Role** is …`: the sentence itself',
    text: md('### Approver', '', 'An **Approver** is a Member who owns an area.', '', 'More text.'),
    label: 'Approver',
    body: 'An **Approver** is a Member who owns an area.',
  },
];

for (const { name, text, label, body } of bodies) {
  test(`body: ${name}`, () => {
    const definition = extractDefinitions(new DocumentParser().parse(text)).find((d) => d.label === label && (d.kind === 'label' || d.topic));
    assert.ok(definition, `no definition "${label}"`);
    assert.equal(text.slice(definition.bodySpan.start, definition.bodySpan.end), body);
  });
}
