import { type Conversation, takenFromBot } from '../../domain/conversation/conversation.ts';
import type { ConversationId, LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { assignLead, type RegisterLeadDeps } from '../steps/register-lead.ts';
import { type LeadNotFound, visibleLead } from './lead-access.ts';

export type TakeOverInput = { readonly actor: Actor; readonly leadId: LeadId };

export type LeadHasNoConversation = { readonly type: 'LeadHasNoConversation'; readonly leadId: LeadId };
/** The conversation is already with an advisor: there is nothing to take over. */
export type NotWithBot = {
  readonly type: 'NotWithBot';
  readonly leadId: LeadId;
  readonly conversationId: ConversationId;
};

export type TakeOverError = LeadNotFound | LeadHasNoConversation | NotWithBot;

/**
 * An advisor takes a lead's conversation from the bot: the bot stops answering that lead (what they had told it
 * is kept, for a hand-back). A lead with no advisor yet gets one (the least-loaded active advisor of the line's
 * group), so someone owns the chat. Records `conversation_handed` (to the advisor).
 */
export class TakeOverConversation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deps: RegisterLeadDeps,
  ) {}

  async execute(input: TakeOverInput): Promise<Result<Conversation, TakeOverError>> {
    return this.uow.transaction(async (tx): Promise<Result<Conversation, TakeOverError>> => {
      const lead = await visibleLead(tx, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
      const conversation = (await tx.conversations.byLead(lead.id))[0];
      if (conversation === undefined) return err({ type: 'LeadHasNoConversation', leadId: lead.id });
      if (conversation.bot.step === 'withAdvisor')
        return err({ type: 'NotWithBot', leadId: lead.id, conversationId: conversation.id });
      const taken = takenFromBot(conversation);
      await tx.conversations.save(taken);
      if (lead.advisorId === null) {
        const line = await tx.lines.byId(conversation.lineId);
        if (line !== null) await assignLead(tx, this.deps, line, lead);
      }
      tx.events.record({
        type: 'conversation_handed',
        leadId: lead.id,
        conversationId: conversation.id,
        to: 'advisor',
      });
      return ok(taken);
    });
  }
}
