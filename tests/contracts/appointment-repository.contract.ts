import { describe, expect, it } from 'vitest';
import { asId, type LeadId, type MessageId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import { nextId } from '../builders/next-id.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 26, 14);

const anAppointment = (over: Partial<Appointment> = {}): Appointment => ({
  id: nextId<AppointmentId>('appt'),
  visitId: asId<VisitId>('visit-1'),
  leadId: asId<LeadId>('lead-1'),
  advisorId: asId<UserId>('u-ana'),
  startsAt: T,
  endsAt: T + HOUR,
  note: null,
  createdAt: T - HOUR,
  status: 'scheduled',
  reminder: { state: 'pending', dueAt: T - 24 * HOUR },
  ...over,
});

export const appointmentRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: AppointmentRepository`, () => {
    const subject = useSubject(open);
    const appointments = () => subject().repos.appointments;

    it('lists an advisor’s appointments overlapping a half-open range, by start', async () => {
      const late = anAppointment({ startsAt: T + 3 * HOUR, endsAt: T + 4 * HOUR, note: 'Sala de ventas' });
      const early = anAppointment();
      const other = anAppointment({ advisorId: asId<UserId>('u-carlos') });
      for (const a of [late, early, other]) await appointments().save(a);

      expect(await appointments().byAdvisorBetween(asId<UserId>('u-ana'), T, T + 5 * HOUR)).toEqual([early, late]);
      expect(await appointments().byAdvisorBetween(asId<UserId>('u-ana'), T + HOUR, T + 3 * HOUR)).toEqual([]);
      expect(await appointments().byAdvisorBetween(asId<UserId>('u-ana'), T + HOUR - 1, T + 3 * HOUR + 1)).toEqual([
        early,
        late,
      ]);
    });

    it('lists a visit’s appointments by start, and a later save replaces one', async () => {
      const second = anAppointment({ startsAt: T + 2 * HOUR, endsAt: T + 3 * HOUR });
      const first = anAppointment();
      await appointments().save(second);
      await appointments().save(first);
      await appointments().save(anAppointment({ visitId: asId<VisitId>('visit-2') }));
      const moved = { ...second, note: 'Movida' };
      await appointments().save(moved);

      expect(await appointments().byVisit(asId<VisitId>('visit-1'))).toEqual([first, moved]);
      expect(await appointments().byVisit(asId<VisitId>('visit-none'))).toEqual([]);
    });

    it('keeps every status and every reminder state, read by id (plain or locked)', async () => {
      const messageId = asId<MessageId>('msg-9');
      const all = [
        anAppointment({ status: 'confirmed' }),
        anAppointment({ status: 'done', reminder: { state: 'queued', dueAt: T - 1, at: T, via: 'text', messageId } }),
        anAppointment({
          status: 'no_show',
          reminder: { state: 'not_sent', dueAt: T - 1, at: T, reason: 'no_approved_template' },
        }),
        anAppointment({ status: 'cancelled', reminder: { state: 'none' } }),
        anAppointment({ reminder: { state: 'queued', dueAt: T - 1, at: T, via: 'template', messageId } }),
      ];
      for (const a of all) await appointments().save(a);

      for (const a of all) {
        expect(await appointments().byId(a.id)).toEqual(a);
        expect(await subject().uow.transaction((r) => r.appointments.byIdForUpdate(a.id))).toEqual(a);
      }
      expect(await appointments().byId(asId<AppointmentId>('appt-none'))).toBeNull();
    });

    it('claims the pending reminder due longest ago, never one not due or already handled', async () => {
      const later = anAppointment({ reminder: { state: 'pending', dueAt: T - HOUR } });
      const earliest = anAppointment({ reminder: { state: 'pending', dueAt: T - 2 * HOUR } });
      const notDue = anAppointment({ reminder: { state: 'pending', dueAt: T + 1 } });
      const handled = anAppointment({
        reminder: { state: 'not_sent', dueAt: T - 3 * HOUR, at: T, reason: 'lead_has_no_whatsapp' },
      });
      const none = anAppointment({ status: 'cancelled', reminder: { state: 'none' } });
      for (const a of [later, earliest, notDue, handled, none]) await appointments().save(a);
      const claim = () => subject().uow.transaction((r) => r.appointments.claimDueReminder(T));

      expect(await claim()).toEqual(earliest);
      await appointments().save({ ...earliest, reminder: { state: 'none' } });
      expect(await claim()).toEqual(later);
      await appointments().save({ ...later, reminder: { state: 'none' } });
      expect(await claim()).toBeNull();
      expect(await subject().uow.transaction((r) => r.appointments.claimDueReminder(T + 1))).toEqual(notDue);
    });

    it('locks an advisor’s agenda inside a transaction', async () => {
      await subject().uow.transaction(async (repos) => {
        await repos.appointments.lockAdvisorAgenda(asId<UserId>('u-ana'));
        await repos.appointments.save(anAppointment());
      });
      expect(await appointments().byVisit(asId<VisitId>('visit-1'))).toHaveLength(1);
    });
  });
