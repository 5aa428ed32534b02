import { coversSlot, type WorkingHours } from '../organisation/working-hours.ts';
import type { Branded, LeadId, UserId, VisitId } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { HOUR_MS, type Instant } from '../shared/time.ts';
import type { Reminder } from './appointment-reminder.ts';

export type AppointmentId = Branded<string, 'AppointmentId'>;

/** programada, confirmada, cumplida, no asistió, cancelada (`appointment-status.ts` says how they follow). */
export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'done', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A half-open stretch of time [startsAt, endsAt). */
export type Slot = { readonly startsAt: Instant; readonly endsAt: Instant };

/** A meeting of an advisor with a lead about one visit; it is in the advisor's agenda. */
export type Appointment = Slot & {
  readonly id: AppointmentId;
  readonly visitId: VisitId;
  readonly leadId: LeadId;
  readonly advisorId: UserId;
  readonly note: string | null;
  readonly createdAt: Instant;
  readonly status: AppointmentStatus;
  /** The reminder to the lead: pending only while the appointment is scheduled or confirmed. */
  readonly reminder: Reminder;
};

export const MAX_APPOINTMENT_MS = 4 * HOUR_MS;

export type InvalidAppointmentTime = {
  readonly type: 'InvalidAppointmentTime';
  readonly reason: 'ends_before_start' | 'too_long';
};

/** The slot starts before now: nobody can meet then. */
export type AppointmentInPast = {
  readonly type: 'AppointmentInPast';
  readonly startsAt: Instant;
  readonly now: Instant;
};

/** The slot does not lie inside one opening span of the advisor's working day (holidays are closed). */
export type OutsideWorkingHours = {
  readonly type: 'OutsideWorkingHours';
  readonly advisorId: UserId;
  readonly hours: WorkingHours;
  readonly slot: Slot;
};

/** Two half-open slots overlap when each starts before the other ends: back-to-back slots do not. */
export const overlaps = (a: Slot, b: Slot): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** A slot that ends after it starts and lasts at most four hours. */
export const appointmentSlot = (startsAt: Instant, endsAt: Instant): Result<Slot, InvalidAppointmentTime> => {
  if (endsAt <= startsAt) return err({ type: 'InvalidAppointmentTime', reason: 'ends_before_start' });
  if (endsAt - startsAt > MAX_APPOINTMENT_MS) return err({ type: 'InvalidAppointmentTime', reason: 'too_long' });
  return ok({ startsAt, endsAt });
};

/**
 * A slot an advisor can be booked for at `now`: well formed, not started yet, and inside their working hours
 * (`hours`, on Bogotá's clock, Colombian holidays closed).
 */
export const bookableSlot = (
  requested: Slot,
  context: { readonly now: Instant; readonly advisorId: UserId; readonly hours: WorkingHours },
): Result<Slot, InvalidAppointmentTime | AppointmentInPast | OutsideWorkingHours> => {
  const slot = appointmentSlot(requested.startsAt, requested.endsAt);
  if (!slot.ok) return slot;
  if (slot.value.startsAt < context.now)
    return err({ type: 'AppointmentInPast', startsAt: slot.value.startsAt, now: context.now });
  if (!coversSlot(context.hours, slot.value))
    return err({ type: 'OutsideWorkingHours', advisorId: context.advisorId, hours: context.hours, slot: slot.value });
  return slot;
};

/** Whether the appointment still holds its slot in the agenda: scheduled or confirmed. */
export const holdsSlot = (a: Pick<Appointment, 'status'>): boolean =>
  a.status === 'scheduled' || a.status === 'confirmed';

/** The first of `agenda` that still holds its slot and that `slot` overlaps, or `null`; `except` is left out (itself, when moving). */
export const firstOverlap = <A extends Slot & Pick<Appointment, 'status' | 'id'>>(
  agenda: readonly A[],
  slot: Slot,
  except: AppointmentId | null = null,
): A | null => agenda.find((a) => a.id !== except && holdsSlot(a) && overlaps(a, slot)) ?? null;
