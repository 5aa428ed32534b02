import type { AppointmentRepository } from '../../application/ports/appointment-repository.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { overlaps, type Appointment } from '../../domain/visit/appointment.ts';
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
}
