import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressSvg } from '../../../server/src/engine/report/progressSvg';
import { progressOf } from '../../../server/src/engine/model/dd';
import { govDocument } from '../../helpers/documents';
import { SEED_DD, read } from '../../helpers/fixtures';
import { md } from '../../helpers/ruleTester';
import { barsOf, parseSvg } from '../../helpers/svg';

test('progressSvg: the seed DD, one Required and one Suggested bar per area, met/total beside each', () => {
  const doc = govDocument('dd.md', read(SEED_DD));
  const svg = parseSvg(progressSvg('Dragonfly Graduation Due Diligence', progressOf(doc.dd)));
  assert.match(svg.getAttribute('viewBox')!, /^0 0 \d+ \d+$/);
  assert.equal(svg.getAttribute('width'), svg.getAttribute('viewBox')!.split(' ')[2]);
  const areas = barsOf(svg);
  assert.deepEqual([...areas.keys()], [
    'Application Process Principles', 'Governance and Maintainers', 'Contributors and Community',
    'Engineering Principles', 'Security', 'Ecosystem', 'All areas',
  ]);
  const governance = areas.get('Governance and Maintainers')!;
  assert.deepEqual(governance.map((b) => [b.kind, b.label, b.met, b.total]), [['required', '7/15', 7, 15], ['suggested', '0/1', 0, 1]]);
  assert.ok(Math.abs(governance[0].share - 7 / 15) < 0.01, `Required bar filled ${governance[0].share}`);
  assert.equal(governance[1].share, 0);
  // An area without Suggested criteria says so rather than drawing 0 of 0.
  assert.deepEqual(areas.get('Ecosystem')!.map((b) => b.label), ['2/4', '—']);
  assert.deepEqual(areas.get('All areas')!.map((b) => b.label), ['26/43', '1/3']);
  assert.equal(areas.get('Contributors and Community')![1].share, 1);
  // Each area's label is drawn, and the picture names itself for screen readers.
  const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.firstChild?.nodeValue);
  for (const area of areas.keys()) assert.ok(texts.includes(area), area);
  assert.equal(svg.getElementsByTagName('title')[0].textContent, 'Criteria progress: Dragonfly Graduation Due Diligence');
});

test('progressSvg: titles are text, whatever they hold, and nothing is fetched or run', () => {
  const hostile = 'A <script>alert(1)</script> & "b" \'c\' \u0001 \ud800 area';
  const doc = govDocument('dd.md', md('# T', `## ${hostile}`, '### Required', '- [x] **One.**', '- [ ] **Two.**'));
  const text = progressSvg(`${hostile} DD`, progressOf(doc.dd));
  const svg = parseSvg(text);
  const [area] = barsOf(svg).keys();
  assert.equal(area, "A <script>alert(1)</script> & \"b\" 'c'   area");
  assert.equal(svg.getElementsByTagName('script').length, 0);
  assert.doesNotMatch(text, /href|url\(|@import|<style/);
});

test('progressSvg: long area names are shortened in the picture, whole in the tooltip', () => {
  const long = 'Governance, Maintainers, Contributors, Community and everything else besides';
  const doc = govDocument('dd.md', md('# T', `## ${long}`, '### Suggested', '- [ ] **One.**'));
  const svg = parseSvg(progressSvg('T', progressOf(doc.dd)));
  const label = Array.from(svg.getElementsByTagName('text')).find((t) => t.getElementsByTagName('title')[0]?.textContent === long)!;
  assert.match(label.firstChild!.nodeValue!, /^Governance, Maintainers.*…$/);
  assert.ok(label.firstChild!.nodeValue!.length <= 32);
  assert.deepEqual(barsOf(svg).get(long)!.map((b) => b.label), ['—', '0/1']);
});
