import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import { SendAppointmentReminders } from '../../application/use-cases/send-appointment-reminders.ts';
import { asId, type ConversationId, type LeadId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { HOUR_MS } from '../../domain/shared/time.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { recordatorioCita } from '../builders/template-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const target = await openTestPostgres();
const T = Date.UTC(2026, 10, 26, 15); // Thursday 26 Nov 2026, 10:00 in Bogotá
const LEADS = 8;
const WORKERS = 6;

/**
 * Reminder workers of two instances (two pools on one database) draining the same due reminders at once. The
 * claim locks each appointment's row (`FOR UPDATE SKIP LOCKED`) in the transaction that queues its message and
 * marks it handled, so however they interleave every lead gets exactly one reminder in the outbox.
 */
describe.skipIf(target === null)('postgres: two instances sending the same reminders', () => {
  const { repos, uowOf, published } = usePostgresInstances(target);
  /** Ids distinct per worker. */
  const ids = (n: number): IdGenerator => {
    let count = 0;
    return {
      next: (prefix) => {
        count += 1;
        return asId(`${prefix}_w${n}_${count}`);
      },
    };
  };

  it('queue each due reminder once, whichever instance claims it', async () => {
    await repos().templates.save(recordatorioCita().build());
    const appointmentIds: AppointmentId[] = [];
    for (let i = 0; i < LEADS; i++) {
      const lead = aLead()
        .withId(`lead-${i}`)
        .withPhone(`+57300111220${i}`)
        .assignedTo('u-ana', T - 48 * HOUR_MS)
        .build();
      await repos().leads.save(lead);
      await repos().visits.save(aVisit().withId(`visit-${i}`).ofLead(lead.id).forProject('p-1').build());
      await repos().conversations.save(
        aConversation()
          .withId(`conv-${i}`)
          .withContact({ phone: lead.phone, userId: null })
          .ofLead(lead.id)
          .lastInboundAt(i % 2 === 0 ? T - 30 * HOUR_MS : T - 3 * 24 * HOUR_MS)
          .build(),
      );
      const appointment: Appointment = {
        id: asId<AppointmentId>(`appt-${i}`),
        visitId: asId<VisitId>(`visit-${i}`),
        leadId: asId<LeadId>(lead.id),
        advisorId: asId<UserId>('u-ana'),
        startsAt: T + i * HOUR_MS,
        endsAt: T + (i + 1) * HOUR_MS,
        note: null,
        createdAt: T - 72 * HOUR_MS,
        status: 'scheduled',
        reminder: { state: 'pending', dueAt: T - 24 * HOUR_MS + i * 60_000 },
      };
      await repos().appointments.save(appointment);
      appointmentIds.push(appointment.id);
    }
    const clock = new FixedClock(T - 12 * HOUR_MS);
    const workers = Array.from({ length: WORKERS }, (_, n) => new SendAppointmentReminders(uowOf(n), clock, ids(n)));

    const handled = await Promise.all(workers.map((w) => w.drain()));

    expect(handled.reduce((a, b) => a + b, 0)).toBe(LEADS);
    for (let i = 0; i < LEADS; i++) {
      const messages = await repos().messages.byConversation(asId<ConversationId>(`conv-${i}`));
      expect(messages).toHaveLength(1);
      expect(messages[0]?.content.kind).toBe(i % 2 === 0 ? 'text' : 'template');
      const stored = await repos().appointments.byId(asId<AppointmentId>(`appt-${i}`));
      expect(stored?.reminder).toMatchObject({ state: 'queued', messageId: messages[0]?.id });
    }
    const queued = published().filter((e) => e.type === 'message_queued');
    expect(queued).toHaveLength(LEADS);
    expect(await Promise.all(workers.map((w) => w.drain()))).toEqual(Array(WORKERS).fill(0));
  });
});
