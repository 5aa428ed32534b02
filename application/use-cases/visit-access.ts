import { emptyCatalog, type Unit } from '../../domain/catalog/catalog.ts';
import { atStage, type Lead, type Visit } from '../../domain/lead/lead.ts';
import type { UnitId, VisitId } from '../../domain/shared/ids.ts';
import { stageAfterRelease } from '../../domain/visit/funnel.ts';
import { releaseUnit, type Reservation } from '../../domain/visit/reservation.ts';
import type { Actor } from '../ports/actor.ts';
import type { Repositories, Transaction } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';

export type VisitNotFound = { readonly type: 'VisitNotFound'; readonly visitId: VisitId };
export type UnitNotFound = { readonly type: 'UnitNotFound'; readonly unitId: UnitId };

/** The visit with its lead if the actor may see the lead (advisors: their own leads), else `null`: no leak. */
export const visibleVisit = async (
  repos: Repositories,
  actor: Actor,
  visitId: VisitId,
): Promise<{ visit: Visit; lead: Lead } | null> => {
  const visit = await repos.visits.byId(visitId);
  if (visit === null) return null;
  const lead = await visibleLead(repos, actor, visit.leadId);
  return lead === null ? null : { visit, lead };
};

/** How reservations name who asked or authorised. */
export const actorName = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : 'bootstrap-admin');

export const findUnit = async (repos: Repositories, unitId: UnitId): Promise<Unit | null> =>
  (await repos.catalog.all()).units.find((u) => u.id === unitId) ?? null;

/** Stores a unit's new status (the catalogue upsert replaces that unit only). */
export const saveUnit = (repos: Repositories, unit: Unit): Promise<void> =>
  repos.catalog.upsert({ ...emptyCatalog, units: [unit] });

/**
 * Stores a reservation that ended (cancelled or expired) and lets its unit go; a visit still separated by it goes
 * back to the furthest stage its history shows (`stageAfterRelease`). Records `visit_changed`.
 */
export const endReservation = async (repos: Transaction, ended: Reservation): Promise<void> => {
  await repos.reservations.save(ended);
  const unit = await findUnit(repos, ended.unitId);
  if (unit !== null && unit.status !== 'available') await saveUnit(repos, releaseUnit(unit));
  const visit = await repos.visits.byId(ended.visitId);
  if (visit !== null && visit.stage === 'reserved') {
    const history = {
      hasQuotes: (await repos.quotes.byVisit(visit.id)).length > 0,
      hadAppointment: (await repos.appointments.byVisit(visit.id)).length > 0,
      stageBefore: ended.stageBefore,
    };
    await repos.visits.save(atStage(visit, stageAfterRelease(history)));
  }
  repos.events.record({ type: 'visit_changed', leadId: ended.leadId, visitId: ended.visitId });
};
