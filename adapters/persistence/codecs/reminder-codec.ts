import { z } from 'zod';
import type { MessageId } from '../../../domain/shared/ids.ts';
import type { Reminder } from '../../../domain/visit/appointment-reminder.ts';
import { branded, instant } from './parts.ts';
import { versionedCodec } from './stored-codec.ts';

const failure = z.enum([
  'no_approved_template',
  'template_parameter_mismatch',
  'lead_has_no_whatsapp',
  'appointment_started',
]);

const schema: z.ZodType<Reminder> = z.discriminatedUnion('state', [
  z.looseObject({ state: z.literal('pending'), dueAt: instant }),
  z.looseObject({
    state: z.literal('queued'),
    dueAt: instant,
    at: instant,
    via: z.enum(['text', 'template']),
    messageId: branded<MessageId>(),
  }),
  z.looseObject({ state: z.literal('not_sent'), dueAt: instant, at: instant, reason: failure }),
  z.looseObject({ state: z.literal('none') }),
]);

/**
 * `appointments.reminder`: the reminder's state. Queries never read it: the claim reads `reminder_due_at`, set
 * from it (only while the reminder is pending). Version 1: the first shape.
 */
export const reminderCodec = versionedCodec<Reminder>({
  name: 'appointment reminder',
  schema,
  upgrades: [(previous) => previous],
});
