import { newVisit, type Visit } from '../../domain/lead/lead.ts';
import type { LeadId, ProjectId, UnitTypeId, VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { isFinal } from '../../domain/visit/funnel.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead, type LeadNotFound } from './lead-access.ts';

export type OpenVisitInput = {
  readonly actor: Actor;
  readonly leadId: LeadId;
  readonly projectId: ProjectId;
  readonly unitTypeId?: UnitTypeId;
};

export type OpenVisitError =
  | LeadNotFound
  | { readonly type: 'ProjectNotFound'; readonly projectId: ProjectId }
  | { readonly type: 'UnitTypeNotFound'; readonly unitTypeId: UnitTypeId }
  | { readonly type: 'VisitAlreadyExists'; readonly visitId: VisitId };

/**
 * Opens a visit for a project the lead is interested in. A lead has at most one open visit per project; once it is
 * final (delivered, withdrawn, lost) the lead may come back: a new visit opens, and the old one keeps its history.
 */
export class OpenVisit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: OpenVisitInput): Promise<Result<Visit, OpenVisitError>> {
    const outcome = await this.uow.transaction(async (tx): Promise<Result<Visit, OpenVisitError>> => {
      const lead = await visibleLead(tx, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
      const catalog = await tx.catalog.all();
      if (!catalog.projects.some((p) => p.id === input.projectId))
        return err({ type: 'ProjectNotFound', projectId: input.projectId });
      const { unitTypeId } = input;
      if (
        unitTypeId !== undefined &&
        !catalog.unitTypes.some((t) => t.id === unitTypeId && t.projectId === input.projectId)
      )
        return err({ type: 'UnitTypeNotFound', unitTypeId });
      const existing = (await tx.visits.byLead(lead.id)).find(
        (v) => v.projectId === input.projectId && !isFinal(v.stage),
      );
      if (existing !== undefined) return err({ type: 'VisitAlreadyExists', visitId: existing.id });
      const visit = newVisit({
        id: this.ids.next('visit'),
        leadId: lead.id,
        projectId: input.projectId,
        unitTypeId: unitTypeId ?? null,
        criteria: {},
        at: this.clock.now(),
      });
      await tx.visits.save(visit);
      tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
      return ok(visit);
    });
    return outcome;
  }
}
