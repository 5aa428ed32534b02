import {
  FILTER_DIMENSIONS,
  isChosen,
  isSoldOut,
  matchingProjects,
  matchingUnitTypes,
  optionsFor,
  type FilterDimension,
  type SearchCriteria,
} from '../catalog/search.ts';
import { buttonsMessage, textMessage } from '../messaging/builders.ts';
import { clip, type OutboundContent } from '../messaging/outbound.ts';
import type { ProjectId, UnitTypeId } from '../shared/ids.ts';
import { sha256Hex } from '../shared/sha256.ts';
import { HOUR_MS } from '../shared/time.ts';
import type { BotContext, BotInput, BotState, BotTurn, Consent, ConsentShown, Pending, Session } from './bot-state.ts';
import { fill, normalizeWord } from './bot-texts.ts';
import type { EmailInText } from './email-in-text.ts';
import type { Intent } from './intents.ts';
import { interpret, wantsIn } from './interpret.ts';
import { consentQuestionText, filterButtons, ID, question, rowsOf, welcomeText } from './questions.ts';

const turn = (state: BotState, replies: readonly OutboundContent[], effects: BotTurn['effects'] = []): BotTurn => ({
  state,
  replies,
  effects,
});

/** Asks the current question again, after an optional notice. */
const reask = (state: BotState, ctx: BotContext, notice?: string): BotTurn =>
  turn(state, [...(notice === undefined ? [] : [textMessage(notice)]), ...question(state, ctx)]);

const LIST_STEPS: ReadonlySet<BotState['step']> = new Set([
  'choosingPriceRange',
  'choosingCity',
  'choosingPropertyType',
  'choosingProject',
  'choosingUnitType',
]);

/** Shows a state's question; a list that has emptied (the catalogue changed) becomes "no match". */
const show = (state: BotState, ctx: BotContext): BotTurn => {
  const session = sessionOf(state);
  if (session !== null && LIST_STEPS.has(state.step) && rowsOf(state, ctx).length === 0) return noMatch(session, ctx);
  return turn(state, question(state, ctx));
};

/** True when `id` is one of the rows the state offers (a stale or forged id is not). */
const offers = (state: BotState, id: string, ctx: BotContext): boolean => rowsOf(state, ctx).some((r) => r.id === id);

const sessionOf = (state: BotState): Session | null => ('session' in state ? (state.session ?? null) : null);

const restartSearch = (session: Session, ctx: BotContext, body = ctx.texts.chooseFilter): BotTurn =>
  turn({ step: 'choosingFilter', session: { ...session, criteria: {} } }, [filterButtons(body, ctx)]);

const noMatch = (session: Session, ctx: BotContext): BotTurn => restartSearch(session, ctx, ctx.texts.noMatch);

const STEP_OF: Record<FilterDimension, 'choosingPriceRange' | 'choosingCity' | 'choosingPropertyType'> = {
  price: 'choosingPriceRange',
  city: 'choosingCity',
  propertyType: 'choosingPropertyType',
};

const askDimension = (session: Session, dimension: FilterDimension, ctx: BotContext): BotTurn =>
  optionsFor(ctx.catalog, session.criteria, dimension).length === 0
    ? noMatch(session, ctx)
    : show({ step: STEP_OF[dimension], session, page: 0 }, ctx);

/** After a filter answer: ask only what still narrows a long result, else list the projects. */
const narrowOrList = (session: Session, ctx: BotContext): BotTurn => {
  const count = matchingProjects(ctx.catalog, session.criteria).length;
  if (count === 0) return noMatch(session, ctx);
  if (count > ctx.settings.narrowAbove) {
    const splitting = FILTER_DIMENSIONS.find(
      (d) => !isChosen(session.criteria, d) && optionsFor(ctx.catalog, session.criteria, d).length >= 2,
    );
    if (splitting !== undefined) return askDimension(session, splitting, ctx);
  }
  return show({ step: 'choosingProject', session, page: 0 }, ctx);
};

