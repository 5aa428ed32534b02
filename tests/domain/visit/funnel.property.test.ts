import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitStage } from '../../../domain/lead/lead.ts';
import { canMove, FUNNEL, isFinal, moveStage, VISIT_STAGES } from '../../../domain/visit/funnel.ts';

const stage = fc.constantFrom(...VISIT_STAGES);
const rank = (s: VisitStage) => FUNNEL.indexOf(s);

describe('the visit funnel', () => {
  it('keeps any sequence of attempted moves valid: forward only, lost and authorised final', () => {
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 30 }), (attempts) => {
        let current: VisitStage = 'new';
        for (const to of attempts) {
          const moved = moveStage(current, to);
          if (!moved.ok) {
            expect(moved.error).toEqual({ type: 'InvalidStageTransition', from: current, to });
            continue;
          }
          expect(isFinal(current)).toBe(false);
          if (to !== 'lost') expect(rank(to)).toBeGreaterThan(rank(current));
          if (to === 'authorised') expect(current).toBe('reserved');
          current = moved.value;
        }
      }),
    );
  });

  it('never leaves a final stage and never stays put', () => {
    fc.assert(fc.property(stage, stage, (from, to) => !(isFinal(from) || from === to) || !canMove(from, to)));
  });

  it('walks the whole funnel step by step, and loses from any stage that is not final', () => {
    for (let i = 0; i + 1 < FUNNEL.length; i++)
      expect(canMove(FUNNEL[i] as VisitStage, FUNNEL[i + 1] as VisitStage)).toBe(true);
    expect(VISIT_STAGES.filter((s) => canMove(s, 'lost'))).toEqual(['new', 'contacted', 'appointment', 'reserved']);
    expect(canMove('appointment', 'authorised')).toBe(false);
    expect(canMove('reserved', 'contacted')).toBe(false);
  });
});
