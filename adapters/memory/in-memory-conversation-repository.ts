import type { ConversationCursor, ConversationRepository } from '../../application/ports/conversation-repository.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { ConversationId, LeadId, LineId } from '../../domain/shared/ids.ts';
import { findByIdentity } from './find-by-identity.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

/** Conversations that never had an inbound message sort last. */
const latestInboundFirst = (a: Conversation, b: Conversation): number =>
  (b.lastInboundAt ?? -Infinity) - (a.lastInboundAt ?? -Infinity) || b.createdAt - a.createdAt;

export class InMemoryConversationRepository implements ConversationRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byId(id: ConversationId): Promise<Conversation | null> {
    return copy(this.#store.data.conversations.get(id) ?? null);
  }

  async byIdentity(lineId: LineId, identity: WaIdentity): Promise<Conversation | null> {
    const onLine = [...this.#store.data.conversations.values()].filter((c) => c.lineId === lineId);
    return copy(findByIdentity(onLine, identity, (c) => c.contact));
  }

  async unregistered(after: ConversationCursor | null, limit: number): Promise<Conversation[]> {
    const newestFirst = (a: Conversation, b: Conversation) =>
      b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const isAfter = (c: Conversation) =>
      after === null || c.createdAt < after.createdAt || (c.createdAt === after.createdAt && c.id < after.id);
    const page = [...this.#store.data.conversations.values()]
      .filter((c) => c.leadId === null && isAfter(c))
      .sort(newestFirst)
      .slice(0, limit);
    return copy(page);
  }

  async byLead(leadId: LeadId): Promise<Conversation[]> {
    const mine = [...this.#store.data.conversations.values()].filter((c) => c.leadId === leadId);
    return copy(mine.sort(latestInboundFirst));
  }

  /** The same unique keys as the database's: one phone and one user id per line. */
  async save(conversation: Conversation): Promise<void> {
    const { lineId, contact } = conversation;
    for (const other of this.#store.data.conversations.values()) {
      if (other.id === conversation.id || other.lineId !== lineId) continue;
      if (contact.phone !== null && other.contact.phone === contact.phone) throw new Conflict('conversation', 'phone');
      if (contact.userId !== null && other.contact.userId === contact.userId)
        throw new Conflict('conversation', 'user id');
    }
    this.#store.data.conversations.set(conversation.id, copy(conversation));
  }

  async releasePhone(lineId: LineId, phone: PhoneE164, keep: ConversationId): Promise<void> {
    const { conversations } = this.#store.data;
    for (const c of conversations.values()) {
      if (c.id !== keep && c.lineId === lineId && c.contact.phone === phone)
        conversations.set(c.id, { ...c, contact: { ...c.contact, phone: null } });
    }
  }
}
