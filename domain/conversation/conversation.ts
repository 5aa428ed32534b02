import { type BotState, initialBotState } from '../chatbot/bot-state.ts';
import type { WaIdentity } from '../lead/lead.ts';
import { earliestContact, type FirstContact } from '../lead/origin.ts';
import type { ConversationId, LeadId, LineId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';

/** One WhatsApp user talking to one business line: the bot's state and the 24-hour window live here. */
export type Conversation = {
  readonly id: ConversationId;
  readonly lineId: LineId;
  readonly contact: WaIdentity;
  readonly profileName: string | null;
  /** Set once the lead is registered (by the bot or the CRM). */
  readonly leadId: LeadId | null;
  readonly bot: BotState;
  readonly lastInboundAt: Instant | null;
  /** How the chat began (its earliest message, the ad that brought it): the origin its lead is registered with. */
  readonly origin: FirstContact | null;
  /**
   * When the lead, writing to their advisor, was last told they will be answered (`acknowledgementDue`);
   * absent: never.
   */
  readonly acknowledgedAt?: Instant;
  readonly createdAt: Instant;
};

/**
 * Records an inbound message: the window reopens from the latest message, even if webhooks arrive out of order.
 * The phone is where the user writes from now: the latest message's phone replaces a known one, an older
 * message's (delivered late, from before a number change) only fills a missing one.
 */
export const withInbound = (
  c: Conversation,
  at: Instant,
  profileName: string | null,
  contact: WaIdentity,
): Conversation => {
  const latest = c.lastInboundAt === null || at >= c.lastInboundAt;
  return {
    ...c,
    lastInboundAt: c.lastInboundAt === null ? at : Math.max(c.lastInboundAt, at),
    profileName: profileName ?? c.profileName,
    contact: {
      phone: latest ? (contact.phone ?? c.contact.phone) : (c.contact.phone ?? contact.phone),
      userId: contact.userId ?? c.contact.userId,
    },
  };
};

export type NewConversation = Pick<Conversation, 'id' | 'lineId' | 'contact' | 'profileName' | 'leadId'> & {
  readonly at: Instant;
};

/**
 * A conversation as it is first stored, before any message: a stranger's starts with the bot, a known lead's
 * (a CRM lead an advisor writes to first) is with their advisor.
 */
export const openConversation = (n: NewConversation): Conversation => ({
  id: n.id,
  lineId: n.lineId,
  contact: n.contact,
  profileName: n.profileName,
  leadId: n.leadId,
  bot: n.leadId === null ? initialBotState : { step: 'withAdvisor' },
  lastInboundAt: null,
  origin: null,
  createdAt: n.at,
});

/** The conversation knowing one more message: the earliest one is its first contact (see `earliestContact`). */
export const withFirstContact = (c: Conversation, contact: FirstContact): Conversation => ({
  ...c,
  origin: earliestContact(c.origin, contact),
});

/** The lead is known: the bot steps aside and the advisor takes the conversation. */
export const handedTo = (c: Conversation, leadId: LeadId): Conversation => ({
  ...c,
  leadId,
  bot: { step: 'withAdvisor' },
});

/**
 * An advisor takes the conversation from the bot: the bot stops answering, keeping what the lead had told it
 * (the session) so a hand-back resumes from there. Unchanged when an advisor already has it.
 */
export const takenFromBot = (c: Conversation): Conversation =>
  c.bot.step === 'withAdvisor'
    ? c
    : { ...c, bot: 'session' in c.bot ? { step: 'withAdvisor', session: c.bot.session } : { step: 'withAdvisor' } };

/** The bot moved to its next step. */
export const withBot = (c: Conversation, bot: BotState): Conversation => ({ ...c, bot });

/** The lead was just told their advisor will answer them. */
export const acknowledged = (c: Conversation, at: Instant): Conversation => ({ ...c, acknowledgedAt: at });