/** The visit the lead's choice opens (or updates): the application files their quotes and messages under it. */
const openVisit = (session: Session, projectId: ProjectId, unitTypeId: UnitTypeId | null): BotTurn['effects'] => [
  { type: 'OpenVisit', session, criteria: session.criteria, projectId, unitTypeId },
];

const chooseProject = (session: Session, projectId: ProjectId, ctx: BotContext): BotTurn => {
  const types = matchingUnitTypes(ctx.catalog, projectId, session.criteria);
  const only = types.length === 1 ? types[0] : undefined;
  if (types.length === 0) return noMatch(session, ctx);
  const next =
    only !== undefined
      ? show({ step: 'choosingOutcome', session, projectId, unitTypeId: only.id }, ctx)
      : show({ step: 'choosingUnitType', session, projectId, page: 0 }, ctx);
  return { ...next, effects: openVisit(session, projectId, only?.id ?? null) };
};

const toAdvisor = (session: Session, projectId: ProjectId | null, unitTypeId: UnitTypeId | null): BotTurn =>
  turn(
    { step: 'withAdvisor', session },
    [],
    [{ type: 'HandToAdvisor', session, criteria: session.criteria, projectId, unitTypeId }],
  );

/** What the consent question shows now: its policy version and the fingerprint of its text. */
const consentShown = (ctx: BotContext): ConsentShown => ({
  policyVersion: ctx.policy.version,
  policyTextHash: sha256Hex(consentQuestionText(ctx)),
});

/** Asks for consent, remembering exactly what was asked (the evidence the answer refers to). */
const askConsent = (email: Session['email'], ctx: BotContext, pending?: Pending): BotTurn =>
  show({ step: 'awaitingConsent', email, shown: consentShown(ctx), ...withPending(pending) }, ctx);

const withPending = (pending: Pending | undefined): { pending?: Pending } =>
  pending === undefined || Object.keys(pending).length === 0 ? {} : { pending };

/**
 * Where a lead who just consented goes: to what they asked for before (the project they named, or the search
 * they described), else to the search's first question.
 */
const afterConsent = (session: Session, pending: Pending | undefined, ctx: BotContext): BotTurn => {
  if (pending === undefined) return restartSearch(session, ctx, ctx.texts.consentThanks);
  const { projectId, ...criteria } = pending;
  const searching: Session = { ...session, criteria };
  const project = ctx.catalog.projects.find((p) => p.id === projectId);
  if (project !== undefined && matchingUnitTypes(ctx.catalog, project.id, criteria).length > 0)
    return chooseProject(searching, project.id, ctx);
  if (Object.keys(criteria).length === 0) return restartSearch(session, ctx, ctx.texts.consentThanks);
  return narrowOrList(searching, ctx);
};

/**
 * The answer to the consent question. A "yes" to a question whose policy has changed since (a new version was
 * published meanwhile) is not consent to the new one: the new question is asked. A "no" forgets the email.
 */
const answerConsent = (
  state: Extract<BotState, { step: 'awaitingConsent' }>,
  yes: boolean,
  ctx: BotContext,
): BotTurn => {
  if (!yes)
    return turn(
      { step: 'start' },
      [textMessage(ctx.texts.consentDeclined)],
      [{ type: 'ForgetLead', email: state.email }],
    );
  const shown = state.shown ?? consentShown(ctx);
  if (shown.policyVersion !== ctx.policy.version) return askConsent(state.email, ctx);
  const consent: Consent = { at: ctx.now, ...shown, messageId: ctx.messageId };
  const session: Session = { email: state.email, consent, criteria: {} };
  const next = afterConsent(session, state.pending, ctx);
  return { ...next, effects: [{ type: 'RegisterLead', session }, ...next.effects] };
};

