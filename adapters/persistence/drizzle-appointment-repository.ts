import { and, asc, eq, gt, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { AppointmentRepository } from '../../application/ports/appointment-repository.ts';
import { asId, type LeadId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import { reminderDueAt } from '../../domain/visit/appointment-reminder.ts';
import { reminderCodec } from './codecs/reminder-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut, toDate, toInstant } from './rows.ts';
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
  status: row.status,
  reminder: reminderCodec.decode(row.reminder),
});

export const toAppointmentRow = (a: Appointment): typeof appointments.$inferInsert => {
  const due = reminderDueAt(a.reminder);
  return {
    id: a.id,
    visitId: a.visitId,
    leadId: a.leadId,
    advisorId: a.advisorId,
    startsAt: toDate(a.startsAt),
    endsAt: toDate(a.endsAt),
    note: a.note,
    createdAt: toDate(a.createdAt),
    status: a.status,
    reminder: reminderCodec.encode(a.reminder),
    reminderDueAt: due === null ? null : toDate(due),
  };
};

export class DrizzleAppointmentRepository implements AppointmentRepository {
  constructor(private readonly db: Db) {}

  async save(appointment: Appointment): Promise<void> {
    await this.db
      .insert(appointments)
      .values(toAppointmentRow(appointment))
      .onConflictDoUpdate({ target: appointments.id, set: replaceAllBut(appointments) });
  }

  async byId(id: AppointmentId): Promise<Appointment | null> {
    const row = first(await this.db.select().from(appointments).where(eq(appointments.id, id)));
    return row === null ? null : toAppointment(row);
  }

  async byIdForUpdate(id: AppointmentId): Promise<Appointment | null> {
    const row = first(await this.db.select().from(appointments).where(eq(appointments.id, id)).for('update'));
    return row === null ? null : toAppointment(row);
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

  /**
   * `SKIP LOCKED` passes over a row another worker holds; a row another worker handled and committed since this
   * statement's snapshot is re-checked on its new version (read committed), whose `reminder_due_at` is null.
   */
  async claimDueReminder(now: Instant): Promise<Appointment | null> {
    const row = first(
      await this.db
        .select()
        .from(appointments)
        .where(and(isNotNull(appointments.reminderDueAt), lte(appointments.reminderDueAt, toDate(now))))
        .orderBy(asc(appointments.reminderDueAt), asc(appointments.id))
        .limit(1)
        .for('update', { skipLocked: true }),
    );
    return row === null ? null : toAppointment(row);
  }
}
