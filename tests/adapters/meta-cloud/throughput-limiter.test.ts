import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ThroughputLimiter,
  type ThroughputLimiterOptions,
} from '../../../adapters/whatsapp/meta-cloud/throughput-limiter.ts';
import { VirtualTime } from './virtual-time.ts';

type Sent = { readonly line: string; readonly recipient: string; readonly at: number };

const setup = (options: ThroughputLimiterOptions = {}) => {
  const time = new VirtualTime(10_000);
  const limiter = new ThroughputLimiter({ now: time.now, sleep: time.sleep, ...options });
  const sent: Sent[] = [];
  /** A send `afterMs` from the start: waits for the limiter, then records when it went. */
  const send = (afterMs: number, recipient: string, line = 'line-1') =>
    time
      .sleep(afterMs)
      .then(() => limiter.acquire(line, recipient))
      .then(() => void sent.push({ line, recipient, at: time.now() }));
  return { time, limiter, sent, send, run: (work: Promise<unknown>[]) => time.run(Promise.all(work)) };
};

const byKey = <T>(items: readonly T[], key: (t: T) => string): T[][] => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
};

/** Sorted instants hold at most `limit` in every one-second window. */
const worstWindow = (instants: readonly number[], limit: number): number => {
  const sorted = [...instants].sort((a, b) => a - b);
  let shortest = Infinity;
  for (let i = limit; i < sorted.length; i++)
    shortest = Math.min(shortest, (sorted[i] ?? 0) - (sorted[i - limit] ?? 0));
  return shortest;
};

const burst = fc.record({
  atMs: fc.integer({ min: 0, max: 3_000 }),
  count: fc.integer({ min: 1, max: 40 }),
  recipients: fc.integer({ min: 1, max: 6 }),
  line: fc.constantFrom('line-1', 'line-2'),
});

describe('ThroughputLimiter', () => {
  it('never lets more than `perSecond` messages of a line into any one-second window, and sends them all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1_500 }),
        fc.array(burst, { minLength: 1, maxLength: 6 }),
        async (perSecond, spacing, bursts) => {
          const { sent, send, run } = setup({ perSecond, recipientSpacingMs: spacing });
          const work = bursts.flatMap((b, i) =>
            Array.from({ length: b.count }, (_, k) => send(b.atMs, `lead-${i}-${k % b.recipients}`, b.line)),
          );
          await run(work);
          expect(sent).toHaveLength(work.length);
          for (const line of byKey(sent, (s) => s.line))
            expect(
              worstWindow(
                line.map((s) => s.at),
                perSecond,
              ),
            ).toBeGreaterThanOrEqual(1_000);
          for (const one of byKey(sent, (s) => `${s.line}/${s.recipient}`))
            expect(
              worstWindow(
                one.map((s) => s.at),
                1,
              ),
            ).toBeGreaterThanOrEqual(spacing);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sends a burst at full speed: 80 at once, the next 80 a second later', async () => {
    const { sent, send, run } = setup({ recipientSpacingMs: 0 });
    await run(Array.from({ length: 170 }, (_, i) => send(0, `lead-${i}`)));
    const at = sent.map((s) => s.at - 10_000);
    expect(at.filter((t) => t === 0)).toHaveLength(80);
    expect(at.filter((t) => t === 1_000)).toHaveLength(80);
    expect(at.filter((t) => t === 2_000)).toHaveLength(10);
  });

  it('widens the window by its margin: the next 80 go 1,050 ms after the first', async () => {
    const { sent, send, run } = setup({ recipientSpacingMs: 0, windowMarginMs: 50 });
    await run(Array.from({ length: 170 }, (_, i) => send(0, `lead-${i}`)));
    const at = sent.map((s) => s.at - 10_000);
    expect(at.filter((t) => t === 0)).toHaveLength(80);
    expect(at.filter((t) => t === 1_050)).toHaveLength(80);
    expect(at.filter((t) => t === 2_100)).toHaveLength(10);
  });

  it('counts the window from when a message really left: a late timer does not bunch the next one up', async () => {
    const time = new VirtualTime(10_000);
    // The first wait oversleeps, as a timer does on a busy event loop; the others are on time.
    let late = 300;
    const sleep = (ms: number) => {
      const wait = time.sleep(ms + late);
      late = 0;
      return wait;
    };
    const limiter = new ThroughputLimiter({ perSecond: 1, recipientSpacingMs: 0, now: time.now, sleep });
    const left: number[] = [];
    const send = (to: string) => limiter.acquire('line-1', to).then(() => void left.push(time.now() - 10_000));
    await time.run(Promise.all([send('a'), send('b'), send('c')]));
    expect(left).toEqual([0, 1_300, 2_300]);
  });

  it('keeps lines apart: a full line does not slow another', async () => {
    const { sent, send, run } = setup({ perSecond: 2, recipientSpacingMs: 0 });
    await run([send(0, 'a'), send(0, 'b'), send(0, 'c'), send(0, 'x', 'line-2')]);
    expect(sent.map((s) => [s.recipient, s.at - 10_000])).toEqual([
      ['a', 0],
      ['b', 0],
      ['x', 0],
      ['c', 1_000],
    ]);
  });

  it('spaces messages to one recipient, in the order asked, without holding others back', async () => {
    const { sent, send, run } = setup({ recipientSpacingMs: 1_000 });
    await run([send(0, 'ana'), send(0, 'ana'), send(0, 'beto'), send(0, 'ana'), send(300, 'beto')]);
    const times = (who: string) => sent.filter((s) => s.recipient === who).map((s) => s.at - 10_000);
    expect(times('ana')).toEqual([0, 1_000, 2_000]);
    expect(times('beto')).toEqual([0, 1_000]);
  });

  it('backs a recipient off after a pair-rate refusal, four times longer each time in a row, until Meta takes one', async () => {
    const { limiter, time, run } = setup();
    expect(limiter.backoffRemaining('line-1', 'ana')).toBe(0);
    expect(limiter.pairRateHit('line-1', 'ana')).toBe(6_000);
    expect(limiter.pairRateHit('line-1', 'ana')).toBe(24_000);
    expect(limiter.backoffRemaining('line-1', 'ana')).toBe(24_000);
    expect(limiter.backoffRemaining('line-1', 'beto')).toBe(0);
    expect(limiter.backoffRemaining('line-2', 'ana')).toBe(0);
    await run([time.sleep(10_000)]);
    expect(limiter.backoffRemaining('line-1', 'ana')).toBe(14_000);
    limiter.accepted('line-1', 'ana');
    expect(limiter.pairRateHit('line-1', 'ana')).toBe(6_000);
  });

  it('never sleeps through a pair-rate back-off: acquire only paces', async () => {
    const { limiter, sent, send, run } = setup({ recipientSpacingMs: 1_000 });
    limiter.pairRateHit('line-1', 'ana');
    await run([send(0, 'ana'), send(0, 'ana')]);
    expect(sent.map((s) => s.at - 10_000)).toEqual([0, 1_000]);
  });

  it('caps the pair-rate back-off', () => {
    const limiter = new ThroughputLimiter({ maxPairRateBackoffMs: 60_000, now: () => 0 });
    const backoffs = Array.from({ length: 6 }, () => limiter.pairRateHit('l', 'r'));
    expect(backoffs).toEqual([6_000, 24_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new ThroughputLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => new ThroughputLimiter({ perSecond: 1.5 })).toThrow(RangeError);
  });
});
