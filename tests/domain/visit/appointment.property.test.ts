import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../domain/shared/time.ts';
import { appointmentSlot, overlaps, type Slot } from '../../../domain/visit/appointment.ts';

const slot: fc.Arbitrary<Slot> = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 500 }))
  .map(([startsAt, length]) => ({ startsAt, endsAt: startsAt + length }));

describe('appointment slots', () => {
  it('overlap symmetrically', () => {
    fc.assert(fc.property(slot, slot, (a, b) => overlaps(a, b) === overlaps(b, a)));
  });

  it('overlap themselves, and not a slot that starts where they end', () => {
    fc.assert(
      fc.property(slot, fc.integer({ min: 1, max: 500 }), (a, length) => {
        expect(overlaps(a, a)).toBe(true);
        expect(overlaps(a, { startsAt: a.endsAt, endsAt: a.endsAt + length })).toBe(false);
      }),
    );
  });

  it('overlap exactly when they share an instant', () => {
    fc.assert(
      fc.property(slot, slot, (a, b) => {
        const shared = Math.max(a.startsAt, b.startsAt) < Math.min(a.endsAt, b.endsAt);
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });

  it('last more than nothing and at most four hours', () => {
    expect(appointmentSlot(0, 4 * HOUR_MS).ok).toBe(true);
    expect(appointmentSlot(0, 4 * HOUR_MS + 1)).toEqual({
      ok: false,
      error: { type: 'InvalidAppointmentTime', reason: 'too_long' },
    });
    expect(appointmentSlot(10, 10)).toEqual({
      ok: false,
      error: { type: 'InvalidAppointmentTime', reason: 'ends_before_start' },
    });
  });
});
