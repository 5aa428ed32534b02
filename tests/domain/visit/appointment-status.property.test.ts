import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESK_WORKING_HOURS } from '../../../domain/organisation/working-hours.ts';
import { asId, type LeadId, type MessageId, type UserId, type VisitId } from '../../../domain/shared/ids.ts';
import { HOUR_MS } from '../../../domain/shared/time.ts';
import {
  type Appointment,
  type AppointmentId,
  bookableSlot,
  firstOverlap,
  holdsSlot,
} from '../../../domain/visit/appointment.ts';
import type { Reminder } from '../../../domain/visit/appointment-reminder.ts';
import {
  APPOINTMENT_STATUSES,
  changeAppointmentStatus,
  isFinalStatus,
  mayMoveAppointment,
  rescheduleAppointment,
} from '../../../domain/visit/appointment-status.ts';

const T = Date.UTC(2026, 10, 26, 15); // Thursday 26 Nov 2026, 10:00 in Bogotá
const status = fc.constantFrom(...APPOINTMENT_STATUSES);
const reminder: fc.Arbitrary<Reminder> = fc.oneof(
  fc.record({ state: fc.constant('pending' as const), dueAt: fc.integer({ min: T - 48 * HOUR_MS, max: T }) }),
  fc.record({
    state: fc.constant('queued' as const),
    dueAt: fc.constant(T - 24 * HOUR_MS),
    at: fc.constant(T - 24 * HOUR_MS),
    via: fc.constantFrom('text' as const, 'template' as const),
    messageId: fc.constant(asId<MessageId>('msg-1')),
  }),
  fc.constant<Reminder>({ state: 'none' }),
);
const appointment: fc.Arbitrary<Appointment> = fc.record({
  id: fc.constant(asId<AppointmentId>('appt-1')),
  visitId: fc.constant(asId<VisitId>('visit-1')),
  leadId: fc.constant(asId<LeadId>('lead-1')),
  advisorId: fc.constant(asId<UserId>('u-ana')),
  startsAt: fc.constant(T),
  endsAt: fc.constant(T + HOUR_MS),
  note: fc.constant(null),
  createdAt: fc.constant(T - 72 * HOUR_MS),
  status,
  reminder,
});
const now = fc.integer({ min: T - 72 * HOUR_MS, max: T + 72 * HOUR_MS });

describe('appointment status', () => {
  it('moves only along the table, and never out of done, no_show or cancelled', () => {
    fc.assert(
      fc.property(appointment, status, now, (a, to, at) => {
        const moved = changeAppointmentStatus(a, to, at);
        if (!mayMoveAppointment(a.status, to))
          expect(moved).toMatchObject({
            ok: false,
            error: { type: 'InvalidAppointmentTransition', from: a.status, to },
          });
        if (isFinalStatus(a.status)) expect(moved.ok).toBe(false);
        if (moved.ok) expect(moved.value.status).toBe(to);
      }),
    );
  });

  it('tells held or missed only once the appointment has started', () => {
    fc.assert(
      fc.property(appointment, fc.constantFrom('done' as const, 'no_show' as const), now, (a, to, at) => {
        const moved = changeAppointmentStatus(a, to, at);
        if (mayMoveAppointment(a.status, to)) expect(moved.ok).toBe(at >= a.startsAt);
        if (!moved.ok && mayMoveAppointment(a.status, to))
          expect(moved.error).toMatchObject({ type: 'AppointmentNotStarted' });
      }),
    );
  });

  it('never leaves a reminder pending on an appointment that no longer holds its slot', () => {
    fc.assert(
      fc.property(appointment, status, now, (a, to, at) => {
        const moved = changeAppointmentStatus(a, to, at);
        if (!moved.ok) return;
        if (!holdsSlot(moved.value)) expect(moved.value.reminder.state).not.toBe('pending');
        else expect(moved.value.reminder).toEqual(a.reminder);
      }),
    );
  });

  it('reschedules an active appointment as scheduled with a fresh reminder, and refuses a final one', () => {
    fc.assert(
      fc.property(appointment, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 48 }), (a, days, hours) => {
        const slot = { startsAt: a.startsAt + days * 24 * HOUR_MS, endsAt: a.endsAt + days * 24 * HOUR_MS };
        const moved = rescheduleAppointment(a, slot, hours * HOUR_MS);
        if (isFinalStatus(a.status)) {
          expect(moved).toMatchObject({ ok: false, error: { to: 'rescheduled', from: a.status } });
          return;
        }
        expect(moved).toEqual({
          ok: true,
          value: {
            ...a,
            ...slot,
            status: 'scheduled',
            reminder: { state: 'pending', dueAt: slot.startsAt - hours * HOUR_MS },
          },
        });
      }),
    );
  });
});

describe('a bookable slot', () => {
  const context = { now: T - HOUR_MS, advisorId: asId<UserId>('u-ana'), hours: DESK_WORKING_HOURS };

  it('is refused once it has started, and outside working hours, naming the advisor', () => {
    expect(bookableSlot({ startsAt: T, endsAt: T + HOUR_MS }, context).ok).toBe(true);
    expect(bookableSlot({ startsAt: T, endsAt: T + HOUR_MS }, { ...context, now: T + 1 })).toMatchObject({
      ok: false,
      error: { type: 'AppointmentInPast', now: T + 1 },
    });
    const evening = { startsAt: T + 8 * HOUR_MS, endsAt: T + 9 * HOUR_MS }; // 18:00
    expect(bookableSlot(evening, context)).toMatchObject({
      ok: false,
      error: { type: 'OutsideWorkingHours', advisorId: 'u-ana', slot: evening },
    });
  });

  it('is never refused as in the past when it starts at or after now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * HOUR_MS }), (ahead) => {
        const result = bookableSlot({ startsAt: T, endsAt: T + HOUR_MS }, { ...context, now: T - ahead });
        expect(result.ok || result.error.type !== 'AppointmentInPast').toBe(true);
      }),
    );
  });

  it('is free of a cancelled, done or missed appointment, and of the one being moved', () => {
    fc.assert(
      fc.property(appointment, (a) => {
        const clash = firstOverlap([a], { startsAt: a.startsAt, endsAt: a.endsAt });
        expect(clash === null).toBe(!holdsSlot(a));
        expect(firstOverlap([a], a, a.id)).toBeNull();
      }),
    );
  });
});
