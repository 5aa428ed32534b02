import { mediaIdsOf } from '../../domain/messaging/media-references.ts';
import type { InboundContent, InboundMessage, Message, OutboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MessageId,
  type VisitId,
  type WaMessageId,
} from '../../domain/shared/ids.ts';
import { messageAuthorCodec } from './codecs/message-author-codec.ts';
import { inboundContentCodec, outboundContentCodec } from './codecs/message-content-codec.ts';
import { sendFailureCodec } from './codecs/send-failure-codec.ts';
import { toDate, toInstant } from './rows.ts';
import type { messages } from './schema.ts';

type MessageRow = typeof messages.$inferSelect;
type MessageInsert = typeof messages.$inferInsert;

/** The text a person reads in the message, kept in `body` so messages can be searched. */
export const bodyOf = (content: InboundContent | OutboundContent): string | null => {
  switch (content.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return content.body;
    case 'choice':
      return content.title;
    case 'media':
      return content.caption ?? null;
    case 'template':
      return content.renderedText;
    case 'location':
      return [content.name, content.address].filter((part) => part !== undefined).join(', ') || null;
    case 'reaction':
      return content.emoji;
    case 'unsupported':
      return null;
  }
};

/**
 * The columns derived from an inbound message's content: its kind, its searchable text and the file of ours
 * it carries (which the media access check looks up), all written whenever the content is.
 */
export const inboundContentColumns = (content: InboundContent) => ({
  type: content.kind,
  body: bodyOf(content),
  content: inboundContentCodec.encode(content),
  mediaId: mediaIdsOf({ content })[0] ?? null,
});

const outboundContentColumns = (content: OutboundContent) => ({
  type: content.kind,
  body: bodyOf(content),
  content: outboundContentCodec.encode(content),
  mediaId: mediaIdsOf({ content })[0] ?? null,
});

const common = (m: Message) => ({
  id: m.id,
  conversationId: m.conversationId,
  leadId: m.leadId,
  visitId: m.visitId,
  direction: m.direction,
  createdAt: toDate(m.createdAt),
});

export const toInboundRow = (m: InboundMessage): MessageInsert => ({
  ...common(m),
  ...inboundContentColumns(m.content),
  waMessageId: m.waMessageId,
  replyToWaMessageId: m.replyTo ?? null,
  sentAt: toDate(m.sentAt),
});

export const toOutboundRow = (m: OutboundMessage): MessageInsert => ({
  ...common(m),
  ...outboundContentColumns(m.content),
  waMessageId: m.waMessageId,
  status: m.status,
  statusAt: toDate(m.statusAt),
  failure: m.failure === null ? null : sendFailureCodec.encode(m.failure),
  author: messageAuthorCodec.encode(m.author),
  attempts: m.attempts,
  nextAttemptAt: toDate(m.nextAttemptAt),
  // Saving clears the lease: the sender is done with this attempt.
  leaseUntil: null,
  // Once WhatsApp accepted it; the repository keeps the first such time.
  sentAt: m.waMessageId === null ? null : toDate(m.statusAt),
});

const required = <T>(value: T | null, column: string, id: string): T => {
  if (value === null) throw new Error(`outbound message ${id} has no ${column}`);
  return value;
};

export const toMessage = (row: MessageRow): Message => {
  const base = {
    id: asId<MessageId>(row.id),
    conversationId: asId<ConversationId>(row.conversationId),
    leadId: row.leadId === null ? null : asId<LeadId>(row.leadId),
    visitId: row.visitId === null ? null : asId<VisitId>(row.visitId),
    createdAt: toInstant(row.createdAt),
  };
  if (row.direction === 'inbound') {
    return {
      ...base,
      direction: 'inbound',
      waMessageId: asId<WaMessageId>(required(row.waMessageId, 'wa_message_id', row.id)),
      content: inboundContentCodec.decode(row.content),
      sentAt: toInstant(required(row.sentAt, 'sent_at', row.id)),
      ...(row.replyToWaMessageId === null ? {} : { replyTo: asId<WaMessageId>(row.replyToWaMessageId) }),
    };
  }
  return {
    ...base,
    direction: 'outbound',
    waMessageId: row.waMessageId === null ? null : asId<WaMessageId>(row.waMessageId),
    content: outboundContentCodec.decode(row.content),
    author: messageAuthorCodec.decode(required(row.author, 'author', row.id)),
    status: required(row.status, 'status', row.id),
    statusAt: toInstant(required(row.statusAt, 'status_at', row.id)),
    failure: row.failure === null ? null : sendFailureCodec.decode(row.failure),
    attempts: row.attempts,
    nextAttemptAt: toInstant(required(row.nextAttemptAt, 'next_attempt_at', row.id)),
  };
};

export const toOutbound = (row: MessageRow): OutboundMessage => {
  const message = toMessage(row);
  if (message.direction !== 'outbound') throw new Error(`message ${row.id} is inbound`);
  return message;
};
