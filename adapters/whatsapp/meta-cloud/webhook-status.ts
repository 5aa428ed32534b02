import { z } from 'zod';
import type { InboxEntry } from '../../../application/ports/inbox-repository.ts';
import type { SendFailureReason } from '../../../domain/messaging/delivery-status.ts';
import { asId, type WaMessageId } from '../../../domain/shared/ids.ts';
import type { Instant } from '../../../domain/shared/time.ts';
import { instantOf } from './webhook-envelope.ts';

const MetaError = z.object({
  code: z.union([z.number(), z.string().min(1)]),
  title: z.string().optional(),
  message: z.string().optional(),
});

/** `recipient_id` / `recipient_user_id` are not needed: the wamid names our outbound message. */
const Status = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'played', 'failed']),
  timestamp: z.unknown().optional(),
  errors: z.array(z.unknown()).optional().catch(undefined),
});

type StatusEntry = Extract<InboxEntry, { kind: 'status' }>;

const failureOf = (errors: readonly unknown[] | undefined): SendFailureReason => {
  const first = MetaError.safeParse(errors?.[0]);
  if (!first.success) return { code: 'unknown', title: 'Meta reported a failure without an error' };
  return { code: String(first.data.code), title: first.data.title ?? first.data.message ?? 'Unknown error' };
};

/** One delivery status as an inbox entry, or `null` (skipped) without an id or with a status we do not know. */
export const toStatusEntry = (raw: unknown, receivedAt: Instant): StatusEntry | null => {
  const parsed = Status.safeParse(raw);
  if (!parsed.success) return null;
  const { id, status, timestamp, errors } = parsed.data;
  return {
    kind: 'status',
    envelope: {
      waMessageId: asId<WaMessageId>(id),
      status,
      at: instantOf(timestamp, receivedAt),
      failure: status === 'failed' ? failureOf(errors) : null,
    },
  };
};
