import type { InboundContent, InboundMessage, Message, OutboundMessage } from '../../domain/messaging/message.ts';
import type { ConversationId, LeadId, MediaId, MessageId, WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

export interface MessageRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: MessageId): Promise<Message | null>;
  /** The message Meta knows by this id (inbound or sent outbound), or `null`. */
  byWaMessageId(waMessageId: WaMessageId): Promise<Message | null>;
  /**
   * Stores a new inbound message; `false` (and nothing stored) when its Meta id is already stored,
   * so a redelivered webhook is processed once.
   */
  addInbound(message: InboundMessage): Promise<boolean>;
  /** Replaces a stored inbound message's content (e.g. once its file is downloaded); no-op when absent. */
  updateInboundContent(id: MessageId, content: InboundContent): Promise<void>;
  /** Inserts or replaces an outbound message by id. */
  saveOutbound(message: OutboundMessage): Promise<void>;
  /** A conversation's messages in the order they were stored. */
  byConversation(conversationId: ConversationId): Promise<Message[]>;
  /**
   * Whether a person (an advisor, a manager: not the bot) queued a message in this conversation at or after
   * `since` (`null`: ever; the same instant counts, as clocks and Meta's timestamps are coarse). Answers from the
   * latest messages only, in SQL.
   */
  personWroteSince(conversationId: ConversationId, since: Instant | null): Promise<boolean>;
  /** A lead's messages (all its conversations) in the order they were stored. */
  byLead(leadId: LeadId): Promise<Message[]>;
  /**
   * Who the messages carrying this file of ours (media, template header) belong to: one entry per distinct
   * lead, `null` for a message whose conversation has no lead yet; empty when no message references the file.
   */
  leadsReferencingMedia(mediaId: MediaId): Promise<(LeadId | null)[]>;
  /**
   * The outbox: claims for the caller, until `leaseUntil`, for each conversation its oldest queued
   * outbound message if it is due at `now` and not leased by another sender (later ones wait, so a
   * conversation's messages go out in order); oldest first, at most `limit`. A sender that dies
   * mid-send loses its lease and the message is sent again.
   */
  claimDueOutbound(now: Instant, limit: number, leaseUntil: Instant): Promise<OutboundMessage[]>;
}
