import type { BotContext } from '../../domain/chatbot/bot-state.ts';
import { resume } from '../../domain/chatbot/flow.ts';
import { type Conversation, withBot } from '../../domain/conversation/conversation.ts';
import { windowAt } from '../../domain/conversation/window.ts';
import type { ConversationId, LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import { textsFor } from '../ports/configuration.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { queueOutbound } from '../steps/queue-outbound.ts';
import { type LeadNotFound, visibleLead } from './lead-access.ts';
import type { LeadHasNoConversation } from './take-over-conversation.ts';

export type HandBackInput = { readonly actor: Actor; readonly leadId: LeadId };

/** The bot already leads the conversation: there is nothing to hand back. */
export type AlreadyWithBot = {
  readonly type: 'AlreadyWithBot';
  readonly leadId: LeadId;
  readonly conversationId: ConversationId;
};

export type HandBackError = LeadNotFound | LeadHasNoConversation | AlreadyWithBot;

export type HandBackDeps = { readonly clock: Clock; readonly ids: IdGenerator };

/**
 * An advisor hands a lead's conversation back to the bot (`resume`): a lead who had consented goes back to the
 * search, and is told so at once while the 24-hour window is open (outside it the bot answers their next
 * message); the lead keeps their advisor. Records `conversation_handed` (to the bot).
 */
export class HandBackConversation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deps: HandBackDeps,
  ) {}

  async execute(input: HandBackInput): Promise<Result<Conversation, HandBackError>> {
    return this.uow.transaction(async (tx): Promise<Result<Conversation, HandBackError>> => {
      const lead = await visibleLead(tx, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
      const conversation = (await tx.conversations.byLead(lead.id))[0];
      if (conversation === undefined) return err({ type: 'LeadHasNoConversation', leadId: lead.id });
      if (conversation.bot.step !== 'withAdvisor')
        return err({ type: 'AlreadyWithBot', leadId: lead.id, conversationId: conversation.id });
      const line = await tx.lines.byId(conversation.lineId);
      const settings = await tx.settings.current();
      const now = this.deps.clock.now();
      const ctx: BotContext = {
        catalog: line === null ? await tx.catalog.all() : await tx.catalog.forLine(line),
        texts: textsFor(settings, line),
        policy: settings.policy,
        settings: settings.flow,
        now,
        messageId: null,
      };
      const turn = resume(conversation.bot, ctx);
      const handed = withBot(conversation, turn.state);
      await tx.conversations.save(handed);
      if (windowAt(conversation.lastInboundAt, now).kind === 'open' && turn.replies.length > 0) {
        const visitId = (await tx.visits.byLead(lead.id))[0]?.id ?? null;
        await queueOutbound(tx, this.deps.ids, {
          conversation: handed,
          visitId,
          contents: turn.replies,
          author: { kind: 'bot' },
          now,
        });
      }
      tx.events.record({ type: 'conversation_handed', leadId: lead.id, conversationId: conversation.id, to: 'bot' });
      return ok(handed);
    });
  }
}
