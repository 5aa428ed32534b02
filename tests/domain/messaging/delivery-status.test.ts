import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStatus, type DeliveryStatus } from '../../../domain/messaging/delivery-status.ts';

const PROGRESS: readonly DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'played'];
const ALL: readonly DeliveryStatus[] = [...PROGRESS, 'failed'];
const status = fc.constantFrom(...ALL);
const rank = (s: DeliveryStatus): number => PROGRESS.indexOf(s);

const fold = (start: DeliveryStatus, incoming: readonly DeliveryStatus[]): DeliveryStatus =>
  incoming.reduce(nextStatus, start);

/**
 * The rule the fold implements, as a function of the SET of statuses seen (the start included):
 * the furthest of delivered/read/played if any was seen; else 'failed' if it was seen; else the furthest of queued/sent.
 */
const model = (seen: ReadonlySet<DeliveryStatus>): DeliveryStatus => {
  const furthest = (among: readonly DeliveryStatus[]) => [...among].reverse().find((s) => seen.has(s));
  return (
    furthest(['delivered', 'read', 'played']) ??
    (seen.has('failed') ? 'failed' : (furthest(['queued', 'sent']) ?? 'queued'))
  );
};

const sequences = fc
  .tuple(status, fc.array(status, { maxLength: 12 }))
  .chain(([start, xs]) =>
    fc.tuple(fc.constant(start), fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
  );

describe('nextStatus', () => {
  it('never moves backwards along queued < sent < delivered < read < played, in any arrival order', () => {
    fc.assert(
      fc.property(sequences, ([start, , arrival]) => {
        let current = start;
        for (const incoming of arrival) {
          const next = nextStatus(current, incoming);
          if (current !== 'failed' && next !== 'failed') expect(rank(next)).toBeGreaterThanOrEqual(rank(current));
          if (current === 'failed' && next !== 'failed') expect(rank(next)).toBeGreaterThanOrEqual(rank('delivered'));
          if (next === 'failed') expect(rank(current) === -1 || rank(current) < rank('delivered')).toBe(true);
          current = next;
        }
      }),
    );
  });

  it('ends in the same status whatever order the same statuses arrive in', () => {
    fc.assert(
      fc.property(sequences, ([start, xs, arrival]) => {
        expect(fold(start, arrival)).toBe(fold(start, xs));
      }),
    );
  });

  it('ends in the status the set-based rule predicts', () => {
    fc.assert(
      fc.property(sequences, ([start, xs]) => {
        expect(fold(start, xs)).toBe(model(new Set([start, ...xs])));
      }),
    );
  });

  it('is idempotent: a webhook delivered twice changes nothing', () => {
    fc.assert(
      fc.property(status, status, (current, incoming) => {
        const once = nextStatus(current, incoming);
        expect(nextStatus(once, incoming)).toBe(once);
      }),
    );
  });

  it.each<[DeliveryStatus, DeliveryStatus, DeliveryStatus]>([
    ['queued', 'sent', 'sent'],
    ['sent', 'read', 'read'],
    ['read', 'delivered', 'read'],
    ['played', 'read', 'played'],
    ['sent', 'failed', 'failed'],
    ['queued', 'failed', 'failed'],
    ['read', 'failed', 'read'],
    ['delivered', 'failed', 'delivered'],
    ['failed', 'sent', 'failed'],
    ['failed', 'queued', 'failed'],
    ['failed', 'delivered', 'delivered'],
    ['failed', 'read', 'read'],
  ])('%s then %s → %s', (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });

  it('treats a failure reported before a late "delivered" as overtaken by it', () => {
    expect(fold('queued', ['sent', 'failed', 'delivered'])).toBe('delivered');
    expect(fold('queued', ['delivered', 'failed', 'sent'])).toBe('delivered');
  });
});
