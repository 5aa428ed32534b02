import type { BotContext, BotEffect, BotInput, Session } from '../../domain/chatbot/bot-state.ts';
import { type BotTexts, fill } from '../../domain/chatbot/bot-texts.ts';
import { dataControllerOf } from '../../domain/chatbot/data-controller.ts';
import { advance } from '../../domain/chatbot/flow.ts';
import { reactionAnswer } from '../../domain/chatbot/reaction-answer.ts';
import { type Conversation, withBot } from '../../domain/conversation/conversation.ts';
import { textMessage } from '../../domain/messaging/builders.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { InboundContent, InboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { quoteReference } from '../../domain/quote/quote.ts';
import { formatIsoDateCo, quoteSummaryText } from '../../domain/quote/quote-text.ts';
import { asId, type VisitId, type WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { type BotSettings, textsFor } from '../ports/configuration.ts';
import type { Transaction } from '../ports/unit-of-work.ts';
import { queueOutbound } from './queue-outbound.ts';
import type { QuoteDrafts } from '../use-cases/quote-drafts.ts';
import { type QuoteUnitDeps, type QuoteUnitError, quoteUnit } from './quote-unit.ts';
import { forgetDeclinedLead } from './forget-declined-lead.ts';
import { assignLead, enrolLead, leadVisit } from './register-lead.ts';

/** How the bot reads a message; reactions are not answers and get no reply. */
const botInputOf = (content: InboundContent): BotInput | null => {
  switch (content.kind) {
    case 'text':
    case 'choice':
      return content;
    case 'media':
      return { kind: 'media', mediaKind: content.mediaKind };
    case 'location':
      return { kind: 'unsupported', type: 'location' };
    case 'unsupported':
      return { kind: 'unsupported', type: content.type };
    case 'reaction':
      return null;
  }
};

/** A reaction on the bot's current yes/no question answers it (see `reactionAnswer`); any other is no answer. */
const reactionInput = async (tx: Transaction, conversation: Conversation, content: InboundContent) => {
  if (content.kind !== 'reaction') return null;
  const reacted = await tx.messages.byWaMessageId(asId<WaMessageId>(content.toWaMessageId));
  if (reacted?.direction !== 'outbound' || reacted.conversationId !== conversation.id) return null;
  return reacted.content.kind === 'buttons'
    ? reactionAnswer(conversation.bot, content.emoji, reacted.content.buttons)
    : null;
};

type EffectResult = {
  conversation: Conversation;
  visitId: VisitId | null;
  replies: OutboundContent[];
};

/** A turn may quote a unit, which needs everything quoting does. */
export type BotTurnDeps = QuoteUnitDeps;

/**
 * Runs one bot turn for a message of a lead the bot still leads, and queues its replies, inside the inbox
 * worker's transaction: the pure flow (`advance`) decides, and its effects register the lead (on consent), forget
 * one who declined, open the visit of the project they pick, hand them to an advisor or quote a unit (a quote's
 * PDF is rendered outside the transaction and handed in through `drafts`: see `withQuoteDrafts`). Returns how many
 * replies it queued (none for a reaction).
 */
export const botTurn = async (
  tx: Transaction,
  deps: BotTurnDeps,
  line: BusinessLine,
  conversation: Conversation,
  message: InboundMessage,
  drafts: QuoteDrafts,
  /** When the lead wrote before this message (null for their first): a long pause is welcomed back. */
  previousInboundAt: Instant | null = null,
): Promise<number> => {
  const read = botInputOf(message.content) ?? (await reactionInput(tx, conversation, message.content));
  if (read === null) return 0;
  const input: BotInput = message.replyTo === undefined ? read : { ...read, replyTo: message.replyTo };
  const settings = await tx.settings.current();
  const now = deps.clock.now();
  const ctx: BotContext = {
    catalog: await tx.catalog.forLine(line),
    texts: textsFor(settings, line),
    policy: settings.policy,
    controller: dataControllerOf(await tx.builder.current()),
    settings: settings.flow,
    now,
    idleMs: previousInboundAt === null ? null : Math.max(0, message.sentAt - previousInboundAt),
    messageId: message.waMessageId,
  };
  const turn = advance(conversation.bot, input, ctx);
  let result: EffectResult = { conversation: withBot(conversation, turn.state), visitId: null, replies: [] };
  for (const effect of turn.effects) result = await applyEffect(tx, deps, line, settings, effect, result, drafts);
  await tx.conversations.save(result.conversation);
  const queued = await queueOutbound(tx, deps.ids, {
    conversation: result.conversation,
    visitId: result.visitId,
    contents: [...result.replies, ...turn.replies],
    author: { kind: 'bot' },
    now,
  });
  return queued.length;
};

/** Why no quote, in the lead's words: sold out since they chose, too close to delivery, or a VIS price over its cap. */
const quoteFailureText = (error: QuoteUnitError, texts: BotTexts): string => {
  switch (error.type) {
    case 'NoUnitToQuote':
      return texts.unitTypeSoldOut;
    case 'PriceOverHousingCap':
      return texts.quoteOverHousingCap;
    case 'NotEnoughTimeForDownPayment':
      return fill(texts.notEnoughTimeForDownPayment, { cutOff: formatIsoDateCo(error.cutOffDate) });
    default:
      return texts.quoteUnavailable;
  }
};

/** The lead of the session, registered now if the bot had not yet (a conversation from before registration on consent). */
const enrolled = async (
  tx: Transaction,
  deps: BotTurnDeps,
  line: BusinessLine,
  session: Session,
  acc: EffectResult,
): Promise<{ lead: Lead; acc: EffectResult }> => {
  const { lead, conversation } = await enrolLead(tx, deps, {
    line,
    conversation: acc.conversation,
    email: session.email,
    consent: session.consent,
  });
  return { lead, acc: { ...acc, conversation } };
};

const applyEffect = async (
  tx: Transaction,
  deps: BotTurnDeps,
  line: BusinessLine,
  settings: BotSettings,
  effect: BotEffect,
  acc: EffectResult,
  drafts: QuoteDrafts,
): Promise<EffectResult> => {
  const texts = textsFor(settings, line);
  switch (effect.type) {
    case 'RegisterLead':
      return (await enrolled(tx, deps, line, effect.session, acc)).acc;
    case 'ForgetLead':
      return { ...acc, conversation: await forgetDeclinedLead(tx, acc.conversation, effect.email) };
    case 'OpenVisit': {
      const { lead, acc: now } = await enrolled(tx, deps, line, effect.session, acc);
      const visit = await leadVisit(tx, deps, lead, now.conversation, effect);
      return { ...now, visitId: visit.id };
    }
    case 'HandToAdvisor': {
      const { lead, acc: now } = await enrolled(tx, deps, line, effect.session, acc);
      const visit = await leadVisit(tx, deps, lead, now.conversation, effect);
      const outcome = await assignLead(tx, deps, line, lead);
      const reply =
        outcome.advisor === null
          ? texts.advisorPending
          : fill(texts.advisorAssigned, { advisor: outcome.advisor.name });
      return { ...now, visitId: visit.id, replies: [...now.replies, textMessage(reply)] };
    }
    case 'SimulateQuote':
      return simulate(tx, deps, line, settings, effect, acc, drafts);
    case 'NoteQuestion': {
      // Kept for the advisor on the visit the lead is looking at (their latest, or none yet).
      const { lead, acc: now } = await enrolled(tx, deps, line, effect.session, acc);
      const visitId = now.visitId ?? (await tx.visits.byLead(lead.id))[0]?.id ?? null;
      await tx.visits.addNote({ leadId: lead.id, visitId, text: effect.text, at: deps.clock.now() });
      tx.events.record({ type: 'lead_note_added', leadId: lead.id, visitId });
      return now;
    }
  }
};

/**
 * The bot's quote: the lead's visit for the project (the quote is filed under it), an advisor at once when the
 * line assigns leads who quote (the proposal then names them), then the quote and its PDF.
 */
const simulate = async (
  tx: Transaction,
  deps: BotTurnDeps,
  line: BusinessLine,
  settings: BotSettings,
  effect: Extract<BotEffect, { type: 'SimulateQuote' }>,
  acc: EffectResult,
  drafts: QuoteDrafts,
): Promise<EffectResult> => {
  const { lead, acc: now } = await enrolled(tx, deps, line, effect.session, acc);
  if (line.assignQuotedLeads) await assignLead(tx, deps, line, lead);
  const visit = await leadVisit(tx, deps, lead, now.conversation, { ...effect, criteria: effect.session.criteria });
  const quote = await quoteUnit(
    tx,
    deps,
    { ...effect, conversation: now.conversation, visitId: visit.id, labels: settings.quoteLabels },
    drafts,
  );
  const replies: OutboundContent[] = quote.ok
    ? [
        textMessage(quoteSummaryText(quote.value.quote, settings.quoteLabels)),
        ...(quote.value.pdfMediaId === null
          ? []
          : [
              {
                kind: 'media',
                mediaKind: 'document',
                mediaId: quote.value.pdfMediaId,
                mimeType: 'application/pdf',
                filename: `${quoteReference(quote.value.quote)}.pdf`,
              } as const,
            ]),
      ]
    : [textMessage(quoteFailureText(quote.error, textsFor(settings, line)))];
  return { ...now, visitId: visit.id, replies: [...now.replies, ...replies] };
};
