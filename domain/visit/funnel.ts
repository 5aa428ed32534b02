import type { VisitStage } from '../lead/lead.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** The funnel in order; `lost` stands outside it and is reachable from any stage that is not final. */
export const FUNNEL: readonly VisitStage[] = ['new', 'contacted', 'appointment', 'reserved', 'authorised'];
export const VISIT_STAGES: readonly VisitStage[] = [...FUNNEL, 'lost'];

export type InvalidStageTransition = {
  readonly type: 'InvalidStageTransition';
  readonly from: VisitStage;
  readonly to: VisitStage;
};

/** A visit that was authorised or lost moves no more. */
export const isFinal = (stage: VisitStage): boolean => stage === 'authorised' || stage === 'lost';

/**
 * Whether a visit may move from `from` to `to`: forward along the funnel (skipping stages is allowed, as a lead
 * may book an appointment at first contact), except that `authorised` follows `reserved` only; `lost` from any
 * stage that is not final. Never backwards, never to the same stage.
 */
export const canMove = (from: VisitStage, to: VisitStage): boolean => {
  if (isFinal(from) || from === to) return false;
  if (to === 'lost') return true;
  if (to === 'authorised') return from === 'reserved';
  return FUNNEL.indexOf(to) > FUNNEL.indexOf(from);
};

/** The next stage, or `InvalidStageTransition`. */
export const moveStage = (from: VisitStage, to: VisitStage): Result<VisitStage, InvalidStageTransition> =>
  canMove(from, to) ? ok(to) : err({ type: 'InvalidStageTransition', from, to });

/** Moves to `to` when allowed, else stays (scheduling an appointment for a reserved visit keeps it reserved). */
export const advanceIfAllowed = (from: VisitStage, to: VisitStage): VisitStage => (canMove(from, to) ? to : from);
