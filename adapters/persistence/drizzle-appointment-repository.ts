import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { AppointmentRepository } from '../../application/ports/appointment-repository.ts';
import { asId, type LeadId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import type { Db } from './drizzle-db.ts';
import { replaceAllBut, toDate, toInstant } from './rows.ts';
import { appointments } from './schema.ts';

type AppointmentRow = typeof appointments.$inferSelect;

export const toAppointment = (row: AppointmentRow): Appointment => ({
  id: asId<AppointmentId>(row.id),
  visitId: asId<VisitId>(row.visitId),
  leadId: asId<LeadId>(row.leadId),
  advisorId: asId<UserId>(row.advisorId),
  startsAt: toInstant(row.startsAt),
  endsAt: toInstant(row.endsAt),
  note: row.note,
  createdAt: toInstant(row.createdAt),
});

export const toAppointmentRow = (a: Appointment): typeof appointments.$inferInsert => ({
  id: a.id,
  visitId: a.visitId,
  leadId: a.leadId,
  advisorId: a.advisorId,
  startsAt: toDate(a.startsAt),
  endsAt: toDate(a.endsAt),
  note: a.note,
  createdAt: toDate(a.createdAt),
});

export class DrizzleAppointmentRepository implements AppointmentRepository {
  constructor(private readonly db: Db) {}

  async save(appointment: Appointment): Promise<void> {
    await this.db
      .insert(appointments)
      .values(toAppointmentRow(appointment))
      .onConflictDoUpdate({ target: appointments.id, set: replaceAllBut(appointments) });
  }

  async byAdvisorBetween(advisorId: UserId, from: Instant, to: Instant): Promise<Appointment[]> {
    const rows = await this.db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.advisorId, advisorId),
          lt(appointments.startsAt, toDate(to)),
          gt(appointments.endsAt, toDate(from)),
        ),
      )
      .orderBy(asc(appointments.startsAt), asc(appointments.id));
    return rows.map(toAppointment);
  }

  async byVisit(visitId: VisitId): Promise<Appointment[]> {
    const rows = await this.db
      .select()
      .from(appointments)
      .where(eq(appointments.visitId, visitId))
      .orderBy(asc(appointments.startsAt), asc(appointments.id));
    return rows.map(toAppointment);
  }

  /** A transaction-scoped advisory lock on the advisor's agenda: released by the commit or rollback. */
  async lockAdvisorAgenda(advisorId: UserId): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`agenda:${advisorId}`}))::text`);
  }
}
