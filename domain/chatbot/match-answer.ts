import type { Choice } from '../messaging/outbound.ts';
import type { BotContext, BotState } from './bot-state.ts';
import { normalizeWord } from './bot-texts.ts';
import { question, rowsOf } from './questions.ts';

/** The choices the lead can see right now: buttons or rows of the question's last message. */
const visibleChoices = (state: BotState, ctx: BotContext): Choice[] =>
  question(state, ctx).flatMap((m) =>
    m.kind === 'buttons' ? [...m.buttons] : m.kind === 'list' ? m.sections.flatMap((s) => s.rows) : [],
  );

/**
 * Reads a typed answer as a tap: its number in the visible options ("2"), or an option's title
 * typed in any case and with or without accents ("bogota" for "Bogotá"). Null when nothing fits.
 */
export const resolveChoice = (state: BotState, typed: string, ctx: BotContext): string | null => {
  const visible = visibleChoices(state, ctx);
  const word = normalizeWord(typed);
  if (/^\d{1,2}$/.test(word)) return visible[Number(word) - 1]?.id ?? null;
  const all = [...visible, ...rowsOf(state, ctx)];
  return all.find((c) => word.length > 0 && normalizeWord(c.title) === word)?.id ?? null;
};
