import type { Email } from '../../domain/contact/email.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { contentMentions, contentWithoutEmail } from '../../domain/messaging/redaction.ts';
import type { Transaction } from '../ports/unit-of-work.ts';

/**
 * A lead declined consent: nothing that identifies them beyond the WhatsApp number we answer stays stored. The
 * email they typed is taken out of the conversation's messages and of the raw webhook copies in the inbox (dead
 * letters included), their WhatsApp profile name out of the conversation and those copies, and the words of their
 * first message out of the conversation's origin (the ad that brought them stays). A step of the bot's
 * turn, inside its transaction; the conversation returned has no profile name (the caller saves it). The lead
 * record of someone who had registered before (a CRM lead handed back to the bot) is not touched: it has its own
 * basis, and erasing it is a data-subject request.
 */
export const forgetDeclinedLead = async (
  tx: Transaction,
  conversation: Conversation,
  email: Email,
): Promise<Conversation> => {
  for (const message of await tx.messages.byConversation(conversation.id)) {
    if (message.direction !== 'inbound') continue;
    if (contentMentions(message.content, email))
      await tx.messages.updateInboundContent(message.id, contentWithoutEmail(message.content, email));
    const envelope = await tx.inbox.messageEnvelope(message.waMessageId);
    if (envelope !== null && (envelope.profileName !== null || contentMentions(envelope.content, email)))
      await tx.inbox.redactMessage({
        ...envelope,
        profileName: null,
        content: contentWithoutEmail(envelope.content, email),
      });
  }
  // The first message's words (the lead's origin) may hold the email, or part of it where the text was cut: dropped.
  const origin = conversation.origin === null ? null : { ...conversation.origin, text: null };
  return { ...conversation, profileName: null, origin };
};
