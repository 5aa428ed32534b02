import type { Conversation } from '../../domain/conversation/conversation.ts';
import { queuedMessage } from '../../domain/messaging/lifecycle.ts';
import type { MessageAuthor, OutboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Transaction } from '../ports/unit-of-work.ts';

export type QueueRequest = {
  readonly conversation: Conversation;
  readonly visitId: VisitId | null;
  readonly contents: readonly OutboundContent[];
  readonly author: MessageAuthor;
  readonly now: Instant;
};

/**
 * Stores messages as queued, in order, inside the caller's transaction: the stored row is the outbox
 * entry, so a crash after commit loses nothing and the dispatcher sends it later. Each records its
 * `message_queued`, which wakes the dispatcher once the transaction commits.
 */
export const queueOutbound = async (
  tx: Transaction,
  ids: IdGenerator,
  request: QueueRequest,
): Promise<OutboundMessage[]> => {
  const { conversation, visitId, author, now } = request;
  const messages = request.contents.map(
    (content): OutboundMessage =>
      queuedMessage({ id: ids.next('msg'), conversation, visitId, at: now, content, author }),
  );
  for (const m of messages) await tx.messages.saveOutbound(m);
  tx.events.record(
    ...messages.map((m) => ({
      type: 'message_queued' as const,
      conversationId: m.conversationId,
      leadId: m.leadId,
      messageId: m.id,
    })),
  );
  return messages;
};
