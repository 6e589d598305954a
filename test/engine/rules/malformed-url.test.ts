import { testRule, md } from '../../helpers/ruleTester';
import { malformedUrl } from '../../../server/src/engine/rules/malformedUrl';

testRule(malformedUrl, {
  valid: [
    { name: 'a URL inside another URL\'s path or query is fine', text: md('[a](https://web.archive.org/web/2020/https://example.com) [b](https://x.io/?next=https://y.io)') },
    { name: 'other schemes', text: md('[a](mailto:a@b.io) [b](ftp://x.io/f) [c](tel:+1) [d](vscode:extension/x)') },
    { name: 'file names that end like a domain are files', text: md('[a](README.md) [b](install.sh) [c](lib.rs) [d](Makefile.in) [e](config.yaml)') },
    { name: 'a file named like a domain, when it exists', files: { 'sandbox.cncf.io': 'x\n' }, text: md('[a](sandbox.cncf.io)') },
    { name: 'a relative path with a space is a file name GitHub accepts', text: md('[a](<my file.md>)') },
    { name: 'an empty target is the placeholder rule\'s', text: md('[Incubation application issue]()') },
    { name: 'a title after the URL is not white space in it', text: md('[a](https://x.io "The title")') },
  ],
  invalid: [
    {
      name: 'the scheme written twice (seed DD line 104)',
      text: md('documented in [GOVERNANCE.md](https://github.chttps://github.com/dragonflyoss/community/blob/master/GOVERNANCE.md).'),
      findings: ['1:15 error Malformed URL: the scheme is written twice ("https://github.chttps://"); did you mean https://github.com/dragonflyoss/community/blob/master/GOVERNANCE.md?'],
      output: md('documented in [GOVERNANCE.md](https://github.com/dragonflyoss/community/blob/master/GOVERNANCE.md).'),
    },
    {
      name: 'a bare domain used as a path (the CNCF DD template, seed DD line 72)',
      text: md('- [x] **Review and acknowledgement of expectations for [Sandbox](sandbox.cncf.io) projects.**', '', '[www]: www.example.org/page', '', 'The [page][www].'),
      findings: [
        '1:56 error Malformed URL: sandbox.cncf.io is a domain without "https://", so GitHub links to a file of that name; did you mean https://sandbox.cncf.io?',
        '3:1 error Malformed URL: www.example.org/page is a domain without "https://", so GitHub links to a file of that name; did you mean https://www.example.org/page?',
      ],
      output: md('- [x] **Review and acknowledgement of expectations for [Sandbox](https://sandbox.cncf.io) projects.**', '', '[www]: https://www.example.org/page', '', 'The [page][www].'),
    },
    {
      name: 'a misspelt scheme',
      text: md('[a](htps://x.io) [b](http//x.io) [c](https:/x.io) [d](ttps://x.io/p)'),
      findings: [
        '1:1 error Malformed URL: it starts with "htps://", not "https://"; did you mean https://x.io?',
        '1:18 error Malformed URL: it starts with "http//", not "http://"; did you mean http://x.io?',
        '1:34 error Malformed URL: it starts with "https:/", not "https://"; did you mean https://x.io?',
        '1:51 error Malformed URL: it starts with "ttps://", not "https://"; did you mean https://x.io/p?',
      ],
      output: md('[a](https://x.io) [b](http://x.io) [c](https://x.io) [d](https://x.io/p)'),
    },
    {
      name: 'white space in a URL: bracketed, and written bare (it does not render)',
      text: md('[a](<https://x.io/a b>)', '', 'See [the notes](https://x.io/meeting notes.pdf) here.'),
      findings: [
        '1:1 error Malformed URL: it holds white space; did you mean https://x.io/a%20b?',
        '3:5 error Malformed URL: it holds white space, so the link does not render; did you mean https://x.io/meeting%20notes.pdf?',
      ],
      output: md('[a](<https://x.io/a%20b>)', '', 'See [the notes](https://x.io/meeting%20notes.pdf) here.'),
    },
    {
      // cncf/toc projects/open-telemetry/otel-graduation-dd.md:84 (4acc1dc).
      name: 'a repaired scheme that still leads nowhere is no fix',
      text: md('See the [Governance Review](https:github.com/cncf/toc/projects/open-telemetry/governance-review/2025-08-14).'),
      findings: ['1:9 error Malformed URL: it starts with "https:", not "https://", and GitHub serves no page at https://github.com/cncf/toc/projects/open-telemetry/governance-review/2025-08-14 (files are under blob/BRANCH/)'],
    },
    {
      // cncf/toc projects/harbor/harbor-graduation-proposal.md:65 (4acc1dc).
      name: 'a space beside a hyphen is a slip in the slug: removed, not encoded',
      text: md('[Harbor webinar](https://www.cncf.io/webinars/kubernetes-in-highly-restrictive-environments- meeting-the-needs/)'),
      findings: ['1:1 error Malformed URL: it holds white space, so the link does not render; did you mean https://www.cncf.io/webinars/kubernetes-in-highly-restrictive-environments-meet…?'],
      output: md('[Harbor webinar](https://www.cncf.io/webinars/kubernetes-in-highly-restrictive-environments-meeting-the-needs/)'),
    },
  ],
});
