import type { InboundMessage, Message } from '../../domain/messaging/message.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { MessageGateway } from '../ports/message-gateway.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead, type LeadNotFound } from './lead-access.ts';

export type MarkConversationReadInput = { readonly actor: Actor; readonly leadId: LeadId };

/** What was shown as read: one receipt per conversation (line) that has an inbound message. */
export type MarkedRead = { readonly marked: number };

type Receipt = { readonly line: BusinessLine; readonly message: InboundMessage };

/**
 * An advisor opened the chat: the lead sees blue ticks. WhatsApp marks every earlier message read with
 * the latest one, so one receipt per conversation is enough; sending it again is harmless.
 */
export class MarkConversationRead {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly gateway: MessageGateway,
  ) {}

  async execute(input: MarkConversationReadInput): Promise<Result<MarkedRead, LeadNotFound>> {
    const receipts = await this.uow.transaction(async (repos): Promise<Receipt[] | null> => {
      const lead = await visibleLead(repos, input.actor, input.leadId);
      if (lead === null) return null;
      const found: Receipt[] = [];
      for (const conversation of await repos.conversations.byLead(lead.id)) {
        const message = latestInbound(await repos.messages.byConversation(conversation.id));
        const line = message === undefined ? null : await repos.lines.byId(conversation.lineId);
        if (message !== undefined && line !== null) found.push({ line, message });
      }
      return found;
    });
    if (receipts === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
    // Outside the transaction: a slow Graph API must not hold a database connection. Best effort: a
    // receipt that does not reach the lead is not worth failing the advisor's screen for.
    await Promise.allSettled(receipts.map(({ line, message }) => this.gateway.markRead(line, message.waMessageId)));
    return ok({ marked: receipts.length });
  }
}

const latestInbound = (messages: readonly Message[]): InboundMessage | undefined =>
  messages.findLast((m): m is InboundMessage => m.direction === 'inbound');
