import { describe, expect, it } from 'vitest';
import { ChangeAppointmentStatus } from '../../application/use-cases/change-appointment-status.ts';
import { RescheduleAppointment } from '../../application/use-cases/reschedule-appointment.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { SendAppointmentReminders } from '../../application/use-cases/send-appointment-reminders.ts';
import { asId, type ConversationId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import type { Template } from '../../domain/templates/template.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { recordatorioCita } from '../builders/template-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { actorNamed } from '../support/actors.ts';
import { T0 } from '../support/t0.ts';
import { aWorld } from '../support/world.ts';

/** Thursday 26 Nov 2026, 10:00 in Bogotá: two days after the tests' clock. */
const THU_10 = T0 + 2 * DAY_MS;
const REMINDERS = { beforeMs: 24 * HOUR_MS, templateName: 'recordatorio_cita' };
const conversationId = asId<ConversationId>('conv-pedro');

/** Pedro (Ana's lead) wrote last at `lastInboundAt`; his visit is for "Torres del Parque". */
const reminderWorld = async (options: {
  lastInboundAt: number | null;
  templates?: readonly Template[];
  phone?: string | null;
}) => {
  const world = aWorld(T0);
  const lead = aLead()
    .withId('lead-pedro')
    .withName('Pedro Díaz')
    .withPhone(options.phone === undefined ? '+573001112233' : options.phone)
    .assignedTo('u-ana', T0)
    .build();
  await world.given({
    users: [aUser().withId('u-ana').build()],
    catalog: { projects: [aProject().withId('p-bog-1').named('Torres del Parque').build()] },
    templates: options.templates ?? [recordatorioCita().build()],
    leads: [lead],
    visits: [aVisit().withId('visit-pedro').ofLead(lead.id).forProject('p-bog-1').build()],
    conversations:
      lead.phone === null
        ? []
        : [
            aConversation()
              .withId(conversationId)
              .withContact({ phone: lead.phone, userId: null })
              .ofLead(lead.id)
              .lastInboundAt(options.lastInboundAt)
              .build(),
          ],
  });
  const { uow, clock, ids } = world;
  const schedule = new ScheduleAppointment(uow, clock, ids, REMINDERS);
  const book = async (startsAt = THU_10) => {
    const booked = await schedule.execute({
      actor: actorNamed('u-ana'),
      visitId: asId('visit-pedro'),
      startsAt,
      endsAt: startsAt + HOUR_MS,
    });
    if (!booked.ok) throw new Error(booked.error.type);
    return booked.value;
  };
  const worker = new SendAppointmentReminders(uow, clock, ids, REMINDERS);
  const sent = () => world.read((r) => r.messages.byConversation(conversationId));
  const appointment = (id: string) => world.read((r) => r.appointments.byId(asId(id)));
  return { world, book, worker, sent, appointment };
};

describe('appointment reminders', () => {
  it('wait until a day before, then queue one text inside the window, once', async () => {
    const { world, book, worker, sent, appointment } = await reminderWorld({ lastInboundAt: THU_10 - 30 * HOUR_MS });
    const booked = await book();

    expect(await worker.drain()).toBe(0);
    world.clock.set(THU_10 - 24 * HOUR_MS);
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);

    const messages = await sent();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: 'outbound',
      visitId: 'visit-pedro',
      author: { kind: 'bot' },
      content: {
        kind: 'text',
        body: expect.stringContaining('Torres del Parque el jueves 26 de noviembre a las 10:00 de la mañana'),
      },
    });
    expect((await appointment(booked.id))?.reminder).toEqual({
      state: 'queued',
      dueAt: THU_10 - 24 * HOUR_MS,
      at: THU_10 - 24 * HOUR_MS,
      via: 'text',
      messageId: messages[0]?.id,
    });
    expect(world.events.published.map((e) => e.type)).toContain('message_queued');
    expect(world.events.published).toContainEqual(
      expect.objectContaining({ type: 'appointment_changed', change: 'reminder_queued' }),
    );
  });

  it('use the approved template outside the window', async () => {
    const { world, book, worker, sent } = await reminderWorld({ lastInboundAt: T0 - 2 * DAY_MS });
    await book();
    world.clock.set(THU_10 - 20 * HOUR_MS);

    expect(await worker.drain()).toBe(1);
    expect((await sent())[0]?.content).toEqual({
      kind: 'template',
      name: 'recordatorio_cita',
      language: 'es_CO',
      parameters: ['Pedro', 'Torres del Parque', 'jueves 26 de noviembre a las 10:00 de la mañana'],
      renderedText:
        'Hola Pedro, te recordamos tu cita en Torres del Parque el jueves 26 de noviembre a las 10:00 de la mañana. ¡Te esperamos!',
    });
  });

  it('without an approved template, record that it could not be sent and tell the advisor, failing nothing', async () => {
    const { world, book, worker, sent, appointment } = await reminderWorld({ lastInboundAt: null, templates: [] });
    const booked = await book();
    world.clock.set(THU_10 - 2 * HOUR_MS);

    expect(await worker.drain()).toBe(1);
    expect(await sent()).toEqual([]);
    expect((await appointment(booked.id))?.reminder).toEqual({
      state: 'not_sent',
      dueAt: THU_10 - 24 * HOUR_MS,
      at: THU_10 - 2 * HOUR_MS,
      reason: 'no_approved_template',
    });
    expect(world.events.published).toContainEqual({
      type: 'appointment_reminder_not_sent',
      leadId: 'lead-pedro',
      visitId: 'visit-pedro',
      appointmentId: booked.id,
      advisorId: 'u-ana',
      reason: 'no_approved_template',
    });
    expect(await worker.drain()).toBe(0);
  });

  it('are not sent for a lead without WhatsApp, nor once the appointment has started', async () => {
    const nobody = await reminderWorld({ lastInboundAt: null, phone: null });
    const booked = await nobody.book();
    nobody.world.clock.set(THU_10 - HOUR_MS);
    await nobody.worker.drain();
    expect((await nobody.appointment(booked.id))?.reminder).toMatchObject({
      state: 'not_sent',
      reason: 'lead_has_no_whatsapp',
    });

    const late = await reminderWorld({ lastInboundAt: T0 });
    const started = await late.book();
    late.world.clock.set(THU_10 + 1);
    await late.worker.drain();
    expect(await late.sent()).toEqual([]);
    expect((await late.appointment(started.id))?.reminder).toMatchObject({
      state: 'not_sent',
      reason: 'appointment_started',
    });
  });

  it('are none for a cancelled appointment, and new for a rescheduled one even after the first was sent', async () => {
    const { world, book, worker, sent, appointment } = await reminderWorld({ lastInboundAt: THU_10 - 23 * HOUR_MS });
    const cancelled = await book();
    const moved = await book(THU_10 + 2 * HOUR_MS);
    const status = new ChangeAppointmentStatus(world.uow, world.clock);
    await status.execute({ actor: actorNamed('u-ana'), appointmentId: cancelled.id, status: 'cancelled' });

    world.clock.set(THU_10 - 22 * HOUR_MS);
    expect(await worker.drain()).toBe(1);
    const reschedule = new RescheduleAppointment(world.uow, world.clock, REMINDERS);
    const FRI_10 = THU_10 + DAY_MS;
    await reschedule.execute({
      actor: actorNamed('u-ana'),
      appointmentId: moved.id,
      startsAt: FRI_10,
      endsAt: FRI_10 + HOUR_MS,
    });
    expect((await appointment(moved.id))?.reminder).toEqual({ state: 'pending', dueAt: THU_10 });
    expect(await worker.drain()).toBe(0);
    world.clock.set(THU_10);
    expect(await worker.drain()).toBe(1);

    expect((await sent()).map((m) => m.content.kind === 'text' && m.content.body.includes('viernes 27'))).toEqual([
      false,
      true,
    ]);
    expect((await appointment(cancelled.id))?.reminder).toEqual({ state: 'none' });
  });
});
