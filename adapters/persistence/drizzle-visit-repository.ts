import { desc, eq } from 'drizzle-orm';
import type { VisitRepository } from '../../application/ports/visit-repository.ts';
import type { Visit } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type ProjectId, type UnitTypeId, type VisitId } from '../../domain/shared/ids.ts';
import { searchCriteriaCodec } from './codecs/search-criteria-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut, toDate, toInstant } from './rows.ts';
import { visits } from './schema.ts';

type VisitRow = typeof visits.$inferSelect;

export const toVisit = (row: VisitRow): Visit => ({
  id: asId<VisitId>(row.id),
  leadId: asId<LeadId>(row.leadId),
  projectId: row.projectId === null ? null : asId<ProjectId>(row.projectId),
  unitTypeId: row.unitTypeId === null ? null : asId<UnitTypeId>(row.unitTypeId),
  criteria: searchCriteriaCodec.decode(row.criteria),
  stage: row.stage,
  createdAt: toInstant(row.createdAt),
});

export const toVisitRow = (visit: Visit): typeof visits.$inferInsert => ({
  id: visit.id,
  leadId: visit.leadId,
  projectId: visit.projectId,
  unitTypeId: visit.unitTypeId,
  criteria: searchCriteriaCodec.encode(visit.criteria),
  stage: visit.stage,
  createdAt: toDate(visit.createdAt),
});

export class DrizzleVisitRepository implements VisitRepository {
  constructor(private readonly db: Db) {}

  async byId(id: VisitId): Promise<Visit | null> {
    const row = first(await this.db.select().from(visits).where(eq(visits.id, id)));
    return row === null ? null : toVisit(row);
  }

  /** Most recent first; at equal times the later stored first. */
  async byLead(leadId: LeadId): Promise<Visit[]> {
    const rows = await this.db
      .select()
      .from(visits)
      .where(eq(visits.leadId, leadId))
      .orderBy(desc(visits.createdAt), desc(visits.seq));
    return rows.map(toVisit);
  }

  async save(visit: Visit): Promise<void> {
    await this.db
      .insert(visits)
      .values(toVisitRow(visit))
      .onConflictDoUpdate({ target: visits.id, set: replaceAllBut(visits) });
  }
}
