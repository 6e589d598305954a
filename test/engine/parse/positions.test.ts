import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentParser } from '../../../server/src/engine/parse/document';
import { md } from '../../helpers/ruleTester';

// cncf/toc projects/open-telemetry/2020-opentelemetry-annual.md:99 (4acc1dc): remark-gfm finds this
// autolink literal after parsing and gives it no position; it was reported at the paragraph above.
test('an autolink literal found after parsing is where it is written', () => {
  const text = md(
    'The following are goals for the next twelve months:',
    '- Reference implementation of log support. [Ex. Log working group https://github.com/open-telemetry/community#logs-working-group ] Adding support for logs.',
  );
  const parsed = new DocumentParser().parse(text);
  const link = parsed.links.find((l) => l.url.endsWith('#logs-working-group'))!;
  assert.deepEqual(parsed.lines.range(link.span), { start: { line: 1, character: 66 }, end: { line: 1, character: 128 } });
  assert.equal(text.slice(link.span.start, link.span.end), 'https://github.com/open-telemetry/community#logs-working-group');
});
