import type { Conversation } from '../../domain/conversation/conversation.ts';
import { identityOf, type Lead, type Visit } from '../../domain/lead/lead.ts';
import type { Message } from '../../domain/messaging/message.ts';
import type { ConversationId, QuoteId } from '../../domain/shared/ids.ts';
import type { Appointment } from '../../domain/visit/appointment.ts';
import type { Reservation } from '../../domain/visit/reservation.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { Repositories } from '../ports/unit-of-work.ts';

/** Everything stored about a lead, record by record: what a data subject's access or erasure covers. */
export type LeadRecords = {
  readonly lead: Lead;
  /** Its conversations: those registered to it, and any other line's with its phone or WhatsApp user id. */
  readonly conversations: readonly Conversation[];
  readonly messages: readonly Message[];
  readonly visits: readonly Visit[];
  readonly quotes: readonly QuoteRecord[];
  readonly appointments: readonly Appointment[];
  readonly reservations: readonly Reservation[];
};

const conversationsOf = async (repos: Repositories, lead: Lead): Promise<Conversation[]> => {
  const found = new Map<ConversationId, Conversation>();
  for (const c of await repos.conversations.byLead(lead.id)) found.set(c.id, c);
  for (const line of await repos.lines.list()) {
    const c = await repos.conversations.byIdentity(line.id, identityOf(lead));
    if (c !== null && (c.leadId === null || c.leadId === lead.id)) found.set(c.id, c);
  }
  // Read again with its row lock, in one order.
  const locked: Conversation[] = [];
  for (const id of [...found.keys()].sort()) {
    const c = await repos.conversations.byId(id);
    if (c !== null) locked.push(c);
  }
  return locked;
};

/**
 * Reads a lead's records through the repositories, inside the caller's transaction. Its conversations are locked
 * first (a message from the lead being handled meanwhile finishes before, or waits until the caller commits), then
 * the lead and the rest are read as they are now.
 */
export const leadRecords = async (repos: Repositories, known: Lead): Promise<LeadRecords> => {
  const conversations = await conversationsOf(repos, known);
  const lead = (await repos.leads.byId(known.id)) ?? known;
  const visits = await repos.visits.byLead(lead.id);
  const messages: Message[] = [];
  const quotes = new Map<QuoteId, QuoteRecord>();
  for (const c of conversations) {
    messages.push(...(await repos.messages.byConversation(c.id)));
    for (const q of await repos.quotes.byConversation(c.id)) quotes.set(q.quote.id, q);
  }
  const appointments: Appointment[] = [];
  const reservations: Reservation[] = [];
  for (const v of visits) {
    for (const q of await repos.quotes.byVisit(v.id)) quotes.set(q.quote.id, q);
    appointments.push(...(await repos.appointments.byVisit(v.id)));
    reservations.push(...(await repos.reservations.byVisit(v.id)));
  }
  return { lead, conversations, messages, visits, quotes: [...quotes.values()], appointments, reservations };
};
