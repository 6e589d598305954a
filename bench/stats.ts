// The figures the bench quotes. Shared machines are noisy: a median and a nearest-rank
// percentile are read off the samples, never a mean that one stall can move.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile: the smallest sample with at least `p`% of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * The median of the ratios a[i] / b[i] of runs made in the same round: pairing keeps a ratio
 * meaningful when the machine's speed drifts between rounds.
 */
export function medianPairedRatio(a: readonly number[], b: readonly number[]): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (b[i] > 0) ratios.push(a[i] / b[i]);
  return median(ratios);
}
