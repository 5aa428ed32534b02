import type { MessageRepository } from '../../application/ports/message-repository.ts';
import type { InboundContent, InboundMessage, Message, OutboundMessage } from '../../domain/messaging/message.ts';
import type { ConversationId, LeadId, MediaId, MessageId, WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { mediaIdsOf } from '../../domain/messaging/media-references.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryMessageRepository implements MessageRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byId(id: MessageId): Promise<Message | null> {
    return copy(this.#store.data.messages.get(id) ?? null);
  }

  async byWaMessageId(waMessageId: WaMessageId): Promise<Message | null> {
    return copy(this.#all().find((m) => m.waMessageId === waMessageId) ?? null);
  }

  async addInbound(message: InboundMessage): Promise<boolean> {
    if (this.#all().some((m) => m.waMessageId === message.waMessageId)) return false;
    // A reused internal id is a bug in the caller, as a primary-key violation would be in a database.
    if (this.#store.data.messages.has(message.id)) throw new Error(`message ${message.id} is already stored`);
    this.#store.data.messages.set(message.id, copy(message));
    return true;
  }

  async updateInboundContent(id: MessageId, content: InboundContent): Promise<void> {
    const stored = this.#store.data.messages.get(id);
    if (stored?.direction === 'inbound') this.#store.data.messages.set(id, copy({ ...stored, content }));
  }

  async saveOutbound(message: OutboundMessage): Promise<void> {
    if (this.#store.data.messages.get(message.id)?.direction === 'inbound') {
      throw new Error(`message ${message.id} is stored as inbound`);
    }
    this.#store.data.messages.set(message.id, copy(message));
    this.#store.data.leases.delete(message.id);
  }

  async byConversation(conversationId: ConversationId): Promise<Message[]> {
    return copy(this.#all().filter((m) => m.conversationId === conversationId));
  }

  async personWroteSince(conversationId: ConversationId, since: Instant | null): Promise<boolean> {
    // The same 50 latest messages the SQL reads (`DrizzleMessageRepository.personWroteSince`).
    return this.#all()
      .filter((m) => m.conversationId === conversationId && m.direction === 'outbound')
      .filter((m) => since === null || m.createdAt >= since)
      .slice(-50)
      .some((m) => m.direction === 'outbound' && m.author.kind === 'user');
  }

  /** Includes messages stored before the lead was registered, through the conversations now linked to it. */
  async byLead(leadId: LeadId): Promise<Message[]> {
    const { conversations } = this.#store.data;
    return copy(
      this.#all().filter((m) => m.leadId === leadId || conversations.get(m.conversationId)?.leadId === leadId),
    );
  }

  async leadsReferencingMedia(mediaId: MediaId): Promise<(LeadId | null)[]> {
    const { conversations } = this.#store.data;
    const leads = this.#all()
      .filter((m) => mediaIdsOf(m).includes(mediaId))
      .map((m) => m.leadId ?? conversations.get(m.conversationId)?.leadId ?? null);
    return [...new Set(leads)];
  }

  async claimDueOutbound(now: Instant, limit: number, leaseUntil: Instant): Promise<OutboundMessage[]> {
    const { leases } = this.#store.data;
    const queued = this.#all().filter((m): m is OutboundMessage => m.direction === 'outbound' && m.status === 'queued');
    // Stable sort: messages created at the same instant keep the order they were stored in.
    queued.sort((a, b) => a.createdAt - b.createdAt);
    const heads = new Map<string, OutboundMessage>();
    for (const m of queued) if (!heads.has(m.conversationId)) heads.set(m.conversationId, m);
    const claimable = [...heads.values()].filter(
      (m) => m.nextAttemptAt <= now && (leases.get(m.id) ?? -Infinity) <= now,
    );
    const claimed = claimable.slice(0, Math.max(0, limit));
    for (const m of claimed) leases.set(m.id, leaseUntil);
    return copy(claimed);
  }

  #all(): Message[] {
    return [...this.#store.data.messages.values()];
  }
}
