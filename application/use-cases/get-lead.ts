import type { LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConsentRecord } from '../ports/lead-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { summarise, visibleLead, type LeadNotFound, type LeadSummary } from './lead-access.ts';

export type GetLeadInput = { readonly actor: Actor; readonly leadId: LeadId };

/** The lead with its consent history (the evidence of each consent given, oldest first). */
export type LeadDetail = LeadSummary & { readonly consents: readonly ConsentRecord[] };

/**
 * One lead with its WhatsApp reachability, window, bot step and consent history; `LeadNotFound` also for leads
 * the actor may not see.
 */
export class GetLead {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetLeadInput): Promise<Result<LeadDetail, LeadNotFound>> {
    return this.uow.transaction(async (repos) => {
      const lead = await visibleLead(repos, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId } as const);
      return ok({
        ...(await summarise(repos, lead, this.clock.now())),
        consents: await repos.leads.consentsOf(lead.id),
      });
    });
  }
}
