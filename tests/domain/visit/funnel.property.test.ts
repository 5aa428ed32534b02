import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitStage } from '../../../domain/lead/lead.ts';
import {
  canMove,
  FUNNEL,
  isBeforeReservation,
  isFinal,
  moveStage,
  stageAfterRelease,
  VISIT_STAGES,
  type MoveContext,
} from '../../../domain/visit/funnel.ts';

const stage = fc.constantFrom(...VISIT_STAGES);
const context: fc.Arbitrary<MoveContext> = fc.record({
  byReservation: fc.boolean(),
  held: fc.constantFrom('requested' as const, 'authorised' as const, 'confirmed' as const, null),
});
const rank = (s: VisitStage) => FUNNEL.indexOf(s);
const SALES_STAGES = VISIT_STAGES.filter((s) => !isFinal(s));

describe('the visit funnel', () => {
  it('keeps any sequence of attempted moves valid: forward only, each stage reached the way its rule says', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(stage, context), { maxLength: 40 }), (attempts) => {
        let current: VisitStage = 'new';
        for (const [to, ctx] of attempts) {
          const moved = moveStage(current, to, ctx);
          if (!moved.ok) {
            expect(moved.error).toEqual({ type: 'InvalidStageTransition', from: current, to });
            continue;
          }
          expect(isFinal(current)).toBe(false);
          if (to !== 'lost' && to !== 'withdrawn') expect(rank(to)).toBeGreaterThan(rank(current));
          if (to === 'reserved') expect([ctx.byReservation, isBeforeReservation(current)]).toEqual([true, true]);
          if (to === 'promise') expect([current, ctx.held]).toEqual(['reserved', 'authorised']);
          if (to === 'deeded') expect(current).toBe('promise');
          if (to === 'delivered') expect(current).toBe('deeded');
          if (isBeforeReservation(to)) expect(isBeforeReservation(current)).toBe(true);
          current = moved.value;
        }
      }),
    );
  });

  it('never leaves a final stage and never stays put', () => {
    fc.assert(
      fc.property(stage, stage, context, (from, to, ctx) => !(isFinal(from) || from === to) || !canMove(from, to, ctx)),
    );
  });

  it('withdraws and loses from every stage that is not final, whatever the reservation', () => {
    fc.assert(
      fc.property(stage, context, (from, ctx) => {
        expect(canMove(from, 'withdrawn', ctx)).toBe(!isFinal(from));
        expect(canMove(from, 'lost', ctx)).toBe(!isFinal(from));
      }),
    );
    expect(SALES_STAGES).toEqual([
      'new',
      'contacted',
      'appointment',
      'visited',
      'quoted',
      'reserved',
      'promise',
      'deeded',
    ]);
  });

  it('walks the whole funnel, each stage reached the way its rule says', () => {
    const walk: [VisitStage, MoveContext][] = [
      ['contacted', { byReservation: false, held: null }],
      ['appointment', { byReservation: false, held: null }],
      ['visited', { byReservation: false, held: null }],
      ['quoted', { byReservation: false, held: null }],
      ['reserved', { byReservation: true, held: null }],
      ['promise', { byReservation: false, held: 'authorised' }],
      ['deeded', { byReservation: false, held: 'confirmed' }],
      ['delivered', { byReservation: false, held: 'confirmed' }],
    ];
    let current: VisitStage = 'new';
    for (const [to, ctx] of walk) {
      expect(canMove(current, to, ctx), `${current} → ${to}`).toBe(true);
      current = to;
    }
    expect(isFinal(current)).toBe(true);
  });

  it('skips stages before the reservation, never after it, and never separates by hand', () => {
    expect(canMove('new', 'quoted')).toBe(true);
    expect(canMove('contacted', 'visited')).toBe(true);
    expect(canMove('quoted', 'reserved')).toBe(false);
    expect(canMove('quoted', 'reserved', { byReservation: true, held: null })).toBe(true);
    expect(canMove('reserved', 'promise', { byReservation: false, held: 'requested' })).toBe(false);
    expect(canMove('reserved', 'deeded', { byReservation: false, held: 'authorised' })).toBe(false);
    expect(canMove('quoted', 'promise', { byReservation: false, held: 'authorised' })).toBe(false);
    expect(canMove('promise', 'delivered')).toBe(false);
    expect(canMove('reserved', 'quoted')).toBe(false);
    expect(canMove('promise', 'reserved', { byReservation: true, held: null })).toBe(false);
  });
});

describe('where a visit goes back when its reservation ends', () => {
  const history = fc.record({
    hasQuotes: fc.boolean(),
    hadAppointment: fc.boolean(),
    stageBefore: fc.constantFrom(...VISIT_STAGES.filter(isBeforeReservation)),
  });

  it('goes to a stage before the reservation, never behind the one it reserved from, quoted when it has quotes', () => {
    fc.assert(
      fc.property(history, (h) => {
        const back = stageAfterRelease(h);
        expect(isBeforeReservation(back)).toBe(true);
        expect(rank(back)).toBeGreaterThanOrEqual(rank(h.stageBefore));
        if (h.hasQuotes) expect(back).toBe('quoted');
        if (!h.hasQuotes && h.hadAppointment) expect(rank(back)).toBeGreaterThanOrEqual(rank('appointment'));
        if (!h.hasQuotes && !h.hadAppointment) expect(back).toBe(h.stageBefore);
      }),
    );
  });

  it('reads as the sales room expects', () => {
    expect(stageAfterRelease({ hasQuotes: true, hadAppointment: true, stageBefore: 'new' })).toBe('quoted');
    expect(stageAfterRelease({ hasQuotes: false, hadAppointment: true, stageBefore: 'contacted' })).toBe('appointment');
    expect(stageAfterRelease({ hasQuotes: false, hadAppointment: false, stageBefore: 'contacted' })).toBe('contacted');
    expect(stageAfterRelease({ hasQuotes: false, hadAppointment: false, stageBefore: 'new' })).toBe('new');
  });
});
