import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses as strict XML: a browser (GitHub's <img>, the webview) draws nothing for a malformed SVG. */
export function parseSvg(text: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
  const root = document.documentElement!;
  assert.equal(root.namespaceURI, SVG_NS);
  assert.equal(root.tagName, 'svg');
  return root;
}

export interface DrawnBar {
  kind: string;
  label: string;
  met: number;
  total: number;
  /** The filled share of the track, as drawn. */
  share: number;
}

/** What the picture shows per area: its label and each bar's figure and fill. */
export function barsOf(svg: Element): Map<string, DrawnBar[]> {
  const areas = new Map<string, DrawnBar[]>();
  for (const group of elements(svg, 'g').filter((g) => g.getAttribute('class') === 'area')) {
    const bars = elements(group, 'g').filter((g) => g.getAttribute('class') === 'bar').map((bar) => {
      const rects = elements(bar, 'rect');
      const track = rects.find((r) => r.getAttribute('class') === 'track')!;
      const met = rects.find((r) => r.getAttribute('class') === 'met')!;
      return {
        kind: bar.getAttribute('data-kind')!,
        label: elements(bar, 'text')[0].textContent!,
        met: Number(bar.getAttribute('data-met')),
        total: Number(bar.getAttribute('data-total')),
        share: Number(met.getAttribute('width')) / Number(track.getAttribute('width')),
      };
    });
    areas.set(group.getAttribute('data-area')!, bars);
  }
  return areas;
}

function elements(parent: Element, tag: string): Element[] {
  return Array.from(parent.getElementsByTagName(tag));
}
