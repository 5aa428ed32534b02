import { z } from 'zod';
import type { InboundEnvelope, StatusEnvelope } from '../../../application/ports/inbound.ts';
import type { InboxEntry, MediaFetch } from '../../../application/ports/inbox-repository.ts';
import type { PhoneE164 } from '../../../domain/contact/phone.ts';
import type { MessageId, WaMessageId } from '../../../domain/shared/ids.ts';
import { inboundContentSchema } from './message-content-codec.ts';
import { adReferralSchema } from './origin-codec.ts';
import { branded, instant } from './parts.ts';
import { sendFailureSchema } from './send-failure-codec.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const waMessageId = branded<WaMessageId>();

const inboundEnvelopeSchema: z.ZodType<InboundEnvelope> = z.looseObject({
  phoneNumberId: z.string(),
  waMessageId,
  from: z.looseObject({ phone: branded<PhoneE164>().nullable(), userId: z.string().nullable() }),
  profileName: z.string().nullable(),
  sentAt: instant,
  content: inboundContentSchema,
  // Added after version 1 without a bump: entries stored before it carry no referral, and an older instance
  // reading a newer entry keeps it as an unknown field (loose object).
  referral: adReferralSchema.nullable().exactOptional(),
  // Added after version 1 the same way (issue 16): the message a quoted reply answers.
  replyTo: waMessageId.exactOptional(),
});

const statusEnvelopeSchema: z.ZodType<StatusEnvelope> = z.looseObject({
  waMessageId,
  status: z.enum(['sent', 'delivered', 'read', 'played', 'failed']),
  at: instant,
  failure: sendFailureSchema.nullable(),
});

const mediaFetchSchema: z.ZodType<MediaFetch> = z.looseObject({
  messageId: branded<MessageId>(),
  phoneNumberId: z.string(),
  waMediaId: z.string(),
});

const inboxEntrySchema: z.ZodType<InboxEntry> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('message'), envelope: inboundEnvelopeSchema }),
  z.looseObject({ kind: z.literal('status'), envelope: statusEnvelopeSchema }),
  z.looseObject({ kind: z.literal('media'), envelope: mediaFetchSchema }),
]);

/**
 * `inbox.payload`: what WhatsApp told us, as stored before acknowledging it. An entry that cannot be read fails
 * its claim (`UnreadableInboxEntry`, see `DrizzleInboxRepository.claimNext`) and ends as a dead letter. Version 1: today's shape in
 * an envelope.
 */
export const inboxEntryCodec = versionedCodec<InboxEntry>({
  name: 'inbox entry',
  schema: inboxEntrySchema,
  upgrades: [sameShape],
});
