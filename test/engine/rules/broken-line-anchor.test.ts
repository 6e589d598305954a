import { testRule, md } from '../../helpers/ruleTester';
import { brokenLineAnchor } from '../../../server/src/engine/rules/brokenLineAnchor';

const threeLines = 'one\ntwo\nthree\n';
const mapped = { repositories: { 'dragonflyoss/community': 'community' } };

testRule(brokenLineAnchor, {
  valid: [
    { name: 'within the file', files: { 'a.go': threeLines }, text: md('[a](a.go#L3) [b](a.go#L1-L3) [c](a.go#L2C5-L3C1) [d](a.go?plain=1#L2)') },
    { name: 'a last line without a line break counts', files: { 'a.go': 'one\ntwo' }, text: md('[a](a.go#L2)') },
    { name: 'a GitHub URL with ?plain=1', settings: mapped, files: { 'community/COMMUNITY_LADDER.md': threeLines }, text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md?plain=1#L2-L3>') },
    { name: 'a missing file is broken-link\'s', text: md('[a](missing.go#L9)') },
    { name: 'not a line anchor', files: { 'a.md': '# L9\n' }, text: md('[a](a.md#l9) [b](a.md#L9x)') },
  ],
  invalid: [
    {
      name: 'past the end',
      files: { 'a.go': threeLines },
      text: md('[a](a.go#L4) [b](a.go#L2-L9) [c](a.go#L0)'),
      findings: [
        '1:1 warning #L4 names line 4, but a.go has 3 lines',
        '1:14 warning #L2-L9 names lines 2-9, but a.go has 3 lines',
        '1:30 warning #L0 names line 0; GitHub numbers lines from 1',
      ],
    },
    {
      name: 'lines end at a lone \\r and at \\r\\n as GitHub counts them, a final line break ending none',
      files: { 'a.go': 'one\rtwo\r\nthree\r\n', 'b.go': 'one\r\rthree' },
      text: md('[a](a.go#L3) [b](a.go#L4) [c](b.go#L3) [d](b.go#L4)'),
      findings: ['1:14 warning #L4 names line 4, but a.go has 3 lines', '1:40 warning #L4 names line 4, but b.go has 3 lines'],
    },
    {
      name: 'a GitHub URL past the end of the mapped file',
      settings: mapped,
      files: { 'community/COMMUNITY_LADDER.md': threeLines },
      text: md('<https://github.com/dragonflyoss/community/blob/master/COMMUNITY_LADDER.md?plain=1#L199-L201>'),
      findings: ['1:1 warning #L199-L201 names lines 199-201, but community/COMMUNITY_LADDER.md has 3 lines'],
    },
  ],
});
