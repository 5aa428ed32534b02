import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

export interface AppointmentRepository {
  /** Inserts or replaces by id; throws only on infrastructure failure. */
  save(appointment: Appointment): Promise<void>;
  /** Returns `null` when absent. */
  byId(id: AppointmentId): Promise<Appointment | null>;
  /**
   * As `byId`, the row then locked until the transaction ends (a reminder being sent finishes first, and its
   * outcome is what is read): what a change to one appointment reads it with. `null` when absent.
   */
  byIdForUpdate(id: AppointmentId): Promise<Appointment | null>;
  /** The advisor's appointments that overlap [from, to), by start time, whatever their status. */
  byAdvisorBetween(advisorId: UserId, from: Instant, to: Instant): Promise<Appointment[]>;
  /** A visit's appointments, by start time. */
  byVisit(visitId: VisitId): Promise<Appointment[]>;
  /**
   * Serialises changes to one advisor's agenda until the transaction ends: a second transaction locking the
   * same advisor waits, then sees the first one's appointments. A no-op where transactions never interleave.
   */
  lockAdvisorAgenda(advisorId: UserId): Promise<void>;
  /**
   * The appointment whose pending reminder came due longest ago (due at or before `now`), locked until the
   * transaction ends; one another transaction holds is passed over, not waited for, and one whose reminder a
   * committed transaction has handled is never returned, so two instances never claim the same reminder.
   * `null` when none is due. Save the appointment with its reminder handled in the same transaction.
   */
  claimDueReminder(now: Instant): Promise<Appointment | null>;
}
