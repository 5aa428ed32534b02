import { atStage, type Visit, type VisitStage } from '../../domain/lead/lead.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { moveStage, type InvalidStageTransition } from '../../domain/visit/funnel.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

export type ChangeVisitStageInput = { readonly actor: Actor; readonly visitId: VisitId; readonly stage: VisitStage };

/** `reserved` and `authorised` follow a reservation; they are not set by hand. */
export type StageSetByReservation = { readonly type: 'StageSetByReservation'; readonly stage: VisitStage };

export type ChangeVisitStageError = VisitNotFound | InvalidStageTransition | StageSetByReservation;

/** Moves a visit along the funnel by hand (contacted, appointment, lost), only along valid transitions. */
export class ChangeVisitStage {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ChangeVisitStageInput): Promise<Result<Visit, ChangeVisitStageError>> {
    if (input.stage === 'reserved' || input.stage === 'authorised')
      return err({ type: 'StageSetByReservation', stage: input.stage });
    const outcome = await this.uow.transaction(async (tx): Promise<Result<Visit, ChangeVisitStageError>> => {
      const found = await visibleVisit(tx, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
      const moved = moveStage(found.visit.stage, input.stage);
      if (!moved.ok) return moved;
      const visit = atStage(found.visit, moved.value);
      await tx.visits.save(visit);
      tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
      return ok(visit);
    });
    return outcome;
  }
}
