import type { DeliveryStatus, SendFailureReason } from '../../domain/messaging/delivery-status.ts';
import type { MessageAuthor, OutboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
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

/** Defaults to a queued bot text, due as soon as it was created. */
export class OutboundMessageBuilder {
  #message: OutboundMessage = {
    id: nextId<MessageId>('message-out'),
    conversationId: asId<ConversationId>('conversation-1'),
    leadId: null,
    visitId: null,
    createdAt: 0,
    direction: 'outbound',
    waMessageId: null,
    content: { kind: 'text', body: '¡Hola! ¿En qué te ayudo?' },
    author: { kind: 'bot' },
    status: 'queued',
    statusAt: 0,
    failure: null,
    attempts: 0,
    nextAttemptAt: 0,
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

  saying(body: string): this {
    return this.#set({ content: { kind: 'text', body } });
  }

  withContent(content: OutboundContent): this {
    return this.#set({ content });
  }

  by(author: MessageAuthor): this {
    return this.#set({ author });
  }

  /** Created (and first due) at `at`. */
  createdAt(at: Instant): this {
    return this.#set({ createdAt: at, statusAt: at, nextAttemptAt: at });
  }

  dueAt(at: Instant): this {
    return this.#set({ nextAttemptAt: at });
  }

  withAttempts(attempts: number): this {
    return this.#set({ attempts });
  }

  /** Accepted by WhatsApp under this id, with the status Meta reported last. */
  sentAs(waMessageId: string, status: Exclude<DeliveryStatus, 'queued' | 'failed'> = 'sent'): this {
    return this.#set({ waMessageId: asId<WaMessageId>(waMessageId), status });
  }

  failedWith(failure: SendFailureReason): this {
    return this.#set({ status: 'failed', failure });
  }

  build(): OutboundMessage {
    return this.#message;
  }

  #set(patch: Partial<OutboundMessage>): this {
    this.#message = { ...this.#message, ...patch };
    return this;
  }
}

export const anOutboundMessage = (): OutboundMessageBuilder => new OutboundMessageBuilder();
