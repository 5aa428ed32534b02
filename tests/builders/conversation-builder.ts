import type { BotState } from '../../domain/chatbot/bot-state.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { asId, type ConversationId, type LeadId, type LineId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { nextId } from './next-id.ts';
import { nextPhone, phone } from './phone.ts';

export class ConversationBuilder {
  #conversation: Conversation = {
    id: nextId<ConversationId>('conversation'),
    lineId: asId<LineId>('line-1'),
    contact: { phone: nextPhone(), userId: null },
    profileName: 'Ana',
    leadId: null,
    bot: { step: 'start' },
    lastInboundAt: null,
    origin: null,
    createdAt: 0,
  };

  withId(id: string): this {
    return this.#set({ id: asId<ConversationId>(id) });
  }

  onLine(lineId: string): this {
    return this.#set({ lineId: asId<LineId>(lineId) });
  }

  /** The WhatsApp identity: a phone (any accepted form) and/or a user id. */
  withContact(contact: { readonly phone: string | null; readonly userId: string | null }): this {
    return this.#set({
      contact: { phone: contact.phone === null ? null : phone(contact.phone), userId: contact.userId },
    });
  }

  withProfileName(profileName: string | null): this {
    return this.#set({ profileName });
  }

  /** Linked to a lead, with their advisor (as a hand-over leaves it); `withBot` after this puts it back with the bot. */
  ofLead(leadId: string | null): this {
    return leadId === null
      ? this.#set({ leadId: null })
      : this.#set({ leadId: asId<LeadId>(leadId), bot: { step: 'withAdvisor' } });
  }

  withBot(bot: BotState): this {
    return this.#set({ bot });
  }

  lastInboundAt(at: Instant | null): this {
    return this.#set({ lastInboundAt: at });
  }

  createdAt(at: Instant): this {
    return this.#set({ createdAt: at });
  }

  build(): Conversation {
    return this.#conversation;
  }

  #set(patch: Partial<Conversation>): this {
    this.#conversation = { ...this.#conversation, ...patch };
    return this;
  }
}

export const aConversation = (): ConversationBuilder => new ConversationBuilder();
