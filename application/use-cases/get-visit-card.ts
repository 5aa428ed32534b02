import { type LeadNote, NOTES_SHOWN } from '../../domain/visit/lead-note.ts';
import type { Unit } from '../../domain/catalog/catalog.ts';
import type { Lead, Visit } from '../../domain/lead/lead.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Appointment } from '../../domain/visit/appointment.ts';
import type { Reservation } from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

export type GetVisitCardInput = { readonly actor: Actor; readonly visitId: VisitId };

/** What the visit card shows: the stage, the project's units with their status, appointments, reservations and quotes. */
export type VisitCard = {
  readonly visit: Visit;
  readonly lead: Lead;
  readonly units: readonly Unit[];
  readonly appointments: readonly Appointment[];
  readonly reservations: readonly Reservation[];
  /** Newest first, so the advisor can resend any of them. */
  readonly quotes: readonly QuoteRecord[];
  /** What the lead asked the bot about this visit, for the advisor to answer; newest first. */
  readonly notes: readonly LeadNote[];
};

/** One visit's card; `VisitNotFound` also for visits of leads the actor may not see. */
export class GetVisitCard {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: GetVisitCardInput): Promise<Result<VisitCard, VisitNotFound>> {
    return this.uow.transaction(async (repos) => {
      const found = await visibleVisit(repos, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId } as const);
      const { visit, lead } = found;
      const units = (await repos.catalog.all()).units.filter((u) => u.projectId === visit.projectId);
      return ok({
        visit,
        lead,
        units,
        appointments: await repos.appointments.byVisit(visit.id),
        reservations: await repos.reservations.byVisit(visit.id),
        quotes: [...(await repos.quotes.byVisit(visit.id))].sort((a, b) => b.quote.issuedAt - a.quote.issuedAt),
        notes: await repos.visits.notes(lead.id, visit.id, NOTES_SHOWN),
      });
    });
  }
}
