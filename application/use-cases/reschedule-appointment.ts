import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import {
  type Appointment,
  type AppointmentId,
  appointmentSlot,
  type InvalidAppointmentTime,
} from '../../domain/visit/appointment.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../domain/visit/appointment-reminder.ts';
import { type InvalidAppointmentTransition, rescheduleAppointment } from '../../domain/visit/appointment-status.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { bookSlot, type BookSlotError } from '../steps/book-slot.ts';
import { type AppointmentNotFound, appointmentChanged, visibleAppointment } from './appointment-access.ts';

export type RescheduleAppointmentInput = {
  readonly actor: Actor;
  readonly appointmentId: AppointmentId;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
};

export type RescheduleAppointmentError =
  | AppointmentNotFound
  | InvalidAppointmentTime
  | InvalidAppointmentTransition
  | BookSlotError;

/**
 * Moves a scheduled or confirmed appointment to another time in the same advisor's agenda, checked as a new
 * booking (not in the past, inside working hours, no overlap but with itself). It is scheduled again, and the
 * lead gets a new reminder before the new time, even if the old one was sent.
 */
export class RescheduleAppointment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly reminders: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  ) {}

  async execute(input: RescheduleAppointmentInput): Promise<Result<Appointment, RescheduleAppointmentError>> {
    const shape = appointmentSlot(input.startsAt, input.endsAt);
    if (!shape.ok) return shape;
    return this.uow.transaction(async (tx): Promise<Result<Appointment, RescheduleAppointmentError>> => {
      const found = await visibleAppointment(tx, input.actor, input.appointmentId);
      if (found === null) return err({ type: 'AppointmentNotFound', appointmentId: input.appointmentId });
      const { appointment } = found;
      // Refused before the agenda is locked: a final appointment does not move, wherever to.
      const movable = rescheduleAppointment(appointment, shape.value, this.reminders.beforeMs);
      if (!movable.ok) return movable;
      const slot = await bookSlot(tx, {
        advisorId: appointment.advisorId,
        slot: shape.value,
        now: this.clock.now(),
        moving: appointment.id,
      });
      if (!slot.ok) return slot;
      await tx.appointments.save(movable.value);
      tx.events.record(appointmentChanged(movable.value, 'rescheduled'));
      return ok(movable.value);
    });
  }
}
