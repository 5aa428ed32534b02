import { atStage } from '../../domain/lead/lead.ts';
import type { UserId, VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { appointmentSlot, type Appointment, type InvalidAppointmentTime } from '../../domain/visit/appointment.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  pendingReminder,
  type ReminderSettings,
} from '../../domain/visit/appointment-reminder.ts';
import { advanceIfAllowed } from '../../domain/visit/funnel.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { bookSlot, type BookSlotError } from '../steps/book-slot.ts';
import { appointmentChanged } from './appointment-access.ts';
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
  | BookSlotError
  | { readonly type: 'AdvisorNotAllowed' }
  | { readonly type: 'AdvisorRequired' };

/**
 * Books an appointment with the lead in an advisor's agenda: not in the past, inside the advisor's working
 * hours, never overlapping another of theirs. The visit moves to `appointment`, and the lead's reminder waits
 * for `reminders.beforeMs` ahead of the start.
 */
export class ScheduleAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly reminders: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  ) {}

  async execute(input: ScheduleAppointmentInput): Promise<Result<Appointment, ScheduleAppointmentError>> {
    const shape = appointmentSlot(input.startsAt, input.endsAt);
    if (!shape.ok) return shape;
    const { actor } = input;
    const self = actor.kind === 'user' ? actor.userId : null;
    if (actor.role === 'advisor' && input.advisorId !== undefined && input.advisorId !== self)
      return err({ type: 'AdvisorNotAllowed' });
    return this.uow.transaction(async (tx): Promise<Result<Appointment, ScheduleAppointmentError>> => {
      const found = await visibleVisit(tx, actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
      const advisorId = input.advisorId ?? found.lead.advisorId;
      if (advisorId === null) return err({ type: 'AdvisorRequired' });
      const now = this.clock.now();
      const slot = await bookSlot(tx, { advisorId, slot: shape.value, now });
      if (!slot.ok) return slot;
      const appointment: Appointment = {
        ...slot.value,
        id: this.ids.next('appt'),
        visitId: found.visit.id,
        leadId: found.lead.id,
        advisorId,
        note: input.note ?? null,
        createdAt: now,
        status: 'scheduled',
        reminder: pendingReminder(slot.value.startsAt, this.reminders.beforeMs),
      };
      await tx.appointments.save(appointment);
      await tx.visits.save(atStage(found.visit, advanceIfAllowed(found.visit.stage, 'appointment')));
      tx.events.record(
        { type: 'visit_changed', leadId: appointment.leadId, visitId: appointment.visitId },
        appointmentChanged(appointment, 'scheduled'),
      );
      return ok(appointment);
    });
  }
}
