import type { Conversation } from '../../domain/conversation/conversation.ts';
import { identityOf, isSomeoneElse, type Lead, type WaIdentity, withIdentity } from '../../domain/lead/lead.ts';
import type { LineId } from '../../domain/shared/ids.ts';
import type { Repositories } from '../ports/unit-of-work.ts';

/**
 * Who wrote, on one line. Meta's business-scoped user id names the WhatsApp account and stays when its
 * number changes; the phone is only where it writes from now. So the conversation with the sender's user
 * id is theirs whatever its phone, and one that holds their phone under another user id belongs to
 * someone else (the number changed hands). `phoneMayBeHeld` says whether another conversation on the line
 * may hold the sender's phone (then `savePhoneOf` must take it from there first).
 */
export const senderConversation = async (
  repos: Repositories,
  lineId: LineId,
  from: WaIdentity,
): Promise<{ readonly found: Conversation | null; readonly phoneMayBeHeld: boolean }> => {
  const match = await repos.conversations.byIdentity(lineId, from);
  if (match !== null && isSomeoneElse(match.contact, from)) return { found: null, phoneMayBeHeld: true };
  return { found: match, phoneMayBeHeld: match !== null };
};

/**
 * Gives `conversation` a phone it did not have before: the conversation that held it on the line lets it
 * go (keeping its history and lead), so one number names one conversation. Without this the save
 * violates the line's unique phone, on every retry.
 */
export const savePhoneOf = async (
  repos: Repositories,
  conversation: Conversation,
  before: Conversation | null,
  phoneMayBeHeld: boolean,
): Promise<void> => {
  const { phone } = conversation.contact;
  if (phoneMayBeHeld && phone !== null && phone !== before?.contact.phone)
    await repos.conversations.releasePhone(conversation.lineId, phone, conversation.id);
};

/** The lead of this WhatsApp user (same user id, else same phone with no other user id), or `null`. */
export const senderLead = async (repos: Repositories, from: WaIdentity): Promise<Lead | null> => {
  const lead = await repos.leads.byIdentity(from);
  return lead === null || isSomeoneElse(identityOf(lead), from) ? null : lead;
};

/**
 * Meta may start (or stop) sending a lead's phone or user id: the lead learns a missing one, unless another
 * lead already has it. A lead's known phone is not rewritten: it is the CRM's record, and two leads of one
 * person are the CRM's to merge; the conversation carries the number replies go to.
 */
export const learnIdentity = async (repos: Repositories, lead: Lead, from: WaIdentity): Promise<void> => {
  const free = async (identity: WaIdentity) => {
    const holder = await repos.leads.byIdentity(identity);
    return holder === null || holder.id === lead.id;
  };
  const phone =
    lead.phone ?? (from.phone !== null && (await free({ phone: from.phone, userId: null })) ? from.phone : null);
  const waUserId =
    lead.waUserId ?? (from.userId !== null && (await free({ phone: null, userId: from.userId })) ? from.userId : null);
  if (phone !== lead.phone || waUserId !== lead.waUserId)
    await repos.leads.save(withIdentity(lead, { phone, userId: waUserId }));
};
