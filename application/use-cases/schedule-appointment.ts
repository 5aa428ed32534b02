import { atStage } from '../../domain/lead/lead.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import {
  appointmentSlot,
  firstOverlap,
  type Appointment,
  type AppointmentId,
  type InvalidAppointmentTime,
} from '../../domain/visit/appointment.ts';
import { advanceIfAllowed } from '../../domain/visit/funnel.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

export type ScheduleAppointmentInput = {
  readonly actor: Actor;
  readonly visitId: VisitId;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly note?: string | null;
  /** Managers and admins may book another advisor; advisors book themselves. */
  readonly advisorId?: UserId;
};

export type ScheduleAppointmentError =
  | VisitNotFound
  | InvalidAppointmentTime
  | { readonly type: 'AppointmentOverlaps'; readonly advisorId: UserId; readonly appointmentId: AppointmentId }
  | { readonly type: 'AdvisorNotAllowed' }
  | { readonly type: 'AdvisorRequired' }
  | { readonly type: 'AdvisorNotFound'; readonly advisorId: UserId };

/** Books an appointment with the lead in an advisor's agenda, never overlapping another; the visit moves to `appointment`. */
export class ScheduleAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: ScheduleAppointmentInput): Promise<Result<Appointment, ScheduleAppointmentError>> {
    const slot = appointmentSlot(input.startsAt, input.endsAt);
    if (!slot.ok) return slot;
    const { actor } = input;
    if (
      actor.role === 'advisor' &&
      input.advisorId !== undefined &&
      input.advisorId !== (actor.kind === 'user' ? actor.userId : null)
    )
      return err({ type: 'AdvisorNotAllowed' });
    const outcome = await this.uow.transaction(async (tx): Promise<Result<Appointment, ScheduleAppointmentError>> => {
      const found = await visibleVisit(tx, actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
      const advisorId = input.advisorId ?? found.lead.advisorId;
      if (advisorId === null) return err({ type: 'AdvisorRequired' });
      const advisor = await tx.organisation.user(advisorId);
      if (advisor === null || !advisor.active) return err({ type: 'AdvisorNotFound', advisorId });
      await tx.appointments.lockAdvisorAgenda(advisorId);
      const clash = firstOverlap(
        await tx.appointments.byAdvisorBetween(advisorId, slot.value.startsAt, slot.value.endsAt),
        slot.value,
      );
      if (clash !== null) return err({ type: 'AppointmentOverlaps', advisorId, appointmentId: clash.id });
      const appointment: Appointment = {
        ...slot.value,
        id: this.ids.next('appt'),
        visitId: found.visit.id,
        leadId: found.lead.id,
        advisorId,
        note: input.note ?? null,
        createdAt: this.clock.now(),
      };
      await tx.appointments.save(appointment);
      await tx.visits.save(atStage(found.visit, advanceIfAllowed(found.visit.stage, 'appointment')));
      tx.events.record({ type: 'visit_changed', leadId: appointment.leadId, visitId: appointment.visitId });
      return ok(appointment);
    });
    return outcome;
  }
}
