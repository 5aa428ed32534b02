import { atStage, type Visit, type VisitStage } from '../../domain/lead/lead.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { InvalidStageTransition } from '../../domain/visit/funnel.ts';
import { isActive, releaseUnit, sellUnit } from '../../domain/visit/reservation.ts';
import { changeStage } from '../../domain/visit/stage-change.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { findUnit, saveUnit, visibleVisit, type VisitNotFound } from './visit-access.ts';

export type ChangeVisitStageInput = { readonly actor: Actor; readonly visitId: VisitId; readonly stage: VisitStage };

/** `reserved` follows a reservation; it is not set by hand. */
export type StageSetByReservation = { readonly type: 'StageSetByReservation'; readonly stage: VisitStage };

export type ChangeVisitStageError = VisitNotFound | InvalidStageTransition | StageSetByReservation;

/**
 * Moves a visit along the funnel by hand, only along valid transitions (`changeStage`): `promise` (the promesa
 * signed) confirms the authorised reservation and sells its unit; `withdrawn` and `lost` cancel the visit's
 * reservation and release its unit.
 */
export class ChangeVisitStage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangeVisitStageInput): Promise<Result<Visit, ChangeVisitStageError>> {
    if (input.stage === 'reserved') return err({ type: 'StageSetByReservation', stage: input.stage });
    return this.uow.transaction(async (tx): Promise<Result<Visit, ChangeVisitStageError>> => {
      const found = await visibleVisit(tx, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
      const held = (await tx.reservations.byVisit(found.visit.id)).find(isActive) ?? null;
      const change = changeStage(found.visit.stage, input.stage, held, this.clock.now());
      if (!change.ok) return change;
      const { reservation, unit: effect } = change.value;
      if (reservation !== null) {
        await tx.reservations.save(reservation);
        const unit = await findUnit(tx, reservation.unitId);
        if (unit !== null && effect !== 'keep')
          await saveUnit(tx, effect === 'sell' ? sellUnit(unit) : releaseUnit(unit));
      }
      const visit = atStage(found.visit, change.value.stage);
      await tx.visits.save(visit);
      tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
      return ok(visit);
    });
  }
}
