import { type Conversation, handedTo, openConversation, withInbound } from '../../domain/conversation/conversation.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import { receivedMessage } from '../../domain/messaging/lifecycle.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ConversationId, MessageId } from '../../domain/shared/ids.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeskEvent, EventPublisher } from '../ports/events.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { InboundEnvelope } from '../ports/inbound.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import type { Handled } from './handled.ts';
import { type QuoteDrafts, withQuoteDrafts } from './quote-drafts.ts';
import type { RunBot } from './run-bot.ts';
import { learnIdentity, savePhoneOf, senderConversation, senderLead } from './sender-identity.ts';

export type UnknownLine = { readonly type: 'UnknownLine'; readonly phoneNumberId: string };

export type InboundOutcome =
  | { readonly kind: 'duplicate' }
  /** A registered lead wrote: stored for the CRM, no bot. */
  | { readonly kind: 'recorded'; readonly conversationId: ConversationId; readonly messageId: MessageId }
  | { readonly kind: 'answered'; readonly conversationId: ConversationId; readonly messageId: MessageId };

type Step = Handled<Result<InboundOutcome, UnknownLine>>;

/**
 * A message from WhatsApp: stored once (by Meta's id), the window reopened, then either recorded for
 * the lead's advisor or answered by the bot, all in one transaction so the state never skips or repeats.
 * The sender is found by user id first (see `senderConversation`): a user writing from a new number stays
 * in their conversation, which takes the number.
 */
export class HandleInboundMessage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly events: EventPublisher,
    private readonly bot: RunBot,
  ) {}

  async execute(envelope: InboundEnvelope): Promise<Result<InboundOutcome, UnknownLine>> {
    const step = await withQuoteDrafts((drafts) =>
      this.uow.transaction((repos) => this.within(repos, envelope, drafts)),
    );
    this.events.publish(step.events);
    return step.result;
  }

  /**
   * The same, inside the caller's transaction (the inbox worker's); the caller publishes the events after commit,
   * and runs it through `withQuoteDrafts`, since a bot turn may quote.
   */
  async within(repos: Repositories, envelope: InboundEnvelope, drafts: QuoteDrafts): Promise<Step> {
    const line = await repos.lines.byPhoneNumberId(envelope.phoneNumberId);
    if (line === null)
      return { result: err({ type: 'UnknownLine', phoneNumberId: envelope.phoneNumberId }), events: [] };
    if ((await repos.messages.byWaMessageId(envelope.waMessageId)) !== null)
      return { result: ok({ kind: 'duplicate' }), events: [] };
    const { found, phoneMayBeHeld } = await senderConversation(repos, line.id, envelope.from);
    const lead =
      (found?.leadId == null ? null : await repos.leads.byId(found.leadId)) ?? (await senderLead(repos, envelope.from));
    const conversation = withInbound(
      found ?? this.newConversation(line, envelope),
      envelope.sentAt,
      envelope.profileName,
      envelope.from,
    );
    await savePhoneOf(repos, conversation, found, phoneMayBeHeld);
    await repos.conversations.save(lead === null ? conversation : handedTo(conversation, lead.id));
    const message = await this.store(repos, conversation, lead, envelope);
    if (message === null) return { result: ok({ kind: 'duplicate' }), events: [] };
    if (envelope.content.kind === 'media') {
      // "Media pending": copied by the media worker after this commits, outside any transaction, retried until it comes.
      const fetch = {
        messageId: message.id,
        phoneNumberId: envelope.phoneNumberId,
        waMediaId: envelope.content.waMediaId,
      };
      await repos.mediaFetches.add(fetch, this.clock.now());
    }
    const received: DeskEvent = {
      type: 'message_received',
      conversationId: conversation.id,
      leadId: lead?.id ?? null,
      messageId: message.id,
    };
    if (lead !== null) {
      await learnIdentity(repos, lead, envelope.from);
      return {
        result: ok({ kind: 'recorded', conversationId: conversation.id, messageId: message.id }),
        events: [received],
      };
    }
    const events = await this.bot.turn(repos, line, conversation, message, drafts);
    return {
      result: ok({ kind: 'answered', conversationId: conversation.id, messageId: message.id }),
      events: [received, ...events],
    };
  }

  private newConversation(line: BusinessLine, envelope: InboundEnvelope): Conversation {
    return openConversation({
      id: this.ids.next('conv'),
      lineId: line.id,
      contact: envelope.from,
      profileName: envelope.profileName,
      leadId: null,
      at: this.clock.now(),
    });
  }

  private async store(repos: Repositories, conversation: Conversation, lead: Lead | null, envelope: InboundEnvelope) {
    const visits = lead === null ? [] : await repos.visits.byLead(lead.id);
    const message = receivedMessage({
      id: this.ids.next('msg'),
      conversation: { id: conversation.id, leadId: lead?.id ?? null },
      visitId: visits[0]?.id ?? null,
      at: this.clock.now(),
      waMessageId: envelope.waMessageId,
      content: envelope.content,
      sentAt: envelope.sentAt,
    });
    return (await repos.messages.addInbound(message)) ? message : null;
  }
}
