import { err, ok, type Result } from '../shared/result.ts';
import type { Instant } from '../shared/time.ts';
import { pendingReminder, type Reminder } from './appointment-reminder.ts';
import type { Appointment, AppointmentId, AppointmentStatus, Slot } from './appointment.ts';

export { APPOINTMENT_STATUSES, type AppointmentStatus } from './appointment.ts';

/**
 * Where each status may go. A scheduled appointment may be confirmed by the lead; either may be held (done),
 * missed (no_show) or cancelled; the last three are final. Rescheduling is not a status: it moves an active
 * appointment and makes it scheduled again (the lead confirms the new time).
 */
const NEXT: { readonly [S in AppointmentStatus]: readonly AppointmentStatus[] } = {
  scheduled: ['confirmed', 'done', 'no_show', 'cancelled'],
  confirmed: ['done', 'no_show', 'cancelled'],
  done: [],
  no_show: [],
  cancelled: [],
};

export const mayMoveAppointment = (from: AppointmentStatus, to: AppointmentStatus): boolean => NEXT[from].includes(to);

export const isFinalStatus = (status: AppointmentStatus): boolean => NEXT[status].length === 0;

export type InvalidAppointmentTransition = {
  readonly type: 'InvalidAppointmentTransition';
  readonly appointmentId: AppointmentId;
  readonly from: AppointmentStatus;
  readonly to: AppointmentStatus | 'rescheduled';
};

/** Held or missed can only be told once the appointment has started. */
export type AppointmentNotStarted = {
  readonly type: 'AppointmentNotStarted';
  readonly appointmentId: AppointmentId;
  readonly startsAt: Instant;
};

/** A reminder still waiting is dropped when the appointment stops holding its slot; one already handled is kept. */
const reminderAfter = (reminder: Reminder, status: AppointmentStatus): Reminder =>
  reminder.state === 'pending' && isFinalStatus(status) ? { state: 'none' } : reminder;

/** The appointment in status `to` at `now`, when the move is allowed. */
export const changeAppointmentStatus = (
  appointment: Appointment,
  to: AppointmentStatus,
  now: Instant,
): Result<Appointment, InvalidAppointmentTransition | AppointmentNotStarted> => {
  if (!mayMoveAppointment(appointment.status, to))
    return err({ type: 'InvalidAppointmentTransition', appointmentId: appointment.id, from: appointment.status, to });
  if ((to === 'done' || to === 'no_show') && now < appointment.startsAt)
    return err({ type: 'AppointmentNotStarted', appointmentId: appointment.id, startsAt: appointment.startsAt });
  return ok({ ...appointment, status: to, reminder: reminderAfter(appointment.reminder, to) });
};

/**
 * The appointment moved to `slot` (already checked bookable): scheduled again, with a new reminder `reminderBeforeMs`
 * ahead, whatever became of the old one. Only an active appointment moves.
 */
export const rescheduleAppointment = (
  appointment: Appointment,
  slot: Slot,
  reminderBeforeMs: number,
): Result<Appointment, InvalidAppointmentTransition> =>
  isFinalStatus(appointment.status)
    ? err({
        type: 'InvalidAppointmentTransition',
        appointmentId: appointment.id,
        from: appointment.status,
        to: 'rescheduled',
      })
    : ok({
        ...appointment,
        ...slot,
        status: 'scheduled',
        reminder: pendingReminder(slot.startsAt, reminderBeforeMs),
      });
