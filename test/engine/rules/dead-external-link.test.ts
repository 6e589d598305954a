import { testRule, md } from '../../helpers/ruleTester';
import { deadExternalLink } from '../../../server/src/engine/rules/deadExternalLink';

const verdicts = new Map([
  ['https://example.org/gone', { status: 'dead' as const, reason: '404 Not Found', httpStatus: 404 }],
  ['https://nowhere.invalid/', { status: 'unreachable' as const, reason: 'host not found' }],
  ['https://example.org/ok', { status: 'ok' as const, reason: '200 OK', httpStatus: 200 }],
  ['https://example.org/bot-wall', { status: 'unverified' as const, reason: '403 Forbidden', httpStatus: 403 }],
]);

testRule(deadExternalLink, {
  valid: [
    { name: 'the check was not run: nothing to say', text: md('[gone](https://example.org/gone)') },
    { name: 'ok and unverified answers are not findings', kind: 'governance', text: md('[a](https://example.org/ok) [b](https://example.org/bot-wall)'), workspace: { externalLinks: verdicts } },
    { name: 'a URL that was not checked', kind: 'governance', text: md('[c](https://example.org/other)'), workspace: { externalLinks: verdicts } },
  ],
  invalid: [
    {
      name: 'dead and unreachable, inline, autolink and definition',
      kind: 'governance',
      workspace: { externalLinks: verdicts },
      text: md('See [the page](https://example.org/gone) and <https://nowhere.invalid/>.', '', '[ref]: https://example.org/gone', '', 'Read [the notes][ref].'),
      findings: [
        '1:5 warning Dead link (404 Not Found): https://example.org/gone',
        '1:46 warning Link cannot be reached (host not found): https://nowhere.invalid/',
        '3:1 warning Dead link (404 Not Found): https://example.org/gone',
      ],
    },
  ],
});
