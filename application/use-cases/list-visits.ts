import type { Visit } from '../../domain/lead/lead.ts';
import type { LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead, type LeadNotFound } from './lead-access.ts';

export type ListVisitsInput = { readonly actor: Actor; readonly leadId: LeadId };

/** A lead's visits (one per project of interest), most recent first. */
export class ListVisits {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ListVisitsInput): Promise<Result<Visit[], LeadNotFound>> {
    return this.uow.transaction(async (repos) => {
      const lead = await visibleLead(repos, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId } as const);
      return ok(await repos.visits.byLead(lead.id));
    });
  }
}
