import type { Span } from '../types';
import { firstAtOrAfter } from '../text/spans';

/** Finds the items that start inside a span, in their document order, by binary search. */
export class ByStart<T extends { span: Span }> {
  private readonly order: number[];
  private readonly starts: number[];

  constructor(private readonly items: readonly T[]) {
    this.order = items.map((_, i) => i).sort((a, b) => items[a].span.start - items[b].span.start || a - b);
    this.starts = this.order.map((i) => items[i].span.start);
  }

  within(body: Span): T[] {
    const found = this.order.slice(this.firstAtOrAfter(body.start), this.firstAtOrAfter(body.end));
    return found.sort((a, b) => a - b).map((i) => this.items[i]);
  }

  /** The item that starts last before an offset. */
  lastBefore(offset: number): T | undefined {
    const at = this.firstAtOrAfter(offset);
    return at > 0 ? this.items[this.order[at - 1]] : undefined;
  }

  private firstAtOrAfter(offset: number): number {
    return firstAtOrAfter(this.starts, offset);
  }
}
