import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { bytea, instant, storedJson } from './columns.ts';

export const messageDirection = pgEnum('message_direction', ['inbound', 'outbound']);
export const deliveryStatus = pgEnum('delivery_status', ['queued', 'sent', 'delivered', 'read', 'played', 'failed']);
export const templateStatus = pgEnum('template_status', ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']);

export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    lineId: text('line_id').notNull(),
    phone: text('phone'),
    waUserId: text('wa_user_id'),
    profileName: text('profile_name'),
    leadId: text('lead_id'),
    /** `botStateCodec`. */
    bot: storedJson('bot').notNull(),
    lastInboundAt: instant('last_inbound_at'),
    /** `firstContactCodec`; null before the first message (and for conversations from before origins). */
    origin: storedJson('origin'),
    /** The last automatic "your advisor will answer" (one a day at most); null: never. */
    acknowledgedAt: instant('acknowledged_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    unique('conversations_line_phone_unique').on(t.lineId, t.phone),
    unique('conversations_line_wa_user_unique').on(t.lineId, t.waUserId),
    index('conversations_lead_idx').on(t.leadId),
    // The unregistered visitors list, newest first, paged by (created_at, id).
    index('conversations_unregistered_idx').on(t.createdAt, t.id).where(sql`${t.leadId} is null`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    /** Stored order: set on insert, kept when the message is replaced. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    leadId: text('lead_id'),
    visitId: text('visit_id'),
    direction: messageDirection('direction').notNull(),
    /** The content's kind (text, media, template…). */
    type: text('type').notNull(),
    /** A searchable copy of the text the message shows. */
    body: text('body'),
    /** `inboundContentCodec` or `outboundContentCodec`, by direction. */
    content: storedJson('content').notNull(),
    /** The file of ours the content carries (its media, or its template's media header), for access checks. */
    mediaId: text('media_id'),
    waMessageId: text('wa_message_id').unique('messages_wa_message_id_unique'),
    /** Inbound: Meta's id of the message the lead replied to (a quoted reply); null: none. */
    replyToWaMessageId: text('reply_to_wa_message_id'),
    status: deliveryStatus('status'),
    statusAt: instant('status_at'),
    /** `sendFailureCodec`. */
    failure: storedJson('failure'),
    /** `messageAuthorCodec`. */
    author: storedJson('author'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    /** Until when a sender holds this outbound message (the outbox lease). */
    leaseUntil: instant('lease_until'),
    createdAt: instant('created_at').notNull(),
    /** When the lead sent it (inbound), when WhatsApp accepted it (outbound). */
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.seq),
    index('messages_lead_idx').on(t.leadId, t.seq),
    index('messages_media_idx').on(t.mediaId).where(sql`${t.mediaId} is not null`),
    index('messages_outbox_idx')
      .on(t.conversationId, t.createdAt, t.seq)
      .where(sql`${t.direction} = 'outbound' and ${t.status} = 'queued'`),
  ],
);

export const messageStatusHistory = pgTable(
  'message_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    status: deliveryStatus('status').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('message_status_history_message_idx').on(t.messageId, t.id)],
);

/**
 * Files live in the database so that every instance serves them. A file stored whole keeps its `bytes`
 * here; one streamed in (a lead's 100 MB document) has `bytes` null and its bytes in `media_chunks`.
 */
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    mimeType: text('mime_type').notNull(),
    filename: text('filename'),
    bytes: bytea('bytes'),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** Whose file it is (`user`, `lead`, `conversation`) and their id; both null on rows from before 0005. */
    ownerKind: text('owner_kind'),
    ownerId: text('owner_id'),
  },
  (t) => [
    check('media_owner_kind_check', sql`${t.ownerKind} in ('user', 'lead', 'conversation')`),
    check('media_owner_complete', sql`(${t.ownerKind} is null) = (${t.ownerId} is null)`),
  ],
);

/** A streamed file's bytes, about 1 MiB a row, in `seq` order from 0. */
export const mediaChunks = pgTable(
  'media_chunks',
  {
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.seq] })],
);

export const templates = pgTable(
  'templates',
  {
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category').notNull(),
    status: templateStatus('status').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.language] })],
);

/** One row: the bot's texts, policy and flow settings as administrators last saved them. */
export const botSettings = pgTable(
  'bot_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** `botSettingsCodec`. */
    settings: storedJson('settings').notNull(),
  },
  (t) => [check('bot_settings_single_row', sql`${t.id} = 1`)],
);
