import { type BotTexts, fill } from '../chatbot/bot-texts.ts';
import { nextOpeningAt, nextOpeningPhrase } from '../organisation/next-opening.ts';
import type { WorkingHours } from '../organisation/working-hours.ts';
import { DAY_MS, type Instant } from '../shared/time.ts';

/** At most one automatic acknowledgement per conversation in this long. */
export const ACKNOWLEDGEMENT_WINDOW_MS = DAY_MS;

export type AcknowledgementFacts = {
  /** When the last acknowledgement was sent in this conversation; `null`: never. */
  readonly lastAcknowledgedAt: Instant | null;
  /** A person (the advisor, a manager) wrote to the lead after the lead's previous message. */
  readonly advisorWroteSinceLead: boolean;
  readonly now: Instant;
};

/**
 * Whether a registered lead writing to their advisor gets the automatic acknowledgement: never silence, but one
 * per 24 hours (not one per message), and none when the advisor already answered the lead's previous message
 * (they are talking).
 */
export const acknowledgementDue = (facts: AcknowledgementFacts): boolean =>
  !facts.advisorWroteSinceLead &&
  (facts.lastAcknowledgedAt === null || facts.now - facts.lastAcknowledgedAt >= ACKNOWLEDGEMENT_WINDOW_MS);

/** Who answers: the lead's advisor (their full name and hours; the text says their first name), or nobody yet. */
export type Answerer = { readonly name: string; readonly hours: WorkingHours } | null;

/**
 * The acknowledgement's words: "Ana te responde en breve" inside the advisor's working hours, "Ana te responde a
 * partir del lunes a las 8:00 a. m." outside them, "Un asesor te responderá pronto" without an advisor (or hours).
 */
export const acknowledgementText = (texts: BotTexts, answerer: Answerer, now: Instant): string => {
  if (answerer === null) return texts.advisorAckUnassigned;
  const opening = nextOpeningAt(answerer.hours, now);
  const advisor = answerer.name.trim().split(/\s+/)[0] || answerer.name;
  if (opening === now) return fill(texts.advisorAckSoon, { advisor });
  if (opening === null) return texts.advisorAckUnassigned;
  return fill(texts.advisorAckLater, { advisor, when: nextOpeningPhrase(opening, now) });
};
