import type { BotState } from '../../domain/chatbot/bot-state.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { windowAt } from '../../domain/conversation/window.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { LeadId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { Repositories } from '../ports/unit-of-work.ts';

export type LeadNotFound = { readonly type: 'LeadNotFound'; readonly leadId: LeadId };

/** The 24-hour window as the CRM shows it. */
export type LeadWindow = { readonly open: true; readonly closesAt: Instant } | { readonly open: false };

/**
 * Whether the bot still leads the lead's latest conversation, and at which step: a lead who consented and
 * stopped answering shows where they dropped off. `step` is null once an advisor has the conversation.
 */
export type LeadBot = { readonly inBot: boolean; readonly step: Exclude<BotState['step'], 'withAdvisor'> | null };

/** A lead as the visitors list and the chat header show it. */
export type LeadSummary = {
  readonly lead: Lead;
  /** A phone or a WhatsApp user id: something we can write to. */
  readonly hasWhatsApp: boolean;
  readonly window: LeadWindow;
  readonly bot: LeadBot;
};

export const botOf = (conversations: readonly Conversation[]): LeadBot => {
  const step = conversations[0]?.bot.step ?? 'withAdvisor';
  return step === 'withAdvisor' ? { inBot: false, step: null } : { inBot: true, step };
};

export const mayView = (actor: Actor, lead: Lead): boolean =>
  seesAllLeads(actor) || (actor.kind === 'user' && lead.advisorId === actor.userId);

/**
 * The lead if the actor may see it, else `null`: an advisor asking for another advisor's lead is told
 * it does not exist, so nothing leaks.
 */
export const visibleLead = async (repos: Repositories, actor: Actor, leadId: LeadId): Promise<Lead | null> => {
  const lead = await repos.leads.byId(leadId);
  return lead !== null && mayView(actor, lead) ? lead : null;
};

/** The window of the lead's latest conversation (the repository lists it first). */
export const leadWindow = (conversations: readonly Conversation[], now: Instant): LeadWindow => {
  const window = windowAt(conversations[0]?.lastInboundAt ?? null, now);
  return window.kind === 'open' ? { open: true, closesAt: window.closesAt } : { open: false };
};

export const summarise = async (repos: Repositories, lead: Lead, now: Instant): Promise<LeadSummary> => {
  const conversations = await repos.conversations.byLead(lead.id);
  return {
    lead,
    hasWhatsApp: lead.phone !== null || lead.waUserId !== null,
    window: leadWindow(conversations, now),
    bot: botOf(conversations),
  };
};
