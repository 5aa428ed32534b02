/** Pure figures from recorded samples: percentiles, rates and the busiest one-second window. */

export type Summary = {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
};

/**
 * The `p`-th percentile (0–100) by nearest rank on sorted values: always a value that was seen,
 * so a p99 of 100 samples is the 99th smallest, not an interpolation. NaN when there are none.
 */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? Number.NaN;
};

export const summarize = (values: readonly number[]): Summary => {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const total = list.reduce((sum, v) => sum + v, 0);
  return {
    count: list.length,
    p50: percentile(list, 50),
    p99: percentile(list, 99),
    max: list.at(-1) ?? Number.NaN,
    mean: list.length === 0 ? Number.NaN : total / list.length,
  };
};

/** Events per second over `ms`; 0 for an empty or instant span. */
export const perSecond = (count: number, ms: number): number => (ms > 0 ? (count * 1_000) / ms : 0);

/**
 * The most events in any window of `windowMs` (half-open: an event exactly `windowMs` after another
 * falls in the next window), over timestamps in any order.
 */
export const slidingWindowMax = (timestamps: readonly number[], windowMs = 1_000): number => {
  const sorted = Float64Array.from(timestamps).sort();
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
};

/** Sends per second from the first to the last timestamp (the drain rate of a backlog). */
export const spanRate = (timestamps: readonly number[]): number => {
  if (timestamps.length < 2) return 0;
  let first = Infinity;
  let last = -Infinity;
  for (const t of timestamps) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return perSecond(timestamps.length - 1, last - first);
};

export type Drift = {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly drift: number;
  readonly spread: number;
};

/**
 * How far a series strays from its own mean: `spread` is the largest deviation as a fraction of the
 * mean, `drift` the change from the first to the last tenth of the series (also a fraction).
 */
export const driftOf = (values: readonly number[]): Drift => {
  if (values.length === 0) return { min: NaN, max: NaN, mean: NaN, drift: NaN, spread: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const tenth = Math.max(1, Math.floor(values.length / 10));
  const avg = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const head = avg(values.slice(0, tenth));
  const tail = avg(values.slice(-tenth));
  return { min, max, mean, drift: (tail - head) / head, spread: Math.max(max - mean, mean - min) / mean };
};
