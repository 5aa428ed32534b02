import type { Choice } from '../messaging/outbound.ts';
import type { BotInput, BotState } from './bot-state.ts';
import { ID } from './questions.ts';

const YES = ['👍', '✅', '👌', '🙌', '❤️', '❤'];
const NO = ['👎', '❌', '🙅'];

/** 👍🏽 is 👍 with a skin tone: compared without the tone modifiers (and the emoji variation selector). */
const base = (emoji: string): string => emoji.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');

/** The yes/no questions a reaction may answer, by step: the ids of their Sí and No buttons. */
const YES_NO: Partial<Record<BotState['step'], { readonly yes: string; readonly no: string }>> = {
  awaitingConsent: { yes: ID.consentYes, no: ID.consentNo },
  askingSavings: { yes: ID.savingsYes, no: ID.savingsNo },
};

/**
 * A reaction as an answer, where it is unambiguous: a thumbs-up (or down) on the bot's own yes/no question that the
 * lead is being asked now — the reacted message's buttons carry the current step's Sí/No — is a tap on Sí (No).
 * Anything else (a heart on a project list, a reaction to an old question) is no answer: null.
 */
export const reactionAnswer = (
  state: BotState,
  emoji: string,
  reactedButtons: readonly Choice[],
): Extract<BotInput, { kind: 'choice' }> | null => {
  const question = YES_NO[state.step];
  if (question === undefined) return null;
  const e = base(emoji);
  const id = YES.includes(e) ? question.yes : NO.includes(e) ? question.no : null;
  const button = id === null ? undefined : reactedButtons.find((b) => b.id === id);
  return button === undefined ? null : { kind: 'choice', id: button.id, title: button.title };
};
