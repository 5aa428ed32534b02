import { and, desc, eq } from 'drizzle-orm';
import type { VisitRepository } from '../../application/ports/visit-repository.ts';
import type { Visit } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type ProjectId, type UnitTypeId, type VisitId } from '../../domain/shared/ids.ts';
import type { LeadNote } from '../../domain/visit/lead-note.ts';
import { searchCriteriaCodec } from './codecs/search-criteria-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut, toDate, toInstant } from './rows.ts';
import { leadNotes, visits } from './schema.ts';

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

  async addNote(note: LeadNote): Promise<void> {
    await this.db
      .insert(leadNotes)
      .values({ leadId: note.leadId, visitId: note.visitId, text: note.text, at: toDate(note.at) });
  }

  async notes(leadId: LeadId, visitId: VisitId | null, limit: number): Promise<LeadNote[]> {
    const rows = await this.db
      .select()
      .from(leadNotes)
      .where(and(eq(leadNotes.leadId, leadId), visitId === null ? undefined : eq(leadNotes.visitId, visitId)))
      .orderBy(desc(leadNotes.id))
      .limit(limit);
    return rows.map((r) => ({
      leadId: asId<LeadId>(r.leadId),
      visitId: r.visitId === null ? null : asId<VisitId>(r.visitId),
      text: r.text,
      at: toInstant(r.at),
    }));
  }

  async eraseNotes(leadId: LeadId): Promise<void> {
    await this.db.delete(leadNotes).where(eq(leadNotes.leadId, leadId));
  }
}
