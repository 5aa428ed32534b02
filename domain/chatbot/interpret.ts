import { bucketHolding } from '../catalog/price-buckets.ts';
import type { PriceBucketId } from '../shared/ids.ts';
import { amountRangeIn } from './amounts.ts';
import type { BotContext, BotState, Pending } from './bot-state.ts';
import { catalogWordsIn } from './catalog-words.ts';
import { type EmailInText, emailIn } from './email-in-text.ts';
import { type Intent, intentsIn, isQuestion, opensWithQuestion, polarityOf } from './intents.ts';
import { hasPhrase, normalizeText } from './normalize-text.ts';
import { matchOption } from './option-match.ts';
import { ID, question, rowsOf } from './questions.ts';

/** What a typed message means at the step it was sent in. */
export type Reading =
  /** An answer to the current question, read as the tap it stands for. */
  | { readonly kind: 'choice'; readonly id: string }
  | { readonly kind: 'email'; readonly found: EmailInText }
  /** Search words ("apartamento en Medellín", "300 millones", a project's name). */
  | { readonly kind: 'search'; readonly wants: Pending }
  | { readonly kind: 'intent'; readonly intent: Intent }
  /** "No sé" to a yes/no question. */
  | { readonly kind: 'unsure' }
  /** "No" to a question whose buttons have no "no" (after a quote: "¿quieres un asesor?"). */
  | { readonly kind: 'declined' }
  /** Something the bot cannot answer: for an advisor. */
  | { readonly kind: 'question' }
  | { readonly kind: 'unknown' };

const visibleChoices = (state: BotState, ctx: BotContext) =>
  question(state, ctx).flatMap((m) =>
    m.kind === 'buttons' ? [...m.buttons] : m.kind === 'list' ? m.sections.flatMap((s) => s.rows) : [],
  );

const PARTIAL_STEPS: ReadonlySet<BotState['step']> = new Set([
  'choosingFilter',
  'choosingCity',
  'choosingPropertyType',
  'choosingProject',
  'choosingUnitType',
]);
const SEARCH_STEPS: ReadonlySet<BotState['step']> = new Set([
  'choosingFilter',
  'choosingPriceRange',
  'choosingCity',
  'choosingPropertyType',
  'choosingProject',
]);
/** Costs a quote does not answer: a question for an advisor even when "cuánto vale" opens it. */
const NOT_THE_PRICE = [
  'administracion',
  'admin',
  'parqueadero',
  'parqueaderos',
  'deposito',
  'predial',
  'arriendo',
  'valorizacion',
  'escrituras',
  'notaria',
  'gastos',
  'impuesto',
  'servicios',
];

/** The search a sentence asks for: catalogue words and a price, mapped to the bucket holding it or kept as a range. */
export const wantsIn = (text: string, ctx: BotContext, priceStep: boolean): Pending => {
  const words = catalogWordsIn(text, ctx.catalog, ctx.texts);
  const range = amountRangeIn(text, priceStep);
  const bucket = range === null ? null : bucketHolding(ctx.catalog.priceBuckets, range);
  const price =
    range === null ? {} : bucket !== null ? { priceBucketId: bucket.id as PriceBucketId } : { priceRange: range };
  return { ...words, ...price };
};

const isEmpty = (wants: Pending): boolean => Object.keys(wants).length === 0;

/** The yes/no questions, and the tap each answer stands for. */
const yesNoChoice = (state: BotState, text: string): Reading | null => {
  const polarity = polarityOf(text);
  if (polarity === null) return null;
  switch (state.step) {
    case 'awaitingConsent':
      return polarity === 'unsure'
        ? { kind: 'unsure' }
        : { kind: 'choice', id: polarity === 'yes' ? ID.consentYes : ID.consentNo };
    case 'confirmingEmail':
      return polarity === 'unsure'
        ? { kind: 'unsure' }
        : { kind: 'choice', id: polarity === 'yes' ? ID.emailYes : ID.emailNo };
    case 'askingSavings':
      return {
        kind: 'choice',
        id: polarity === 'yes' ? ID.savingsYes : polarity === 'no' ? ID.savingsNo : ID.savingsUnsure,
      };
    case 'quoted':
      return polarity === 'yes' ? { kind: 'choice', id: ID.advisor } : polarity === 'no' ? { kind: 'declined' } : null;
    default:
      return null;
  }
};

