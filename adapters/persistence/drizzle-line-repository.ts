import { asc, eq } from 'drizzle-orm';
import type { LineRepository } from '../../application/ports/configuration.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { asId, type AdvisorGroupId, type LineId, type ProjectId } from '../../domain/shared/ids.ts';
import type { Db } from './drizzle-db.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut } from './rows.ts';
import { businessLines } from './schema.ts';

type LineRow = typeof businessLines.$inferSelect;

export const toLine = (row: LineRow): BusinessLine => ({
  id: asId<LineId>(row.id),
  phoneNumberId: row.phoneNumberId,
  displayNumber: row.displayNumber,
  name: row.name,
  advisorGroupId: asId<AdvisorGroupId>(row.advisorGroupId),
  projectIds: row.projectIds.map((id) => asId<ProjectId>(id)),
  assignQuotedLeads: row.assignQuotedLeads,
  formality: row.formality,
  botQuotesForRegistered: row.botQuotesForRegistered,
});

export const toLineRow = (line: BusinessLine): typeof businessLines.$inferInsert => ({
  id: line.id,
  phoneNumberId: line.phoneNumberId,
  displayNumber: line.displayNumber,
  name: line.name,
  advisorGroupId: line.advisorGroupId,
  projectIds: [...line.projectIds],
  assignQuotedLeads: line.assignQuotedLeads,
  formality: line.formality,
  botQuotesForRegistered: line.botQuotesForRegistered,
});

export class DrizzleLineRepository implements LineRepository {
  constructor(private readonly db: Db) {}

  async byId(id: LineId): Promise<BusinessLine | null> {
    const row = first(await this.db.select().from(businessLines).where(eq(businessLines.id, id)));
    return row === null ? null : toLine(row);
  }

  async byPhoneNumberId(phoneNumberId: string): Promise<BusinessLine | null> {
    const row = first(await this.db.select().from(businessLines).where(eq(businessLines.phoneNumberId, phoneNumberId)));
    return row === null ? null : toLine(row);
  }

  async list(): Promise<BusinessLine[]> {
    return (await this.db.select().from(businessLines).orderBy(asc(businessLines.seq))).map(toLine);
  }

  async save(line: BusinessLine): Promise<void> {
    await conflictOnUnique(
      'line',
      () => `phone-number id ${line.phoneNumberId}`,
      () =>
        this.db
          .insert(businessLines)
          .values(toLineRow(line))
          .onConflictDoUpdate({ target: businessLines.id, set: replaceAllBut(businessLines) }),
    );
  }
}