type QuotingState = Extract<BotState, { step: 'choosingOutcome' | 'askingSavings' }>;

/** Quotes the unit type: the reply after the quote, and the effect that simulates it. */
const quote = (state: QuotingState, savingsToConfirm: boolean, ctx: BotContext): BotTurn => {
  const quoted: BotState = {
    step: 'quoted',
    session: state.session,
    projectId: state.projectId,
    unitTypeId: state.unitTypeId,
  };
  return turn(quoted, question(quoted, ctx), [
    {
      type: 'SimulateQuote',
      session: state.session,
      projectId: state.projectId,
      unitTypeId: state.unitTypeId,
      savingsToConfirm,
    },
  ]);
};

/** VIS and VIP buyers usually bring cesantías or a subsidy: ask before quoting, the amounts stay for an advisor. */
const asksSavings = (ctx: BotContext, state: QuotingState): boolean => {
  const regime = ctx.catalog.projects.find((p) => p.id === state.projectId)?.housingRegime;
  return regime === 'vis' || regime === 'vip';
};

const SAVINGS_ANSWERS: Readonly<Record<string, boolean>> = {
  [ID.savingsYes]: true,
  [ID.savingsNo]: false,
  [ID.savingsUnsure]: false,
};

const valueAfter = (id: string, prefix: string): string | null =>
  id.startsWith(`${prefix}:`) ? id.slice(prefix.length + 1) : null;

/** Applies a recognised choice id; null when it does not answer the current question. */
/** The lead's interest in the state: the project and unit type it stands at, if any. */
const interestIn = (state: BotState): { projectId: ProjectId | null; unitTypeId: UnitTypeId | null } => ({
  projectId: 'projectId' in state ? state.projectId : null,
  unitTypeId: 'unitTypeId' in state ? state.unitTypeId : null,
});

/** Buttons that stand for the same thing at every step after consent: a person, a new search, "carry on". */
const anyStepChoice = (state: BotState, id: string, ctx: BotContext): BotTurn | null => {
  const session = sessionOf(state);
  if (session === null) return null;
  const at = interestIn(state);
  if (id === ID.advisor) return toAdvisor(session, at.projectId, at.unitTypeId);
  if (id === ID.newSearch) return restartSearch(session, ctx);
  if (id === ID.resume) return show(state, ctx);
  return null;
};

/**
 * A lead back after a long pause (`welcomeBackAfterHours`) who types rather than taps: welcomed back, with the
 * choice to carry on where they were or search again, instead of the stale question. Null when it does not apply.
 */
const welcomeBack = (state: BotState, input: BotInput, ctx: BotContext): BotTurn | null => {
  const session = sessionOf(state);
  const idle = ctx.idleMs ?? null;
  if (session === null || idle === null || idle < ctx.settings.welcomeBackAfterHours * HOUR_MS) return null;
  if (input.kind === 'choice') return null;
  if (input.kind === 'text') {
    const word = normalizeWord(input.body);
    if (ctx.texts.advisorKeywords.includes(word) || ctx.texts.restartKeywords.includes(word)) return null;
  }
  const { projectId } = interestIn(state);
  const project = projectId === null ? undefined : ctx.catalog.projects.find((p) => p.id === projectId);
  const topic = project === undefined ? ctx.texts.welcomeBackTopic : project.name;
  return turn(state, [
    buttonsMessage(fill(ctx.texts.welcomeBack, { topic }), [
      { id: ID.resume, title: ctx.texts.welcomeBackContinue },
      { id: ID.newSearch, title: ctx.texts.outcomeNewSearch },
    ]),
  ]);
};

