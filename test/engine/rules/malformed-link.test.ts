import { testRule, md } from '../../helpers/ruleTester';
import { malformedLink } from '../../../server/src/engine/rules/malformedLink';

testRule(malformedLink, {
  valid: [
    { name: 'links that render', text: md('[a](https://x.io) <https://x.io> https://x.io [b][c]', '', '[c]: https://x.io') },
    { name: 'a task checkbox before a parenthesis', text: md('- [x] (https://x.io) done', '- [ ] (https://x.io)') },
    { name: 'bracketed prose that closes after a parenthesised URL', text: md('[see the docs (https://x.io) first]') },
    { name: 'inline code that explains link syntax', text: md('Write links as `[text](url)` or `[name](https://example.com)`.') },
    { name: 'code blocks are code', text: md('```', '[text]https://x.io', '`[a](https://x.io)`', '```') },
  ],
  invalid: [
    {
      name: 'the parentheses are missing',
      text: md('Read [the charter]https://github.com/cncf/foundation/blob/main/charter.md today.'),
      findings: ['1:6 warning This does not render as a link: the destination needs parentheses: [text](url)'],
      output: md('Read [the charter](https://github.com/cncf/foundation/blob/main/charter.md) today.'),
    },
    {
      name: 'the closing bracket is missing',
      text: md('Read [the charter(https://x.io/charter) today.'),
      findings: ['1:6 warning This does not render as a link: the "]" that closes the link text is missing'],
      output: md('Read [the charter](https://x.io/charter) today.'),
    },
    {
      name: 'a space between ] and (',
      text: md('Read [the charter] (https://x.io/charter).'),
      findings: ['1:6 warning This does not render as a link: no space may stand between "]" and "("'],
      output: md('Read [the charter](https://x.io/charter).'),
    },
    {
      name: 'a backtick in the text pairs with one after )',
      text: md('Run [`govmd](https://x.io/govmd) and then `check`.'),
      findings: ['1:5 warning This does not render as a link: a backtick in the link text pairs with one after ")" and turns it all into code'],
      output: md('Run [`govmd`](https://x.io/govmd) and then `check`.'),
    },
    {
      name: 'a link cut across two code spans',
      text: md('Members are listed in `[MAINTAINERS.md]`(`https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md`).'),
      findings: ['1:23 warning This does not render as a link: the link is cut across two code spans, so it shows as code'],
      output: md('Members are listed in [MAINTAINERS.md](https://github.com/dragonflyoss/community/blob/master/MAINTAINERS.md).'),
    },
    {
      name: 'a link cut inside its parentheses',
      text: md('See `[the ladder](` `COMMUNITY_LADDER.md)` for roles.'),
      findings: ['1:5 warning This does not render as a link: the link is cut across two code spans, so it shows as code'],
      output: md('See [the ladder](COMMUNITY_LADDER.md) for roles.'),
    },
    {
      name: 'a whole link in backticks',
      text: md('The charter: `[CNCF charter](https://github.com/cncf/foundation/blob/main/charter.md)`.'),
      findings: ['1:14 warning This does not render as a link: the link is inside backticks, so it shows as code'],
      output: md('The charter: [CNCF charter](https://github.com/cncf/foundation/blob/main/charter.md).'),
    },
  ],
});
