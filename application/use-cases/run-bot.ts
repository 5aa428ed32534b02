import type { BotContext, BotEffect, BotInput } from '../../domain/chatbot/bot-state.ts';
import { fill } from '../../domain/chatbot/bot-texts.ts';
import { advance } from '../../domain/chatbot/flow.ts';
import { type Conversation, withBot } from '../../domain/conversation/conversation.ts';
import { textMessage } from '../../domain/messaging/builders.ts';
import type { InboundContent, InboundMessage } from '../../domain/messaging/message.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { quoteSummaryText } from '../../domain/quote/quote-text.ts';
import type { VisitId } from '../../domain/shared/ids.ts';
import type { Clock } from '../ports/clock.ts';
import type { BotSettings } from '../ports/configuration.ts';
import type { DeskEvent } from '../ports/events.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { queueOutbound } from './queue-outbound.ts';
import type { RegisterLead } from './register-lead.ts';
import type { QuoteDrafts } from './quote-drafts.ts';
import type { SimulateQuote } from './simulate-quote.ts';

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

type EffectResult = {
  conversation: Conversation;
  visitId: VisitId | null;
  replies: OutboundContent[];
  events: DeskEvent[];
};

/**
 * Runs one bot turn for an unregistered lead's message and queues its replies (inside the caller's transaction,
 * which `drafts` lets store a quote's PDF rendered outside it: see `withQuoteDrafts`).
 */
export class RunBot {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly registerLead: RegisterLead,
    private readonly simulateQuote: SimulateQuote,
  ) {}

  async turn(
    repos: Repositories,
    line: BusinessLine,
    conversation: Conversation,
    message: InboundMessage,
    drafts: QuoteDrafts,
  ): Promise<DeskEvent[]> {
    const input = botInputOf(message.content);
    if (input === null) return [];
    const settings = await repos.settings.current();
    const now = this.clock.now();
    const ctx: BotContext = {
      catalog: await repos.catalog.forLine(line),
      texts: settings.texts,
      policy: settings.policy,
      settings: settings.flow,
      now,
    };
    const turn = advance(conversation.bot, input, ctx);
    let result: EffectResult = {
      conversation: withBot(conversation, turn.state),
      visitId: null,
      replies: [],
      events: [],
    };
    for (const effect of turn.effects) result = await this.apply(repos, line, settings, effect, result, drafts);
    await repos.conversations.save(result.conversation);
    const queued = await queueOutbound(repos, this.ids, {
      conversation: result.conversation,
      visitId: result.visitId,
      contents: [...result.replies, ...turn.replies],
      author: { kind: 'bot' },
      now,
    });
    return [...result.events, ...queued.events];
  }

  private async apply(
    repos: Repositories,
    line: BusinessLine,
    settings: BotSettings,
    effect: BotEffect,
    acc: EffectResult,
    drafts: QuoteDrafts,
  ): Promise<EffectResult> {
    const { texts } = settings;
    if (effect.type === 'RegisterLead') {
      const outcome = await this.registerLead.within(repos, { line, conversation: acc.conversation, ...effect });
      const reply =
        outcome.advisor === null
          ? texts.advisorPending
          : fill(texts.advisorAssigned, { advisor: outcome.advisor.name });
      return {
        conversation: { ...acc.conversation, leadId: outcome.lead.id },
        visitId: outcome.visit?.id ?? acc.visitId,
        replies: [...acc.replies, textMessage(reply)],
        events: [...acc.events, ...outcome.events],
      };
    }
    const quote = await this.simulateQuote.within(
      repos,
      { ...effect, conversation: acc.conversation, visitId: acc.visitId, labels: settings.quoteLabels },
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
                  filename: `${quote.value.quote.number}.pdf`,
                } as const,
              ]),
        ]
      : [textMessage(texts.quoteUnavailable)];
    return { ...acc, replies: [...acc.replies, ...replies] };
  }
}
