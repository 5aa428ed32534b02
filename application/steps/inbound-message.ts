import {
  type Conversation,
  handedTo,
  openConversation,
  withFirstContact,
  withInbound,
} from '../../domain/conversation/conversation.ts';
import { firstContactOf } from '../../domain/lead/origin.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import { receivedMessage } from '../../domain/messaging/lifecycle.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ConversationId, MessageId } from '../../domain/shared/ids.ts';
import type { InboundEnvelope } from '../ports/inbound.ts';
import type { Transaction } from '../ports/unit-of-work.ts';
import type { QuoteDrafts } from '../use-cases/quote-drafts.ts';
import { botTakesNewQuote } from '../../domain/chatbot/new-quote-request.ts';
import { acknowledgeLead } from './acknowledge-lead.ts';
import { resumeForQuote } from './resume-for-quote.ts';
import { type BotTurnDeps, botTurn } from './bot-turn.ts';
import { learnIdentity, savePhoneOf, senderConversation, senderLead } from './sender-identity.ts';

export type UnknownLine = { readonly type: 'UnknownLine'; readonly phoneNumberId: string };

export type InboundOutcome =
  | { readonly kind: 'duplicate' }
  /**
   * A lead with an advisor wrote (handed over, taken over, or a CRM lead): stored for the CRM; the bot only
   * acknowledges it, once a day at most (`acknowledgeLead`).
   */
  | { readonly kind: 'recorded'; readonly conversationId: ConversationId; readonly messageId: MessageId }
  | {
      readonly kind: 'answered';
      readonly conversationId: ConversationId;
      readonly messageId: MessageId;
      /** The line that answers and how many replies the bot queued (none for a reaction). */
      readonly line: BusinessLine;
      readonly replies: number;
    };

export type InboundMessageDeps = BotTurnDeps;

/**
 * A message from WhatsApp, inside the inbox worker's transaction: stored once (by Meta's id), the window
 * reopened, then either recorded for the lead's advisor (once the bot has handed them over) or answered by the bot
 * (registered or not), all in that one transaction so
 * the state never skips or repeats. The sender is found by user id first (see `senderConversation`): a user
 * writing from a new number stays in their conversation, which takes the number. Since a bot turn may quote,
 * the caller runs it through `withQuoteDrafts`.
 */
export const takeInboundMessage = async (
  tx: Transaction,
  deps: InboundMessageDeps,
  envelope: InboundEnvelope,
  drafts: QuoteDrafts,
): Promise<Result<InboundOutcome, UnknownLine>> => {
  const line = await tx.lines.byPhoneNumberId(envelope.phoneNumberId);
  if (line === null) return err({ type: 'UnknownLine', phoneNumberId: envelope.phoneNumberId });
  if ((await tx.messages.byWaMessageId(envelope.waMessageId)) !== null) return ok({ kind: 'duplicate' });
  const { found, phoneMayBeHeld } = await senderConversation(tx, line.id, envelope.from);
  const lead =
    (found?.leadId == null ? null : await tx.leads.byId(found.leadId)) ?? (await senderLead(tx, envelope.from));
  const conversation = withFirstContact(
    withInbound(found ?? newConversation(deps, line, envelope), envelope.sentAt, envelope.profileName, envelope.from),
    firstContactOf(envelope.content, envelope.sentAt, envelope.referral ?? null),
  );
  await savePhoneOf(tx, conversation, found, phoneMayBeHeld);
  // A lead the bot registered goes on with the bot; a lead found otherwise (a CRM lead writing) is their advisor's.
  const current = lead === null || found?.leadId === lead.id ? conversation : handedTo(conversation, lead.id);
  await tx.conversations.save(current);
  const message = await store(tx, deps, current, lead, envelope);
  if (message === null) return ok({ kind: 'duplicate' });
  if (envelope.content.kind === 'media') {
    // "Media pending": copied by the media worker after this commits, outside any transaction, retried until it comes.
    const fetch = {
      messageId: message.id,
      phoneNumberId: envelope.phoneNumberId,
      waMediaId: envelope.content.waMediaId,
    };
    await tx.mediaFetches.add(fetch, deps.clock.now());
  }
  tx.events.record({
    type: 'message_received',
    conversationId: conversation.id,
    leadId: lead?.id ?? null,
    messageId: message.id,
  });
  if (lead !== null) await learnIdentity(tx, lead, envelope.from);
  const quoteAgain = botTakesNewQuote({
    state: current.bot,
    allowed: line.botQuotesForRegistered,
    hasAdvisor: lead?.advisorId != null,
    text: envelope.content.kind === 'text' ? envelope.content.body : null,
  });
  if (quoteAgain) {
    const replies = await resumeForQuote(tx, deps, line, current, message);
    return ok({ kind: 'answered', conversationId: conversation.id, messageId: message.id, line, replies });
  }
  if (current.bot.step === 'withAdvisor') {
    if (lead !== null) {
      const wrote = { conversation: current, lead, message, previousInboundAt: found?.lastInboundAt ?? null };
      const after = await acknowledgeLead(tx, deps, wrote);
      if (after !== current) await tx.conversations.save(after);
    }
    return ok({ kind: 'recorded', conversationId: conversation.id, messageId: message.id });
  }
  const replies = await botTurn(tx, deps, line, current, message, drafts, found?.lastInboundAt ?? null);
  return ok({ kind: 'answered', conversationId: conversation.id, messageId: message.id, line, replies });
};

const newConversation = (deps: InboundMessageDeps, line: BusinessLine, envelope: InboundEnvelope): Conversation =>
  openConversation({
    id: deps.ids.next('conv'),
    lineId: line.id,
    contact: envelope.from,
    profileName: envelope.profileName,
    leadId: null,
    at: deps.clock.now(),
  });

const store = async (
  tx: Transaction,
  deps: InboundMessageDeps,
  conversation: Conversation,
  lead: Lead | null,
  envelope: InboundEnvelope,
) => {
  const visits = lead === null ? [] : await tx.visits.byLead(lead.id);
  const message = receivedMessage({
    id: deps.ids.next('msg'),
    conversation: { id: conversation.id, leadId: lead?.id ?? null },
    visitId: visits[0]?.id ?? null,
    at: deps.clock.now(),
    waMessageId: envelope.waMessageId,
    content: envelope.content,
    sentAt: envelope.sentAt,
    replyTo: envelope.replyTo,
  });
  return (await tx.messages.addInbound(message)) ? message : null;
};
