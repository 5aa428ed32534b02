import { workingHoursOf } from '../../domain/organisation/organisation.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import {
  type AppointmentId,
  type AppointmentInPast,
  bookableSlot,
  firstOverlap,
  type InvalidAppointmentTime,
  type OutsideWorkingHours,
  type Slot,
} from '../../domain/visit/appointment.ts';
import type { Transaction } from '../ports/unit-of-work.ts';

export type AppointmentOverlaps = {
  readonly type: 'AppointmentOverlaps';
  readonly advisorId: UserId;
  readonly appointmentId: AppointmentId;
};

export type BookSlotError =
  | InvalidAppointmentTime
  | AppointmentInPast
  | OutsideWorkingHours
  | AppointmentOverlaps
  | { readonly type: 'AdvisorNotFound'; readonly advisorId: UserId };

/**
 * Checks, inside the caller's transaction, that `slot` can go in the advisor's agenda: an active advisor, a
 * slot that has not started and lies inside their working hours, and no active appointment of theirs overlapping
 * it (`moving`, the appointment being rescheduled, left out). The advisor's agenda stays locked until the
 * transaction ends, so two bookings of overlapping slots cannot both pass. Shared by scheduling and rescheduling.
 */
export const bookSlot = async (
  tx: Transaction,
  request: { readonly advisorId: UserId; readonly slot: Slot; readonly now: Instant; readonly moving?: AppointmentId },
): Promise<Result<Slot, BookSlotError>> => {
  const { advisorId, now } = request;
  const advisor = await tx.organisation.user(advisorId);
  if (advisor === null || !advisor.active) return err({ type: 'AdvisorNotFound', advisorId });
  const slot = bookableSlot(request.slot, { now, advisorId, hours: workingHoursOf(advisor) });
  if (!slot.ok) return slot;
  await tx.appointments.lockAdvisorAgenda(advisorId);
  const agenda = await tx.appointments.byAdvisorBetween(advisorId, slot.value.startsAt, slot.value.endsAt);
  const clash = firstOverlap(agenda, slot.value, request.moving ?? null);
  return clash === null ? slot : err({ type: 'AppointmentOverlaps', advisorId, appointmentId: clash.id });
};
