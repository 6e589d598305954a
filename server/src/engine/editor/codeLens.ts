import type { Span } from '../types';
import type { GovDocument } from '../govDocument';
import { progressOf } from '../model/dd';

export interface AreaLens {
  span: Span;
  title: string;
}

/** "Required 7/15 · Suggested 0/1" over each area heading of a DD. */
export function areaLenses(doc: GovDocument): AreaLens[] {
  if (doc.kind !== 'dd') return [];
  return progressOf(doc.dd).areas.map((area) => {
    const parts = [`Required ${area.required.met}/${area.required.total}`];
    if (area.suggested.total > 0) parts.push(`Suggested ${area.suggested.met}/${area.suggested.total}`);
    return { span: area.heading.span, title: parts.join(' · ') };
  });
}
