import type { Appointment } from '../../domain/visit/appointment.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

export interface AppointmentRepository {
  /** Inserts or replaces by id; throws only on infrastructure failure. */
  save(appointment: Appointment): Promise<void>;
  /** The advisor's appointments that overlap [from, to), by start time. */
  byAdvisorBetween(advisorId: UserId, from: Instant, to: Instant): Promise<Appointment[]>;
  /** A visit's appointments, by start time. */
  byVisit(visitId: VisitId): Promise<Appointment[]>;
  /**
   * Serialises changes to one advisor's agenda until the transaction ends: a second transaction locking the
   * same advisor waits, then sees the first one's appointments. A no-op where transactions never interleave.
   */
  lockAdvisorAgenda(advisorId: UserId): Promise<void>;
}
