import type { DeskEvent } from '../ports/events.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type CanSeeLeadEventsInput = { readonly actor: Actor; readonly event: DeskEvent };

/**
 * Whether a live event may go to this caller: managers and admins hear everything; an advisor only
 * events about leads assigned to them (an assignment to them included). Events of conversations with
 * no lead yet (the bot still talking to an unregistered number) go to managers and admins only.
 */
export class CanSeeLeadEvents {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, event }: CanSeeLeadEventsInput): Promise<boolean> {
    if (seesAllLeads(actor)) return true;
    if (event.type === 'user_deactivated') return actor.kind === 'user' && event.userId === actor.userId;
    if (actor.kind !== 'user' || event.leadId === null) return false;
    if ((event.type === 'lead_assigned' || event.type === 'lead_registered') && event.advisorId === actor.userId) return true;
    const leadId = event.leadId;
    const lead = await this.uow.transaction((repos) => repos.leads.byId(leadId));
    return lead !== null && lead.advisorId === actor.userId;
  }
}