const onChoice = (state: BotState, id: string, ctx: BotContext): BotTurn | null => {
  const everywhere = anyStepChoice(state, id, ctx);
  if (everywhere !== null) return everywhere;
  const page = valueAfter(id, 'page');
  if (page !== null && 'page' in state)
    return show({ ...state, page: Math.max(0, Math.trunc(Number(page)) || 0) }, ctx);
  if (LIST_STEPS.has(state.step) && !offers(state, id, ctx)) return null;
  switch (state.step) {
    case 'confirmingEmail':
      if (id === ID.emailYes) return askConsent(state.suggested, ctx, state.pending);
      if (id !== ID.emailNo) return null;
      return state.typed === null
        ? turn({ step: 'awaitingEmail', ...withPending(state.pending) }, [textMessage(ctx.texts.invalidEmail)])
        : askConsent(state.typed, ctx, state.pending);
    case 'awaitingConsent':
      return id === ID.consentYes || id === ID.consentNo ? answerConsent(state, id === ID.consentYes, ctx) : null;
    case 'choosingFilter': {
      const dimensions = {
        [ID.filterPrice]: 'price',
        [ID.filterCity]: 'city',
        [ID.filterType]: 'propertyType',
      } as const;
      // Own keys only: a forged id such as "toString" must not find Object.prototype's.
      return Object.hasOwn(dimensions, id)
        ? askDimension(state.session, dimensions[id as keyof typeof dimensions], ctx)
        : null;
    }
    case 'choosingPriceRange':
    case 'choosingCity':
    case 'choosingPropertyType':
      return chooseFilterValue(state, id, ctx);
    case 'choosingProject': {
      const projectId = valueAfter(id, 'project');
      return projectId === null ? null : chooseProject(state.session, projectId as ProjectId, ctx);
    }
    case 'choosingUnitType': {
      const unitTypeId = valueAfter(id, 'unittype');
      if (unitTypeId !== null && isSoldOut(ctx.catalog, unitTypeId as UnitTypeId))
        return reask(state, ctx, ctx.texts.unitTypeSoldOut);
      if (unitTypeId === null) return null;
      const chosen = show(
        {
          step: 'choosingOutcome',
          session: state.session,
          projectId: state.projectId,
          unitTypeId: unitTypeId as UnitTypeId,
        },
        ctx,
      );
      return { ...chosen, effects: openVisit(state.session, state.projectId, unitTypeId as UnitTypeId) };
    }
    case 'choosingOutcome':
    case 'quoted':
      if (id !== ID.quote || state.step !== 'choosingOutcome') return null;
      return asksSavings(ctx, state) ? show({ ...state, step: 'askingSavings' }, ctx) : quote(state, false, ctx);
    case 'askingSavings': {
      const planned = Object.hasOwn(SAVINGS_ANSWERS, id) ? SAVINGS_ANSWERS[id] : undefined;
      return planned === undefined ? null : quote(state, planned, ctx);
    }
    default:
      return null;
  }
};

const chooseFilterValue = (
  state: Extract<BotState, { step: 'choosingPriceRange' | 'choosingCity' | 'choosingPropertyType' }>,
  id: string,
  ctx: BotContext,
): BotTurn | null => {
  const { criteria } = state.session;
  const price = valueAfter(id, 'price');
  const city = valueAfter(id, 'city');
  const type = valueAfter(id, 'type');
  const next =
    state.step === 'choosingPriceRange' && price !== null
      ? { ...criteria, priceBucketId: price }
      : state.step === 'choosingCity' && city !== null
        ? { ...criteria, city }
        : state.step === 'choosingPropertyType' && type !== null
          ? { ...criteria, propertyType: type }
          : null;
  return next === null ? null : narrowOrList({ ...state.session, criteria: next as Session['criteria'] }, ctx);
};

const pendingOf = (state: BotState): Pending | undefined => ('pending' in state ? state.pending : undefined);

/** The email question, keeping what the lead already said they want. */
const emailStep = (state: BotState): BotState => ({ step: 'awaitingEmail', ...withPending(pendingOf(state)) });

const isBeforeConsent = (state: BotState): boolean =>
  state.step === 'start' ||
  state.step === 'awaitingEmail' ||
  state.step === 'confirmingEmail' ||
  state.step === 'awaitingConsent';

