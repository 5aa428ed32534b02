import { z } from '@hono/zod-openapi';

export const AppointmentIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'appt_1' }),
});

export const RescheduleBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-11-27T15:00:00.000Z' }),
    endsAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-11-27T16:00:00.000Z' }),
  })
  .openapi('RescheduleAppointment');

export const AppointmentStatusBody = z
  .object({
    status: z.enum(['confirmed', 'done', 'no_show', 'cancelled']).openapi({
      description:
        'confirmed (the lead confirmed), done (held), no_show (the lead did not come), cancelled. ' +
        'Allowed: scheduled → confirmed, done, no_show, cancelled; confirmed → done, no_show, cancelled; ' +
        'done, no_show and cancelled are final. done and no_show only once the appointment has started.',
    }),
  })
  .openapi('AppointmentStatusChange');
