import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitStage } from '../../../domain/lead/lead.ts';
import { moneyOf } from '../../../domain/shared/money.ts';
import { DAY_MS } from '../../../domain/shared/time.ts';
import { VISIT_STAGES, isFinal } from '../../../domain/visit/funnel.ts';
import {
  cancel,
  expire,
  isActive,
  isDue,
  separationPayment,
  type ReservationStatus,
} from '../../../domain/visit/reservation.ts';
import { changeStage } from '../../../domain/visit/stage-change.ts';
import { aReservation } from '../../builders/reservation-builder.ts';

const status = fc.constantFrom<ReservationStatus>('requested', 'authorised', 'confirmed', 'cancelled', 'expired');
const stage = fc.constantFrom<VisitStage>(...VISIT_STAGES);

describe('a reservation’s life', () => {
  it('expires exactly at its expiry, only while waiting for the promesa, and then holds nothing', () => {
    fc.assert(
      fc.property(status, fc.integer({ min: -DAY_MS, max: DAY_MS }), (s, offset) => {
        const r = aReservation().withStatus(s).madeAt(0).build();
        const now = r.expiresAt + offset;
        const expired = expire(r, now);
        expect(expired.ok).toBe((s === 'requested' || s === 'authorised') && offset >= 0);
        expect(isDue(r, now)).toBe(expired.ok);
        if (expired.ok) expect(isActive(expired.value)).toBe(false);
      }),
    );
  });

  it('is cancelled before the promesa only', () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(cancel(aReservation().withStatus(s).build()).ok).toBe(s === 'requested' || s === 'authorised');
      }),
    );
  });

  it('moved by hand: the promesa sells, withdrawing or losing releases, nothing else touches the unit', () => {
    fc.assert(
      fc.property(stage, stage, status, (from, to, s) => {
        const held = aReservation().withStatus(s).madeAt(0).build();
        const change = changeStage(from, to, isActive(held) ? held : null, 0);
        if (!change.ok) return;
        expect(isFinal(from)).toBe(false);
        if (to === 'promise')
          expect([change.value.unit, change.value.reservation?.status]).toEqual(['sell', 'confirmed']);
        else if ((to === 'withdrawn' || to === 'lost') && isActive(held))
          expect([change.value.unit, change.value.reservation?.status]).toEqual(['release', 'cancelled']);
        else expect(change.value.unit).toBe('keep');
      }),
    );
  });
});

describe('the separation payment', () => {
  const unit = { price: moneyOf(300_000_000) };
  it('is a positive amount in the unit’s currency, paid on a real day up to today, with a short reference', () => {
    const ok = separationPayment(
      { amount: moneyOf(5_000_000), paidOn: '2026-11-24', reference: ' TRF-1 ' },
      unit,
      '2026-11-24',
    );
    expect(ok).toEqual({ ok: true, value: { amount: moneyOf(5_000_000), paidOn: '2026-11-24', reference: 'TRF-1' } });
    const bad = (over: object) =>
      separationPayment({ amount: moneyOf(1), paidOn: '2026-11-20', reference: null, ...over }, unit, '2026-11-24');
    expect(bad({ amount: moneyOf(0) })).toMatchObject({ ok: false, error: { reason: 'amount' } });
    expect(bad({ amount: { amount: 100, currency: 'USD' } })).toMatchObject({
      ok: false,
      error: { reason: 'currency' },
    });
    expect(bad({ paidOn: '2026-11-25' })).toMatchObject({ ok: false, error: { reason: 'date' } });
    expect(bad({ paidOn: '2026-02-30' })).toMatchObject({ ok: false, error: { reason: 'date' } });
    expect(bad({ reference: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { reason: 'reference' } });
    expect(bad({ reference: '  ' })).toMatchObject({ ok: true, value: { reference: null } });
  });
});
