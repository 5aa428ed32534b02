import type { Conversation } from '../conversation/conversation.ts';
import type { MessageId, VisitId, WaMessageId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';
import type { DeliveryStatus, SendFailureReason } from './delivery-status.ts';
import type { InboundContent, InboundMessage, MessageAuthor, OutboundMessage } from './message.ts';
import type { OutboundContent } from './outbound.ts';

type Filing = {
  readonly id: MessageId;
  readonly conversation: Pick<Conversation, 'id' | 'leadId'>;
  readonly visitId: VisitId | null;
  readonly at: Instant;
};

/** A message a lead sent, as it is first stored, filed under the conversation's lead and visit. */
export const receivedMessage = (
  n: Filing & {
    readonly waMessageId: WaMessageId;
    readonly content: InboundContent;
    readonly sentAt: Instant;
    readonly replyTo?: WaMessageId | undefined;
  },
): InboundMessage => ({
  direction: 'inbound',
  id: n.id,
  conversationId: n.conversation.id,
  leadId: n.conversation.leadId,
  visitId: n.visitId,
  createdAt: n.at,
  waMessageId: n.waMessageId,
  content: n.content,
  sentAt: n.sentAt,
  ...(n.replyTo === undefined ? {} : { replyTo: n.replyTo }),
});

/** A message to send, as the outbox first holds it: queued, never tried, due now. */
export const queuedMessage = (
  n: Filing & { readonly content: OutboundContent; readonly author: MessageAuthor },
): OutboundMessage => ({
  direction: 'outbound',
  id: n.id,
  conversationId: n.conversation.id,
  leadId: n.conversation.leadId,
  visitId: n.visitId,
  createdAt: n.at,
  waMessageId: null,
  content: n.content,
  author: n.author,
  status: 'queued',
  statusAt: n.at,
  failure: null,
  attempts: 0,
  nextAttemptAt: n.at,
});

/** How one send attempt ended. */
export type AttemptOutcome =
  | { readonly kind: 'sent'; readonly waMessageId: WaMessageId }
  | { readonly kind: 'retry'; readonly nextAttemptAt: Instant }
  | { readonly kind: 'failed'; readonly failure: SendFailureReason };

/** The message after one more send attempt: sent, due again later, or failed for good. */
export const afterAttempt = (m: OutboundMessage, outcome: AttemptOutcome, at: Instant): OutboundMessage => {
  const attempts = m.attempts + 1;
  switch (outcome.kind) {
    case 'sent':
      return { ...m, status: 'sent', statusAt: at, waMessageId: outcome.waMessageId, attempts };
    case 'retry':
      return { ...m, attempts, nextAttemptAt: outcome.nextAttemptAt };
    case 'failed':
      return { ...m, attempts, status: 'failed', statusAt: at, failure: outcome.failure };
  }
};

/**
 * The message after WhatsApp reported a new status (already ordered by `nextStatus`). A later delivered/read
 * receipt proves a failure report wrong: no stale reason is kept.
 */
export const withDeliveryStatus = (
  m: OutboundMessage,
  status: DeliveryStatus,
  at: Instant,
  failure: SendFailureReason | null,
): OutboundMessage => ({
  ...m,
  status,
  statusAt: at,
  failure: status === 'failed' ? (failure ?? { code: 'unknown', title: 'Failed without a reason' }) : null,
});
