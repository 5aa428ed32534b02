import { z } from '@hono/zod-openapi';
import type { DeadLetter, DeadLetterSummary } from '../../../application/ports/dead-letter-repository.ts';
import type { Requeued } from '../../../application/use-cases/retry-dead-letter.ts';

const iso = (at: number): string => new Date(at).toISOString();

export const DeadLetterSchema = z
  .object({
    id: z.number().int().openapi({ description: 'Its inbox id', example: 4182 }),
    kind: z
      .enum(['message', 'status', 'media'])
      .openapi({ description: 'A lead’s message, a delivery receipt, or a file to download' }),
    status: z.enum(['dead_lettered', 'discarded']),
    receivedAt: z.iso.datetime(),
    attempts: z.number().int().openapi({ example: 8 }),
    lastError: z
      .object({
        code: z.string().openapi({ example: 'sqlstate_23505' }),
        reason: z.string().openapi({ example: 'Database error 23505 on conversations_line_phone_unique' }),
      })
      .openapi({ description: 'Why the last try failed: a code and a short reason, never what the lead wrote' }),
    deadLetteredAt: z.iso.datetime(),
    discardedAt: z.iso.datetime().nullable(),
  })
  .openapi('DeadLetter');

export const DeadLetterDetailSchema = DeadLetterSchema.extend({
  entry: z.record(z.string(), z.unknown()).openapi({
    description: 'What WhatsApp sent, as stored (`kind` and `envelope`): personal data (phone, text), for admins only',
  }),
}).openapi('DeadLetterDetail');

export const DeadLetterPageSchema = z
  .object({
    items: z.array(DeadLetterSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('DeadLetterPage');

export const RequeuedSchema = z
  .object({
    deadLetterId: z.number().int().openapi({ example: 4182 }),
    inboxId: z
      .number()
      .int()
      .openapi({ description: 'Its new place in the inbox: behind everything already queued', example: 5307 }),
    dueAt: z.iso.datetime(),
  })
  .openapi('RequeuedDeadLetter');

export const ListDeadLettersQuery = z.object({
  status: z
    .enum(['dead_lettered', 'discarded'])
    .default('dead_lettered')
    .openapi({ description: 'Discarded ones are kept for audit' }),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
});

export const DeadLetterIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: 'id', in: 'path' }, example: 4182 }),
});

export const deadLetterBody = (d: DeadLetterSummary): z.infer<typeof DeadLetterSchema> => ({
  id: d.id,
  kind: d.kind,
  status: d.discardedAt === null ? 'dead_lettered' : 'discarded',
  receivedAt: iso(d.receivedAt),
  attempts: d.attempts,
  lastError: { code: d.lastError.code, reason: d.lastError.reason },
  deadLetteredAt: iso(d.deadLetteredAt),
  discardedAt: d.discardedAt === null ? null : iso(d.discardedAt),
});

export const deadLetterDetailBody = (d: DeadLetter): z.infer<typeof DeadLetterDetailSchema> => ({
  ...deadLetterBody(d),
  entry: d.entry,
});

export const requeuedBody = (r: Requeued): z.infer<typeof RequeuedSchema> => ({
  deadLetterId: r.deadLetterId,
  inboxId: r.inboxId,
  dueAt: iso(r.dueAt),
});
