import type { BotState } from './bot-state.ts';
import { normalizeWord } from './bot-texts.ts';

/**
 * "cotizar", "cotizar otro", "otra cotización", "quiero cotizar otro apto", "cotízame": a word for quoting anywhere
 * in the message, compared without case or accents, "s" for "z" accepted (cotisar, cotisacion).
 */
const QUOTE_WORD = /(^|\s)coti[sz](ar|a|acion|aciones|ame|en)($|\s|\.)/;

export const asksForNewQuote = (text: string): boolean => QUOTE_WORD.test(normalizeWord(text));

export type NewQuoteFacts = {
  readonly state: BotState;
  /** The line lets the bot quote registered leads (`BusinessLine.botQuotesForRegistered`). */
  readonly allowed: boolean;
  /** The lead has an advisor. */
  readonly hasAdvisor: boolean;
  /** What the lead typed; `null` for anything but text. */
  readonly text: string | null;
};

/**
 * Whether a registered lead's message to their advisor is a request for another quote the bot takes: the line
 * allows it, the lead has an advisor, the conversation kept what the lead told the bot (its session, to resume the
 * search from) and the message asks for a quote.
 */
export const botTakesNewQuote = (facts: NewQuoteFacts): boolean =>
  facts.allowed &&
  facts.hasAdvisor &&
  facts.state.step === 'withAdvisor' &&
  facts.state.session !== undefined &&
  facts.text !== null &&
  asksForNewQuote(facts.text);
