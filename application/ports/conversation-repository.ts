import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { ConversationId, LeadId, LineId } from '../../domain/shared/ids.ts';

export interface ConversationRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: ConversationId): Promise<Conversation | null>;
  /** The conversation of this WhatsApp user (same user id, else same phone) on this line, or `null`. */
  byIdentity(lineId: LineId, identity: WaIdentity): Promise<Conversation | null>;
  /** A lead's conversations, the one with the latest inbound message first. */
  byLead(leadId: LeadId): Promise<Conversation[]>;
  /** Inserts or replaces by id. */
  save(conversation: Conversation): Promise<void>;
}