/** New search words over old ones: a named price replaces the old price, bucket or range alike. */
const mergeWants = <C extends SearchCriteria>(old: C, wants: Pending): C & Pending => {
  const { priceBucketId, priceRange, ...rest } = old;
  const namesPrice = wants.priceBucketId !== undefined || wants.priceRange !== undefined;
  const oldPrice = namesPrice
    ? {}
    : {
        ...(priceBucketId === undefined ? {} : { priceBucketId }),
        ...(priceRange === undefined ? {} : { priceRange }),
      };
  return { ...rest, ...oldPrice, ...wants } as C & Pending;
};

const onSearch = (state: BotState, wants: Pending, ctx: BotContext): BotTurn => {
  const session = sessionOf(state);
  if (session === null) {
    const pending = mergeWants(pendingOf(state) ?? {}, wants);
    if (state.step === 'start' || state.step === 'awaitingEmail')
      return reask(
        { step: 'awaitingEmail', pending },
        ctx,
        `${state.step === 'start' ? `${welcomeText(ctx)}\n\n` : ''}${ctx.texts.searchNoted}`,
      );
    return isBeforeConsent(state)
      ? reask({ ...state, pending } as BotState, ctx, ctx.texts.searchNoted)
      : reask(state, ctx);
  }
  const { projectId, ...criteria } = wants;
  if (projectId !== undefined && ctx.catalog.projects.some((p) => p.id === projectId))
    return chooseProject({ ...session, criteria }, projectId, ctx);
  return narrowOrList({ ...session, criteria: mergeWants(session.criteria, criteria) }, ctx);
};

const onEmail = (state: BotState, found: EmailInText, body: string, ctx: BotContext): BotTurn => {
  const pending = mergeWants(pendingOf(state) ?? {}, wantsIn(body, ctx, false));
  if (found.suggestion !== null)
    return show(
      { step: 'confirmingEmail', typed: found.typed, suggested: found.suggestion, ...withPending(pending) },
      ctx,
    );
  return found.typed === null ? reask(state, ctx, ctx.texts.invalidEmail) : askConsent(found.typed, ctx, pending);
};

const onAdvisor = (state: BotState, ctx: BotContext): BotTurn => {
  const session = sessionOf(state);
  if (session !== null) {
    const at = 'projectId' in state ? state : null;
    return toAdvisor(session, at?.projectId ?? null, at !== null && 'unitTypeId' in at ? at.unitTypeId : null);
  }
  if (state.step === 'awaitingConsent') return reask(state, ctx, ctx.texts.advisorNeedsConsent);
  if (state.step === 'confirmingEmail') return reask(state, ctx, ctx.texts.advisorNeedsEmail);
  return reask(emailStep(state), ctx, ctx.texts.advisorNeedsEmail);
};

/** Before their question again: a greeting, thanks, a goodbye (with no question after it). */
const onIntent = (state: BotState, intent: Intent, ctx: BotContext): BotTurn => {
  const { texts } = ctx;
  const session = sessionOf(state);
  if (intent === 'advisor') return onAdvisor(state, ctx);
  if (intent === 'goodbye') return turn(state, [textMessage(texts.goodbyeReply)]);
  if (state.step === 'start') return reask(emailStep(state), ctx, welcomeText(ctx));
  switch (intent) {
    case 'restart':
      return session === null ? reask(state, ctx) : restartSearch(session, ctx);
    case 'quote':
      if (session === null) return reask(state, ctx);
      return state.step === 'quoted' ? restartSearch(session, ctx) : reask(state, ctx, texts.quoteNeedsUnit);
    case 'greeting':
      return reask(state, ctx, texts.greetingAgain);
    case 'thanks':
      return reask(state, ctx, texts.thanksReply);
  }
};

