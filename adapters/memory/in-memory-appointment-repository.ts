import type { AppointmentRepository } from '../../application/ports/appointment-repository.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { overlaps, type Appointment, type AppointmentId } from '../../domain/visit/appointment.ts';
import { reminderDueAt } from '../../domain/visit/appointment-reminder.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

const byStart = (a: Appointment, b: Appointment): number =>
  a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class InMemoryAppointmentRepository implements AppointmentRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async save(appointment: Appointment): Promise<void> {
    this.#store.data.appointments.set(appointment.id, copy(appointment));
  }

  async byId(id: AppointmentId): Promise<Appointment | null> {
    const found = this.#store.data.appointments.get(id);
    return found === undefined ? null : copy(found);
  }

  /** Transactions run one after another: nothing to lock. */
  byIdForUpdate(id: AppointmentId): Promise<Appointment | null> {
    return this.byId(id);
  }

  async byAdvisorBetween(advisorId: UserId, from: Instant, to: Instant): Promise<Appointment[]> {
    const all = [...this.#store.data.appointments.values()];
    return copy(
      all.filter((a) => a.advisorId === advisorId && overlaps(a, { startsAt: from, endsAt: to })).sort(byStart),
    );
  }

  async byVisit(visitId: VisitId): Promise<Appointment[]> {
    return copy([...this.#store.data.appointments.values()].filter((a) => a.visitId === visitId).sort(byStart));
  }

  /** Transactions on the in-memory store run one after another already. */
  async lockAdvisorAgenda(): Promise<void> {}

  /** Transactions run one after another, so the claim needs no lock: the earliest due, then by id. */
  async claimDueReminder(now: Instant): Promise<Appointment | null> {
    const due = (a: Appointment) => reminderDueAt(a.reminder);
    const next = [...this.#store.data.appointments.values()]
      .filter((a) => {
        const at = due(a);
        return at !== null && at <= now;
      })
      .sort((a, b) => (due(a) ?? 0) - (due(b) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
    return next === undefined ? null : copy(next);
  }
}
