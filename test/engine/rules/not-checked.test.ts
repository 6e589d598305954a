import { testRule, md } from '../../helpers/ruleTester';
import { notChecked } from '../../../server/src/engine/rules/notChecked';

// The hostile inputs of issue 11 (items 8, 9, 10, 11): each is left out with a finding on its
// first line, in far less than the minutes (and stack overflows) remark took on them.
const nestedLists = Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
const criteria = (count: number) => Array.from({ length: count }, (_, i) => `- [ ] **Item ${i}** TODO`).join('\n');

testRule(notChecked, {
  valid: [
    {
      // cncf/toc projects/pixie/governance-review/2024-09-27.md:110 (issue 9, class 5): a line of
      // 156 spaces before a table is a blank line, not nesting.
      name: 'a line of spaces before a table',
      text: md(
        'The project includes the following sub-projects, plugins, and other notable divisions:',
        '',
        ' '.repeat(156),
        '|Area          |Ownership and Operation      |   Standing Bodies   |',
        '|:------------ |:--------------------------- |:------------------- |',
        '| pxapi.go     | Complete                    | Complete            |',
      ),
    },
    {
      // fluxcd/community style-guide.md:28, the deepest nesting of the corpus (7 levels).
      name: 'lists and a block quote seven levels deep',
      text: md(
        '5. Flux sub-projects',
        '    - Flagger',
        '        - Can use text from the top of GitHub `fluxcd/flagger` README:',
        '            > Flagger is a progressive delivery tool.',
        '            >',
        '            > Flagger documentation can be found at docs.flagger.app.',
      ),
    },
    { name: 'lists nested 30 levels deep', text: md(...Array.from({ length: 30 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`)) },
    { name: 'a thematic break of 80 asterisks, and one of dashes with spaces', text: md('Above', '', '*'.repeat(80), '', '- '.repeat(10_000), '', 'Below') },
    { name: 'a blank to fill in, written with underscores', text: md(`Signed: ${'_'.repeat(100)}`) },
    {
      // Code is measured as text; the deepest in the corpus is 10 levels of YAML.
      name: 'YAML nested 25 levels deep in fenced code',
      text: md('```yaml', ...Array.from({ length: 25 }, (_, depth) => `${'  '.repeat(depth)}- key: value`), '```', '', 'After the code.'),
    },
    {
      name: 'snake_case in a long code block is no emphasis',
      text: md('```python', ...Array.from({ length: 1_500 }, (_, i) => `some_long_name_${i} = other_function_name(first_argument, second_argument)`), '```'),
    },
    {
      name: 'a table of 500 rows of badges, bold names and links (the largest in the corpus has 467 marks and brackets)',
      text: md('| badge | name | link |', '| - | - | - |', ...Array.from({ length: 500 }, (_, i) => `| [![ci](https://img.example/${i}.svg)](https://ci.example/${i}) | **name ${i}** | [repo](https://github.com/o/r${i}) |`)),
    },
    { name: 'a long list of links, one per item', text: md(...Array.from({ length: 3_000 }, (_, i) => `- [project ${i}](https://example.com/${i}) **maintained** by _them_`)) },
  ],
  invalid: [
    {
      name: 'lists nested 500 deep: only that block is left out',
      text: `${nestedLists}\n\nTODO: after\n`,
      findings: ['1:1 warning Lines 1–500 not checked: lists nest more than 32 levels deep'],
    },
    {
      name: 'images nested 3,000 deep',
      text: md('# T', '', `${'!['.repeat(3_000)}a${'](b)'.repeat(3_000)}`),
      findings: ['3:1 warning Line 3 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (6000 in its first 18 KB)'],
    },
    {
      name: 'strong emphasis nested 3,000 deep',
      text: md('# T', '', `${'**a '.repeat(3_000)}x${' b**'.repeat(3_000)}`),
      findings: ['3:1 warning Line 3 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (6000 in its first 23 KB)'],
    },
    {
      name: 'lines that end in a lone carriage return are lines too',
      text: `Intro\r\r${nestedLists.replace(/\n/g, '\r')}\r\rTODO: after\r`,
      findings: ['3:1 warning Lines 3–502 not checked: lists nest more than 32 levels deep'],
    },
    {
      name: '`- ` × 10,000 before text on one line (issue 11, item 8)',
      text: md('# T', '', `${'- '.repeat(10_000)}x`, '', 'TODO: after'),
      findings: ['3:1 warning Line 3 not checked: lists nest more than 32 levels deep'],
    },
    {
      name: '`*` × 10,000, x, `*` × 10,000 (issue 11, item 8)',
      text: md('# T', '', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`),
      findings: ['3:1 warning Line 3 not checked: a run of 10000 emphasis marks'],
    },
    {
      name: 'block quotes 5,000 deep',
      text: md('Intro', '', `${'>'.repeat(5_000)} TODO: deep`),
      findings: ['3:1 warning Line 3 not checked: block quotes nest more than 32 levels deep'],
    },
    {
      name: 'a 200 KB line of `word [x](#a) ` (issue 11, item 10)',
      text: md('# T', '', 'word [x](#a) '.repeat(200_000 / 13)),
      findings: ['3:1 warning Line 3 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (30768 in its first 195 KB)'],
    },
    {
      name: '50,000 links in one paragraph (issue 11, item 10)',
      text: md('# T', '', Array.from({ length: 50_000 }, (_, i) => `[l${i}](#a)`).join(' ')),
      findings: ['3:1 warning Line 3 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (100000 in its first 624 KB)'],
    },
    {
      name: 'emphasis that never closes, across the lines of a table',
      text: md('| a | b |', '| - | - |', ...Array.from({ length: 1_000 }, () => '| a* a* a* a* a* a* a* a* | b_ b_ b_ b_ |')),
      findings: ['1:1 warning Lines 1–1002 not checked: a paragraph or table holds more emphasis marks and link brackets than the parser resolves in bounded time (756 in its first 3 KB)'],
    },
    {
      name: '400 KB of `x` lines (issue 11, item 10)',
      text: md('# T', '', 'x\n'.repeat(200_000)),
      findings: ['3:1 warning Lines 3–200002 not checked: a paragraph or table of more than 2000 lines'],
    },
    {
      name: 'a list of 6,000 items without a blank line',
      text: md('# T', '', ...Array.from({ length: 6_000 }, (_, i) => `- item ${i}`), '', 'TODO: after'),
      findings: ['3:1 warning Lines 3–6002 not checked: 6000 lines without a blank line to cut them at are over the limit of 5000'],
    },
    {
      name: 'a paragraph of 3,000 lines',
      text: md('# T', '', ...Array.from({ length: 3_000 }, (_, i) => `line ${i}`), '', 'TODO: after'),
      findings: ['3:1 warning Lines 3–3002 not checked: a paragraph or table of more than 2000 lines'],
    },
    {
      name: '4 MB of `- [ ] **Item N** TODO` without a blank line (issue 11, item 9)',
      text: md('# Due Diligence', '', '## Area', '', '### Required', '', criteria(155_000)),
      findings: ['7:1 warning Lines 7–155006 not checked: 155000 lines without a blank line to cut them at are over the limit of 5000'],
    },
    {
      name: 'blocks past the first 5,000 between blank lines',
      text: 'x\n\n'.repeat(5_005),
      findings: ['10001:1 warning Lines 10001–10009 not checked: the document has more than 5000 blocks between blank lines before them'],
    },
    {
      name: 'a document over 4 MB is not checked at all (issue 11, item 11)',
      text: md('# T', '', 'TODO: not read', '', 'x'.repeat(5 * 1024 * 1024)),
      findings: ['1:1 warning Not checked: the document is 5.0 MB, over the 4 MB limit for a governance document'],
    },
    {
      name: 'a block of long lines without a blank line',
      text: md('# T', '', ...Array.from({ length: 1_000 }, () => `- ${'long words '.repeat(60)}`)),
      findings: ['3:1 warning Lines 3–1002 not checked: a block of 647 KB without a blank line to cut it at is over the 512 KB limit'],
    },
    {
      name: 'the severity follows the settings',
      settings: { severity: { 'not-checked': 'error' } },
      text: md(`${'- '.repeat(100)}x`),
      findings: ['1:1 error Line 1 not checked: lists nest more than 32 levels deep'],
    },
  ],
});
