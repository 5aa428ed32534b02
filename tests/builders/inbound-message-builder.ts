import type { InboundContent, InboundMessage } from '../../domain/messaging/message.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MessageId,
  type VisitId,
  type WaMessageId,
} from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { nextId } from './next-id.ts';

export class InboundMessageBuilder {
  #message: InboundMessage = {
    id: nextId<MessageId>('message-in'),
    conversationId: asId<ConversationId>('conversation-1'),
    leadId: null,
    visitId: null,
    createdAt: 0,
    direction: 'inbound',
    waMessageId: nextId<WaMessageId>('wamid.in'),
    content: { kind: 'text', body: 'Hola' },
    sentAt: 0,
  };

  withId(id: string): this {
    return this.#set({ id: asId<MessageId>(id) });
  }

  inConversation(conversationId: string): this {
    return this.#set({ conversationId: asId<ConversationId>(conversationId) });
  }

  ofLead(leadId: string | null): this {
    return this.#set({ leadId: leadId === null ? null : asId<LeadId>(leadId) });
  }

  aboutVisit(visitId: string | null): this {
    return this.#set({ visitId: visitId === null ? null : asId<VisitId>(visitId) });
  }

  withWaMessageId(waMessageId: string): this {
    return this.#set({ waMessageId: asId<WaMessageId>(waMessageId) });
  }

  saying(body: string): this {
    return this.#set({ content: { kind: 'text', body } });
  }

  withContent(content: InboundContent): this {
    return this.#set({ content });
  }

  /** Sent by the lead at `sentAt`, stored by us at `receivedAt` (the same instant unless given). */
  sentAt(sentAt: Instant, receivedAt: Instant = sentAt): this {
    return this.#set({ sentAt, createdAt: receivedAt });
  }

  build(): InboundMessage {
    return this.#message;
  }

  #set(patch: Partial<InboundMessage>): this {
    this.#message = { ...this.#message, ...patch };
    return this;
  }
}

export const anInboundMessage = (): InboundMessageBuilder => new InboundMessageBuilder();
