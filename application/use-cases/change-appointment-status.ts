import { atStage } from '../../domain/lead/lead.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { advanceIfAllowed } from '../../domain/visit/funnel.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import {
  type AppointmentNotStarted,
  type AppointmentStatus,
  changeAppointmentStatus,
  type InvalidAppointmentTransition,
} from '../../domain/visit/appointment-status.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { Transaction, UnitOfWork } from '../ports/unit-of-work.ts';
import { type AppointmentNotFound, appointmentChanged, visibleAppointment } from './appointment-access.ts';

export type ChangeAppointmentStatusInput = {
  readonly actor: Actor;
  readonly appointmentId: AppointmentId;
  /** `cancelled` frees the slot and drops a reminder still waiting; `done` and `no_show` once it has started. */
  readonly status: Exclude<AppointmentStatus, 'scheduled'>;
};

export type ChangeAppointmentStatusError = AppointmentNotFound | InvalidAppointmentTransition | AppointmentNotStarted;

/** Confirms, cancels, or records as held or missed an appointment, along the allowed transitions only. */
export class ChangeAppointmentStatus {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** A held appointment is a visit to the sales room: the visit moves to "visita realizada" when the funnel allows. */
  private async visited(tx: Transaction, appointment: Appointment): Promise<void> {
    const visit = await tx.visits.byId(appointment.visitId);
    if (visit === null) return;
    const stage = advanceIfAllowed(visit.stage, 'visited');
    if (stage === visit.stage) return;
    await tx.visits.save(atStage(visit, stage));
    tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
  }

  async execute(input: ChangeAppointmentStatusInput): Promise<Result<Appointment, ChangeAppointmentStatusError>> {
    return this.uow.transaction(async (tx): Promise<Result<Appointment, ChangeAppointmentStatusError>> => {
      const found = await visibleAppointment(tx, input.actor, input.appointmentId);
      if (found === null) return err({ type: 'AppointmentNotFound', appointmentId: input.appointmentId });
      const changed = changeAppointmentStatus(found.appointment, input.status, this.clock.now());
      if (!changed.ok) return changed;
      await tx.appointments.save(changed.value);
      tx.events.record(appointmentChanged(changed.value, 'status_changed'));
      if (changed.value.status === 'done') await this.visited(tx, changed.value);
      return ok(changed.value);
    });
  }
}
