import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { ConversationId, LeadId, LineId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** A place in the newest-first order of `unregistered`: the last conversation of the previous page. */
export type ConversationCursor = { readonly createdAt: Instant; readonly id: ConversationId };

export interface ConversationRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: ConversationId): Promise<Conversation | null>;
  /** The conversation of this WhatsApp user (same user id, else same phone) on this line, or `null`. */
  byIdentity(lineId: LineId, identity: WaIdentity): Promise<Conversation | null>;
  /** A lead's conversations, the one with the latest inbound message first. */
  byLead(leadId: LeadId): Promise<Conversation[]>;
  /**
   * Conversations of people the bot has not registered (no consent yet, or declined), newest first (creation time,
   * then id descending), after `after` when given: at most `limit`.
   */
  unregistered(after: ConversationCursor | null, limit: number): Promise<Conversation[]>;
  /**
   * Inserts or replaces by id; throws `Conflict` when another conversation on the line has this phone or
   * user id (each names one WhatsApp user per line).
   */
  save(conversation: Conversation): Promise<void>;
  /**
   * Takes `phone` off any conversation on the line other than `keep` (it keeps its history, lead and user
   * id): the number now belongs to the WhatsApp user of `keep`.
   */
  releasePhone(lineId: LineId, phone: PhoneE164, keep: ConversationId): Promise<void>;
}
