import type { Branded, LeadId, UserId, VisitId } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { HOUR_MS, type Instant } from '../shared/time.ts';

export type AppointmentId = Branded<string, 'AppointmentId'>;

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
};

export const MAX_APPOINTMENT_MS = 4 * HOUR_MS;

export type InvalidAppointmentTime = {
  readonly type: 'InvalidAppointmentTime';
  readonly reason: 'ends_before_start' | 'too_long';
};

/** Two half-open slots overlap when each starts before the other ends: back-to-back slots do not. */
export const overlaps = (a: Slot, b: Slot): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** A slot that ends after it starts and lasts at most four hours. */
export const appointmentSlot = (startsAt: Instant, endsAt: Instant): Result<Slot, InvalidAppointmentTime> => {
  if (endsAt <= startsAt) return err({ type: 'InvalidAppointmentTime', reason: 'ends_before_start' });
  if (endsAt - startsAt > MAX_APPOINTMENT_MS) return err({ type: 'InvalidAppointmentTime', reason: 'too_long' });
  return ok({ startsAt, endsAt });
};

/** The first of `agenda` that `slot` overlaps, or `null`. */
export const firstOverlap = <A extends Slot>(agenda: readonly A[], slot: Slot): A | null =>
  agenda.find((a) => overlaps(a, slot)) ?? null;
