import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftOf, percentile, perSecond, slidingWindowMax, spanRate, summarize } from '../../bench/stats.ts';

/** The most timestamps in any half-open window [t, t + w), by brute force over every start that matters. */
const bruteWindowMax = (times: readonly number[], w: number): number =>
  Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + w).length));

describe('bench statistics', () => {
  it('takes percentiles by nearest rank: always a value that was seen', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p99: 40, max: 40, mean: 25 });
    expect(summarize([]).count).toBe(0);
  });

  it('p50 ≤ p99 ≤ max, and each is one of the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const s = summarize(values);
        expect(s.p50).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        expect(values).toContain(s.p50);
        expect(values).toContain(s.p99);
      }),
    );
  });

  it('counts the busiest one-second window, half-open: an event 1,000 ms later starts the next one', () => {
    expect(slidingWindowMax([])).toBe(0);
    expect(slidingWindowMax([0, 999])).toBe(2);
    expect(slidingWindowMax([0, 1_000])).toBe(1);
    expect(slidingWindowMax([2_399, 0, 400, 1_300, 1_350, 1_399])).toBe(4);
    expect(slidingWindowMax([2_399, 0, 1_300, 1_350, 1_399, 2_299])).toBe(4);
    expect(slidingWindowMax([5, 5, 5], 1)).toBe(3);
  });

  it('finds the same busiest window as counting every window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 2_000 }),
        (times, w) => {
          expect(slidingWindowMax(times, w)).toBe(bruteWindowMax(times, w));
        },
      ),
    );
  });

  it('gives rates per second', () => {
    expect(perSecond(500, 250)).toBe(2_000);
    expect(perSecond(5, 0)).toBe(0);
    expect(spanRate([0, 500, 1_000])).toBe(2);
    expect(spanRate([3_000, 1_000, 2_000])).toBe(1);
    expect(spanRate([42])).toBe(0);
  });

  it('measures how far a series strays from its mean, and its drift from first to last tenth', () => {
    const flat = driftOf([100, 100, 100, 100]);
    expect(flat).toMatchObject({ min: 100, max: 100, mean: 100, drift: 0, spread: 0 });
    const growing = driftOf(Array.from({ length: 10 }, (_, i) => 100 + i * 10));
    expect(growing.drift).toBeCloseTo(0.9);
    expect(growing.spread).toBeCloseTo(45 / 145);
    expect(driftOf([]).spread).toBeNaN();
  });
});
