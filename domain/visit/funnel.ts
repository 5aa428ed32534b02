import type { VisitStage } from '../lead/lead.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** Every stage, the funnel's order first (a tuple, for the API's enums). */
export const VISIT_STAGES = [
  'new',
  'contacted',
  'appointment',
  'visited',
  'quoted',
  'reserved',
  'promise',
  'deeded',
  'delivered',
  'withdrawn',
  'lost',
] as const satisfies readonly VisitStage[];

/** Fails to compile when a stage is added to `VisitStage` and not to `VISIT_STAGES`. */
export type EveryStageListed = Exclude<VisitStage, (typeof VISIT_STAGES)[number]> extends never ? true : never;
export const everyStageListed: EveryStageListed = true;

/** The funnel in order; `withdrawn` (desistido) and `lost` (perdido) stand outside it. */
export const FUNNEL: readonly VisitStage[] = VISIT_STAGES.filter((s) => s !== 'withdrawn' && s !== 'lost');

const rank = (stage: VisitStage): number => FUNNEL.indexOf(stage);
const RESERVED = rank('reserved');

export type InvalidStageTransition = {
  readonly type: 'InvalidStageTransition';
  readonly from: VisitStage;
  readonly to: VisitStage;
};

/** A delivered, withdrawn or lost visit moves no more (a lead who comes back opens a new visit). */
export const isFinal = (stage: VisitStage): boolean =>
  stage === 'delivered' || stage === 'withdrawn' || stage === 'lost';

/** Before the unit is separated: the stages a visit may skip between, and go back to when a reservation ends. */
export const isBeforeReservation = (stage: VisitStage): boolean => rank(stage) >= 0 && rank(stage) < RESERVED;

/** Moving there lets go of the unit the visit holds: its active reservation is cancelled. */
export const releasesUnit = (to: VisitStage): boolean => to === 'withdrawn' || to === 'lost';

/**
 * What a move knows besides the two stages: whether a reservation makes it (only a reservation separates a unit),
 * and the status of the reservation the visit holds, if any.
 */
export type MoveContext = {
  readonly byReservation: boolean;
  readonly held: 'requested' | 'authorised' | 'confirmed' | null;
};

/** A move an advisor makes by hand, the visit holding no reservation. */
export const BY_HAND: MoveContext = { byReservation: false, held: null };

/**
 * Whether a visit may move from `from` to `to`. Forward along the funnel, skipping stages before `reserved` (a lead
 * may book an appointment at first contact, or be quoted before any visit); `reserved` only by a reservation;
 * `promise` only from `reserved` with the reservation authorised; `deeded` after `promise`, `delivered` after
 * `deeded`. `withdrawn` and `lost` from any stage that is not final. Never backwards by hand, never to the same
 * stage (a reservation that ends moves the visit back: `stageAfterRelease`).
 */
export const canMove = (from: VisitStage, to: VisitStage, context: MoveContext = BY_HAND): boolean => {
  if (isFinal(from) || from === to) return false;
  if (releasesUnit(to)) return true;
  if (to === 'reserved') return context.byReservation && isBeforeReservation(from);
  if (to === 'promise') return from === 'reserved' && context.held === 'authorised';
  if (to === 'deeded') return from === 'promise';
  if (to === 'delivered') return from === 'deeded';
  return isBeforeReservation(from) && rank(to) > rank(from);
};

/** The next stage, or `InvalidStageTransition`. */
export const moveStage = (
  from: VisitStage,
  to: VisitStage,
  context: MoveContext = BY_HAND,
): Result<VisitStage, InvalidStageTransition> =>
  canMove(from, to, context) ? ok(to) : err({ type: 'InvalidStageTransition', from, to });

/** Moves to `to` when allowed, else stays (scheduling an appointment for a quoted visit keeps it quoted). */
export const advanceIfAllowed = (from: VisitStage, to: VisitStage): VisitStage => (canMove(from, to) ? to : from);

/** What the visit's history shows when its reservation ends. */
export type VisitHistory = {
  readonly hasQuotes: boolean;
  readonly hadAppointment: boolean;
  /** The stage the visit was at when the unit was reserved. */
  readonly stageBefore: VisitStage;
};

/**
 * Where a visit goes back to when its reservation is cancelled or expires: the furthest stage its history shows —
 * `quoted` if it has quotes, `appointment` if it had one, else the stage it was at when the unit was reserved
 * (`new` or `contacted`, say); never further than the history shows.
 */
export const stageAfterRelease = (history: VisitHistory): VisitStage => {
  const before = isBeforeReservation(history.stageBefore) ? history.stageBefore : 'contacted';
  const shown: VisitStage[] = [before];
  if (history.hasQuotes) shown.push('quoted');
  if (history.hadAppointment) shown.push('appointment');
  return shown.reduce((a, b) => (rank(b) > rank(a) ? b : a));
};