/** A question the bot cannot answer: acknowledged, kept for the advisor (once there is a lead), then the flow goes on. */
const onQuestion = (state: BotState, body: string, ctx: BotContext): BotTurn => {
  const session = sessionOf(state);
  if (session === null)
    return state.step === 'start'
      ? reask(emailStep(state), ctx, `${welcomeText(ctx)}\n\n${ctx.texts.questionNotedBeforeConsent}`)
      : reask(state, ctx, ctx.texts.questionNotedBeforeConsent);
  const asked = reask(state, ctx, ctx.texts.questionNoted);
  return { ...asked, effects: [{ type: 'NoteQuestion', session, text: clip(body.trim(), NOTE_MAX) }] };
};

/** A note keeps this much of the lead's question (the whole message is in the conversation anyway). */
const NOTE_MAX = 500;

const notUnderstood = (state: BotState, ctx: BotContext): BotTurn => {
  if (state.step === 'start') return reask(emailStep(state), ctx, welcomeText(ctx));
  if (state.step === 'awaitingEmail') return turn(state, [textMessage(ctx.texts.invalidEmail)]);
  return reask(state, ctx, ctx.texts.notUnderstood);
};

const onText = (state: BotState, body: string, ctx: BotContext): BotTurn => {
  const reading = interpret(state, body, ctx);
  switch (reading.kind) {
    case 'choice':
      return onChoice(state, reading.id, ctx) ?? notUnderstood(state, ctx);
    case 'email':
      return onEmail(state, reading.found, body, ctx);
    case 'search':
      return onSearch(state, reading.wants, ctx);
    case 'intent':
      return onIntent(state, reading.intent, ctx);
    case 'unsure':
      return reask(state, ctx, state.step === 'confirmingEmail' ? ctx.texts.emailTypoUnsure : ctx.texts.consentUnsure);
    case 'declined':
      return turn(state, [textMessage(ctx.texts.advisorDeclined)]);
    case 'question':
      return onQuestion(state, body, ctx);
    case 'unknown':
      return notUnderstood(state, ctx);
  }
};

/**
 * One turn of the bot. Total: every state answers every input with at least one valid message
 * or, when handing over to an advisor, with an effect whose result the application announces.
 */
export const advance = (state: BotState, input: BotInput, ctx: BotContext): BotTurn => {
  if (state.step === 'withAdvisor') return show(state, ctx);
  const back = welcomeBack(state, input, ctx);
  if (back !== null) return back;
  switch (input.kind) {
    case 'text':
      return onText(state, input.body, ctx);
    case 'choice':
      if (state.step === 'start') return reask(emailStep(state), ctx, welcomeText(ctx));
      return onChoice(state, input.id, ctx) ?? reask(state, ctx, ctx.texts.notUnderstood);
    case 'media':
    case 'unsupported':
      if (state.step === 'start') return reask(emailStep(state), ctx, `${welcomeText(ctx)}\n\n${ctx.texts.textOnly}`);
      if (sessionOf(state) === null) return reask(state, ctx, ctx.texts.textOnly);
      // After consent: the notice with a way to a person, who can listen to the voice note or see the photo.
      return turn(state, [
        buttonsMessage(ctx.texts.textOnlyOfferAdvisor, [{ id: ID.advisor, title: ctx.texts.outcomeAdvisor }]),
        ...question(state, ctx),
      ]);
  }
};

/**
 * An advisor hands the conversation back to the bot. A lead who had consented resumes at the search, told the bot
 * is back (the session is kept: no second consent); one who never consented to the bot (a CRM lead) starts over
 * when they next write, with no message now.
 */
export const resume = (state: BotState, ctx: BotContext): BotTurn => {
  const session = sessionOf(state);
  if (session === null) return turn({ step: 'start' }, []);
  return restartSearch(session, ctx, `${ctx.texts.botResumed}\n\n${ctx.texts.chooseFilter}`);
};
