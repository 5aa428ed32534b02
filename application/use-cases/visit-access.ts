import { emptyCatalog, type Unit } from '../../domain/catalog/catalog.ts';
import type { Lead, Visit } from '../../domain/lead/lead.ts';
import type { UnitId, VisitId } from '../../domain/shared/ids.ts';
import type { Actor } from '../ports/actor.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
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