/** "Con las cesantías" is a yes, "no tengo cesantías" or "ninguno" a no. */
const savingsNamed = (state: BotState, text: string): Reading | null => {
  if (state.step !== 'askingSavings') return null;
  const normalized = normalizeText(text);
  const without =
    /^no tengo|^no cuento|\bninguno\b|\bninguna\b|\bsin (cesantias|subsidio)\b|\bno (tengo|uso|voy a usar|cuento con)\b/;
  if (without.test(normalized)) return { kind: 'choice', id: ID.savingsNo };
  return /cesantias|subsidio|mi casa ya|caja de compensacion|ahorro/.test(normalized)
    ? { kind: 'choice', id: ID.savingsYes }
    : null;
};

const lastWords = (intents: ReadonlySet<Intent>): Reading | null => {
  for (const intent of ['goodbye', 'thanks', 'greeting'] as const)
    if (intents.has(intent)) return { kind: 'intent', intent };
  return null;
};

/**
 * Reads a typed message at the step it was sent in: an option (exactly, then in part), a person or a new search
 * asked for, a yes/no, search words, a quote, a question for an advisor, a greeting, thanks or a goodbye.
 * Deterministic and total; `unknown` when nothing fits.
 */
export const interpret = (state: BotState, text: string, ctx: BotContext): Reading => {
  const intents = intentsIn(text, { advisor: ctx.texts.advisorKeywords, restart: ctx.texts.restartKeywords });
  const beforeConsent =
    state.step === 'start' ||
    state.step === 'awaitingEmail' ||
    state.step === 'confirmingEmail' ||
    state.step === 'awaitingConsent';
  const found = beforeConsent ? emailIn(text) : null;
  if (found !== null) return { kind: 'email', found };
  const visible = visibleChoices(state, ctx);
  const rows = rowsOf(state, ctx);
  const exact = matchOption(text, visible, rows, { partial: false, inside: false });
  if (exact !== null) return { kind: 'choice', id: exact };
  if (intents.has('restart')) return { kind: 'intent', intent: 'restart' };
  if (intents.has('advisor')) return { kind: 'intent', intent: 'advisor' };
  const asks = opensWithQuestion(text);
  // "Listo, hasta luego" takes leave: its "listo" is no yes.
  if (!asks && !intents.has('goodbye')) {
    const answer = savingsNamed(state, text) ?? yesNoChoice(state, text);
    if (answer !== null) return answer;
  }
  // At the price question an amount is read before the buckets' labels ("hasta 400" is no "Hasta $ 300 M").
  const search = searchIn(state, text, ctx);
  if (search !== null && state.step === 'choosingPriceRange') return search;
  const option = matchOption(text, visible, rows, { partial: PARTIAL_STEPS.has(state.step), inside: true });
  if (option !== null && !(asks && !PARTIAL_STEPS.has(state.step))) return { kind: 'choice', id: option };
  if (search !== null) return search;
  const normalized = normalizeText(text);
  // Asked about prices mid-search ("¿cuánto cuestan los más baratos?"), it is a question for an advisor.
  const quotes = intents.has('quote') && !NOT_THE_PRICE.some((w) => hasPhrase(normalized, w));
  if (quotes && state.step === 'choosingOutcome') return { kind: 'choice', id: ID.quote };
  if (quotes && !isQuestion(text)) return { kind: 'intent', intent: 'quote' };
  if (isQuestion(text)) return { kind: 'question' };
  return lastWords(intents) ?? { kind: 'unknown' };
};

/** Search words where they make sense: before consent (kept for later), while searching, or naming another project. */
const searchIn = (state: BotState, text: string, ctx: BotContext): Reading | null => {
  const wants = wantsIn(text, ctx, state.step === 'choosingPriceRange');
  if (isEmpty(wants)) return null;
  if (state.step === 'start' || state.step === 'awaitingEmail' || SEARCH_STEPS.has(state.step))
    return { kind: 'search', wants };
  const current = 'projectId' in state ? state.projectId : undefined;
  if (wants.projectId !== undefined && wants.projectId !== current) return { kind: 'search', wants };
  return null;
};
