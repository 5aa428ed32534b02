import type { UserId } from '../../domain/shared/ids.ts';
import type { DeskEvent } from '../ports/events.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Who hears a live event besides managers and admins, who hear everything: the advisors it concerns. */
export type EventAudience = { readonly advisorIds: readonly UserId[] };

/** Nobody but managers and admins (events of conversations with no lead yet). */
export const MANAGERS_ONLY: EventAudience = { advisorIds: [] };

/** Whether this caller may hear an event with this audience. */
export const hears = (actor: Actor, audience: EventAudience): boolean =>
  seesAllLeads(actor) || (actor.kind === 'user' && audience.advisorIds.includes(actor.userId));

/**
 * The audience of a live event, worked out once per event however many streams are open: an advisor hears
 * events about leads assigned to them (an assignment to them included); events of conversations with no
 * lead yet (the bot still talking to an unregistered number) go to managers and admins only. One read at most.
 */
export class ResolveEventAudience {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ event }: { readonly event: DeskEvent }): Promise<EventAudience> {
    // The deactivated user hears it (their streams end), besides managers and admins.
    if (event.type === 'user_deactivated') return { advisorIds: [event.userId] };
    if (event.leadId === null) return MANAGERS_ONLY;
    const named = 'advisorId' in event && event.advisorId !== null ? [event.advisorId] : [];
    const leadId = event.leadId;
    const lead = await this.uow.single((repos) => repos.leads.byId(leadId));
    const owner = lead?.advisorId ?? null;
    return { advisorIds: owner === null || named.includes(owner) ? named : [...named, owner] };
  }
}
