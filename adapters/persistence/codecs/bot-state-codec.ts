import { z } from 'zod';
import type { BotState, Session } from '../../../domain/chatbot/bot-state.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { ProjectId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { branded, instant, searchCriteriaSchema, searchCriteriaShape } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const email = branded<Email>();
const projectId = branded<ProjectId>();
const unitTypeId = branded<UnitTypeId>();

const sessionSchema: z.ZodType<Session> = z.looseObject({
  email,
  consent: z.looseObject({
    at: instant,
    policyVersion: z.string(),
    policyTextHash: z.string().nullable(),
    messageId: z.string().nullable(),
  }),
  criteria: searchCriteriaSchema,
});

/** What a lead asked for before consenting: criteria and maybe a project (optional: added within version 2). */
const pending = z.looseObject({ ...searchCriteriaShape, projectId: projectId.exactOptional() }).exactOptional();

const paged = <S extends string>(step: S) =>
  z.looseObject({ step: z.literal(step), session: sessionSchema, page: z.number() });

const botStateSchema: z.ZodType<BotState> = z.discriminatedUnion('step', [
  z.looseObject({ step: z.literal('start'), pending }),
  z.looseObject({ step: z.literal('awaitingEmail'), pending }),
  z.looseObject({ step: z.literal('confirmingEmail'), typed: email.nullable(), suggested: email, pending }),
  z.looseObject({
    step: z.literal('awaitingConsent'),
    email,
    shown: z.looseObject({ policyVersion: z.string(), policyTextHash: z.string() }).optional(),
    pending,
  }),
  z.looseObject({ step: z.literal('choosingFilter'), session: sessionSchema }),
  paged('choosingPriceRange'),
  paged('choosingCity'),
  paged('choosingPropertyType'),
  paged('choosingProject'),
  z.looseObject({ step: z.literal('choosingUnitType'), session: sessionSchema, projectId, page: z.number() }),
  z.looseObject({ step: z.literal('choosingOutcome'), session: sessionSchema, projectId, unitTypeId }),
  z.looseObject({ step: z.literal('askingSavings'), session: sessionSchema, projectId, unitTypeId }),
  z.looseObject({ step: z.literal('quoted'), session: sessionSchema, projectId, unitTypeId }),
  z.looseObject({ step: z.literal('withAdvisor'), session: sessionSchema.optional() }),
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 → 2: a session's consent gains its evidence, unknown (null) for one given before it was kept. */
const consentEvidence = (state: unknown): unknown => {
  if (!isRecord(state) || !isRecord(state.session) || !isRecord(state.session.consent)) return state;
  const { consent } = state.session;
  return {
    ...state,
    session: { ...state.session, consent: { policyTextHash: null, messageId: null, ...consent } },
  };
};

/**
 * `conversations.bot`: where each conversation stands in the bot's flow. Conversations stay in a step for
 * days, so a stored step outlives the code that wrote it.
 *
 * Version 1: today's shape in an envelope (version 0, the bare state, is read as version 1). The
 * `askingSavings` step was added within version 1: a new step leaves every stored one as it was, so it needs no
 * upgrade (only an app older than the step cannot read a conversation standing in it).
 *
 * Renaming, splitting or reshaping a step is a version bump, never an edit of the schema alone (that would
 * make every conversation in the old step unreadable):
 * 1. change `BotState` and the schema below to the new shape;
 * 2. append to `upgrades` a function from the previous version's JSON to the new one, e.g. for a rename of
 *    `quoted` to `quoteSent`:
 *    `(s) => (isRecord(s) && s.step === 'quoted' ? { ...s, step: 'quoteSent' } : s)`;
 * 3. add a fixture of the previous version under `tests/fixtures/stored-json/` and a case reading it.
 * Rows are upgraded when read and written in the new version when next saved; no SQL migration is needed.
 *
 * Version 2: a session's consent carries its evidence, `policyTextHash` and `messageId` (null for consents given
 * before they were kept); `awaitingConsent` may carry the question `shown` and `withAdvisor` the `session` a
 * hand-back resumes from (both optional, so no upgrade is needed for them). Added within version 2, with no upgrade:
 * the `confirmingEmail` step (a mistyped address suggested) and the optional `pending` search of the steps before
 * consent.
 * `tests/adapters/persistence/stored-codecs.test.ts` shows an upgrade applied on read.
 */
export const botStateCodec = versionedCodec<BotState>({
  name: 'bot state',
  schema: botStateSchema,
  upgrades: [sameShape, consentEvidence],
});
