import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicates } from '../../../server/src/engine/duplicates/findDuplicates';
import { md, workspaceOf, describeGroup } from './helpers';

const SECURITY = md(
  '## Reporting a Vulnerability',
  '',
  '1. Go to the **Security** tab of the repository.',
  '2. Click **Report a vulnerability** and describe the issue.',
  '',
  'We answer within 24 hours.',
);

/**
 * The body of `## Reporting Security Issues` in CONTRIBUTING.md, beside SECURITY.md above: a
 * pointer ("see X", one line with a link) is not a definition and forms no group; anything that
 * says how to report is one.
 */
const cases: { body: string; pointer: boolean }[] = [
  { body: 'See [SECURITY.md](SECURITY.md).', pointer: true },
  { body: 'Please refer to: [our security policy](SECURITY.md#reporting-a-vulnerability)', pointer: true },
  { body: '- [Security policy](https://github.com/o/r/blob/main/SECURITY.md)', pointer: true },
  { body: 'Security is a top priority for us. If you find a security vulnerability, please check our [security guide](SECURITY.md) for instructions on how to report it responsibly.', pointer: true },
  { body: 'For details on how we handle reports, how long it takes and who answers, see the [security policy](SECURITY.md).', pointer: true },
  // A contact is not a pointer: this defines a second way to report, and a different one.
  { body: 'Do not open a public issue. Instead, send us a private email at [maintainers@example.org](mailto:maintainers@example.org) to report it.', pointer: false },
  // A procedure that happens to link to a data file: no "see", so it defines.
  { body: '1. Fill in [the form](report.yaml).\n2. Wait for an answer from the security team within two days.', pointer: false },
  // "See" with a link, but longer than a pointer is (over 60 words).
  {
    body:
      'Email the security team with a description of the issue, the affected versions, a proof of concept if you have one, and how you would like to be credited. ' +
      'We acknowledge reports within two working days, agree on a disclosure date with you, and keep you informed until a fix is released and announced. ' +
      'See the [security policy](SECURITY.md) for supported versions.',
    pointer: false,
  },
  { body: 'Email security@example.org.', pointer: false },
];

for (const { body, pointer } of cases) {
  test(`${pointer ? 'pointer' : 'definition'}: ${body.slice(0, 70)}`, () => {
    const workspace = workspaceOf({ 'CONTRIBUTING.md': md('## Reporting Security Issues', '', body), 'SECURITY.md': SECURITY });
    const section = workspace.definitions.get('file:///ws/CONTRIBUTING.md')![0];
    assert.equal(section.isPointer, pointer);
    const groups = findDuplicates(workspace.definitions).map((group) => describeGroup(workspace, group));
    assert.deepEqual(groups, pointer ? [] : ['topic report-vulnerability []: CONTRIBUTING.md:1 "Reporting Security Issues" | *SECURITY.md:1 "Reporting a Vulnerability"']);
  });
}
