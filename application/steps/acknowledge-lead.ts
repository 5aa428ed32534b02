import { textsFor } from '../ports/configuration.ts';
import {
  type Answerer,
  acknowledgementDue,
  acknowledgementText,
} from '../../domain/conversation/advisor-acknowledgement.ts';
import { acknowledged, type Conversation } from '../../domain/conversation/conversation.ts';
import { textMessage } from '../../domain/messaging/builders.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { InboundMessage } from '../../domain/messaging/message.ts';
import { workingHoursOf } from '../../domain/organisation/organisation.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Transaction } from '../ports/unit-of-work.ts';
import { queueOutbound } from './queue-outbound.ts';

export type AcknowledgeDeps = { readonly clock: Clock; readonly ids: IdGenerator };

export type LeadWroteToAdvisor = {
  readonly conversation: Conversation;
  readonly lead: Lead;
  readonly message: InboundMessage;
  /** When the lead's previous message was sent (before this one), `null` for their first. */
  readonly previousInboundAt: Instant | null;
};

/** Their advisor, when they have one who still works here; else nobody (the text promises "un asesor"). */
const answererOf = async (tx: Transaction, lead: Lead): Promise<Answerer> => {
  const advisor = lead.advisorId === null ? null : await tx.organisation.user(lead.advisorId);
  return advisor === null || !advisor.active ? null : { name: advisor.name, hours: workingHoursOf(advisor) };
};

/**
 * A registered lead wrote while the conversation is their advisor's: never silence, so the bot acknowledges it,
 * with the advisor's name and when they answer, once a day at most and not while the advisor is answering
 * (`acknowledgementDue`). Returns the conversation, with the acknowledgement's time when one was queued; the caller
 * saves it.
 *
 * Runs inside the inbox worker's transaction for this message, and that is what keeps two instances from both
 * acknowledging: the inbox hands a lead's entries to one worker at a time, in order (`InboxRepository.claimNext`),
 * and the conversation row is read `FOR UPDATE`, so the next message's turn reads the `acknowledgedAt` this one
 * committed. The time is stored on the conversation, not kept in memory, so a restart or another instance agrees.
 */
export const acknowledgeLead = async (
  tx: Transaction,
  deps: AcknowledgeDeps,
  wrote: LeadWroteToAdvisor,
): Promise<Conversation> => {
  const { conversation, lead, message } = wrote;
  // A reaction (👍 to the advisor's message) is not a question waiting for an answer.
  if (message.content.kind === 'reaction') return conversation;
  const now = deps.clock.now();
  const due = acknowledgementDue({
    lastAcknowledgedAt: conversation.acknowledgedAt ?? null,
    advisorWroteSinceLead: await tx.messages.personWroteSince(conversation.id, wrote.previousInboundAt),
    now,
  });
  if (!due) return conversation;
  const settings = await tx.settings.current();
  const text = acknowledgementText(
    textsFor(settings, await tx.lines.byId(conversation.lineId)),
    await answererOf(tx, lead),
    now,
  );
  await queueOutbound(tx, deps.ids, {
    conversation,
    visitId: message.visitId,
    contents: [textMessage(text)],
    author: { kind: 'bot' },
    now,
  });
  return acknowledged(conversation, now);
};
