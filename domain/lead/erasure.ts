import { initialBotState } from '../chatbot/bot-state.ts';
import type { Conversation } from '../conversation/conversation.ts';
import type { InboundContent } from '../messaging/message.ts';
import type { OutboundContent } from '../messaging/outbound.ts';
import type { Branded, LeadId, MediaId, UserId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';
import type { Lead } from './lead.ts';
import type { FirstContact, LeadOrigin } from './origin.ts';

/*
 * A data subject's erasure ("supresión", Ley 1581 de 2012 art. 8 e) and 15): what is kept of each record once a
 * lead asked to be forgotten. Business records keep their figures, dates and ids (a quote, a reservation, a
 * visit's stage); whatever names, reaches or quotes the person goes. Consent stays as evidence only (Decreto 1377
 * de 2013 art. 8: the controller keeps proof of the authorisation): its time and policy version, no contact.
 */

export type DataSubjectRequestId = Branded<string, 'DataSubjectRequestId'>;

/** A data subject's request as the audit keeps it: who asked for what, when (never the person's data). */
export type DataSubjectRequest = {
  readonly id: DataSubjectRequestId;
  readonly leadId: LeadId;
  /** `access`: everything stored was exported; `erasure`: it was erased. */
  readonly kind: 'access' | 'erasure';
  /** The user who did it (`bootstrap-admin` for the bootstrap key). */
  readonly actor: UserId;
  readonly at: Instant;
  /** Files an erasure deleted (ids only): kept so that a repeated erasure finishes a deletion cut short. */
  readonly mediaIds: readonly MediaId[];
};

/** What an erased message shows, in either direction. */
export const ERASED_TEXT = 'Mensaje eliminado a solicitud del titular de los datos.';

export const erasedInbound: InboundContent = { kind: 'unsupported', type: 'erased' };
export const erasedOutbound: OutboundContent = { kind: 'text', body: ERASED_TEXT };

const erasedContact = (contact: FirstContact): FirstContact => ({
  ...contact,
  text: null,
  referral: contact.referral === null ? null : { ...contact.referral, ctwaClid: null },
});

/** The ad a lead came from is the business's (its campaign); what they wrote and their click id are theirs. */
export const erasedOrigin = (origin: LeadOrigin | null): LeadOrigin | null => {
  if (origin === null) return null;
  return origin.channel === 'crm' ? { ...origin, note: null } : { channel: 'whatsapp', ...erasedContact(origin) };
};

/** The lead without anything that names or reaches them; its id, line, advisor, consent evidence and dates stay. */
export const erasedLead = (lead: Lead): Lead => ({
  ...lead,
  name: null,
  phone: null,
  waUserId: null,
  email: null,
  origin: erasedOrigin(lead.origin),
});

/** The conversation with no contact or profile name and the bot back at its start (its state may hold an email). */
export const erasedConversation = (c: Conversation): Conversation => ({
  ...c,
  contact: { phone: null, userId: null },
  profileName: null,
  bot: initialBotState,
  origin: c.origin === null ? null : erasedContact(c.origin),
});
