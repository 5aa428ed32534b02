import type { LeadInput } from './webhooks.ts';

/**
 * How a simulated lead answers the bot, read from the Graph API body of the bot's message:
 * "Hola" → email → consent → search by price → first price range → first project → first unit
 * type → advisor. Each bot turn ends with the question the lead answers; earlier messages of a turn
 * (a greeting before the question) are notices to wait past.
 */
export type Move =
  | { readonly kind: 'answer'; readonly input: LeadInput }
  | { readonly kind: 'notice' }
  | { readonly kind: 'done' };

export const FIRST_WORDS: LeadInput = { kind: 'text', body: 'Hola' };

type Choice = { readonly id: string; readonly title: string };
type Interactive = {
  readonly type?: string;
  readonly action?: {
    readonly buttons?: readonly { readonly reply?: Choice }[];
    readonly sections?: readonly { readonly rows?: readonly Choice[] }[];
  };
};

const ASK_EMAIL = 'correo electrónico';
const TAP_IN_ORDER = ['consent:yes', 'filter:price', 'outcome:advisor'];

const choicesOf = (interactive: Interactive): Choice[] =>
  interactive.type === 'button'
    ? (interactive.action?.buttons ?? []).flatMap((b) => (b.reply === undefined ? [] : [b.reply]))
    : (interactive.action?.sections ?? []).flatMap((s) => s.rows ?? []);

const tap = (interactive: Interactive): Move => {
  const choices = choicesOf(interactive);
  const known = choices.find((c) => TAP_IN_ORDER.includes(c.id));
  // A list (price ranges, projects, unit types, or a narrowing question): its first real row.
  const row = known ?? choices.find((c) => !c.id.startsWith('page:'));
  if (row === undefined) return { kind: 'notice' };
  return {
    kind: 'answer',
    input: { kind: interactive.type === 'button' ? 'button' : 'row', id: row.id, title: row.title },
  };
};

/**
 * The lead's next move on receiving `message`. `askedForAdvisor`: the lead already tapped the
 * advisor button, so the next text (the advisor's name) ends the conversation.
 */
export const nextMove = (message: Record<string, unknown>, email: string, askedForAdvisor: boolean): Move => {
  if (message['type'] === 'interactive') return tap(message['interactive'] as Interactive);
  if (message['type'] !== 'text') return { kind: 'notice' };
  if (askedForAdvisor) return { kind: 'done' };
  const body = (message['text'] as { body?: string } | undefined)?.body ?? '';
  return body.includes(ASK_EMAIL) ? { kind: 'answer', input: { kind: 'text', body: email } } : { kind: 'notice' };
};

/** True when this answer asks for the advisor (the bot's next text is the last one). */
export const asksForAdvisor = (input: LeadInput): boolean => input.kind !== 'text' && input.id === 'outcome:advisor';
