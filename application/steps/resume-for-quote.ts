import { textsFor } from '../ports/configuration.ts';
import type { BotContext } from '../../domain/chatbot/bot-state.ts';
import { dataControllerOf } from '../../domain/chatbot/data-controller.ts';
import { resume } from '../../domain/chatbot/flow.ts';
import { type Conversation, withBot } from '../../domain/conversation/conversation.ts';
import type { InboundMessage } from '../../domain/messaging/message.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Transaction } from '../ports/unit-of-work.ts';
import { queueOutbound } from './queue-outbound.ts';

export type ResumeForQuoteDeps = { readonly clock: Clock; readonly ids: IdGenerator };

/**
 * A registered lead asked for another quote on a line that lets the bot quote them (`botTakesNewQuote`): the bot
 * takes the conversation back at the search, from what the lead had told it (`resume`), saying so with
 * `newQuoteStart`; the lead keeps their advisor. Inside the inbox worker's transaction; returns how many replies it
 * queued. Records `conversation_handed` (to the bot), as an advisor's hand-back does.
 */
export const resumeForQuote = async (
  tx: Transaction,
  deps: ResumeForQuoteDeps,
  line: BusinessLine,
  conversation: Conversation,
  message: InboundMessage,
): Promise<number> => {
  const settings = await tx.settings.current();
  const now = deps.clock.now();
  const ctx: BotContext = {
    catalog: await tx.catalog.forLine(line),
    // `resume` opens with `botResumed` (an advisor's hand-back); here the lead asked, so it says `newQuoteStart`.
    texts: { ...textsFor(settings, line), botResumed: textsFor(settings, line).newQuoteStart },
    policy: settings.policy,
    controller: dataControllerOf(await tx.builder.current()),
    settings: settings.flow,
    now,
    messageId: message.waMessageId,
  };
  const turn = resume(conversation.bot, ctx);
  const resumed = withBot(conversation, turn.state);
  await tx.conversations.save(resumed);
  const queued = await queueOutbound(tx, deps.ids, {
    conversation: resumed,
    visitId: message.visitId,
    contents: turn.replies,
    author: { kind: 'bot' },
    now,
  });
  if (conversation.leadId !== null)
    tx.events.record({
      type: 'conversation_handed',
      leadId: conversation.leadId,
      conversationId: conversation.id,
      to: 'bot',
    });
  return queued.length;
};
