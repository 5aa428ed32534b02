import type { Conversation } from '../../domain/conversation/conversation.ts';
import { queuedMessage } from '../../domain/messaging/lifecycle.ts';
import type { MessageAuthor, OutboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { DeskEvent } from '../ports/events.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Repositories } from '../ports/unit-of-work.ts';

export type QueueRequest = {
  readonly conversation: Conversation;
  readonly visitId: VisitId | null;
  readonly contents: readonly OutboundContent[];
  readonly author: MessageAuthor;
  readonly now: Instant;
};

/**
 * Stores messages as queued, in order, inside the caller's transaction: the stored row is the outbox
 * entry, so a crash after commit loses nothing and the dispatcher sends it later.
 */
export const queueOutbound = async (
  repos: Repositories,
  ids: IdGenerator,
  request: QueueRequest,
): Promise<{ messages: OutboundMessage[]; events: DeskEvent[] }> => {
  const { conversation, visitId, author, now } = request;
  const messages = request.contents.map(
    (content): OutboundMessage =>
      queuedMessage({ id: ids.next('msg'), conversation, visitId, at: now, content, author }),
  );
  for (const m of messages) await repos.messages.saveOutbound(m);
  const events = messages.map(
    (m): DeskEvent => ({ type: 'message_queued', conversationId: m.conversationId, leadId: m.leadId, messageId: m.id }),
  );
  return { messages, events };
};
