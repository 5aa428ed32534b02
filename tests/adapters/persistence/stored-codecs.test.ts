import { firstContactCodec, leadOriginCodec } from '../../../adapters/persistence/codecs/origin-codec.ts';
import { CRM_LEAD_SOURCES, type FirstContact, type LeadOrigin } from '../../../domain/lead/origin.ts';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  builderProfileCodec,
  type StoredBuilderProfile,
} from '../../../adapters/persistence/codecs/builder-profile-codec.ts';
import { botSettingsCodec } from '../../../adapters/persistence/codecs/bot-settings-codec.ts';
import { defaultStageLabels } from '../../../domain/visit/stage-labels.ts';
import { botStateCodec } from '../../../adapters/persistence/codecs/bot-state-codec.ts';
import { inboxEntryCodec } from '../../../adapters/persistence/codecs/inbox-entry-codec.ts';
import { messageAuthorCodec } from '../../../adapters/persistence/codecs/message-author-codec.ts';
import {
  inboundContentCodec,
  outboundContentCodec,
} from '../../../adapters/persistence/codecs/message-content-codec.ts';
import { paymentPlanCodec } from '../../../adapters/persistence/codecs/payment-plan-codec.ts';
import { quoteCodec } from '../../../adapters/persistence/codecs/quote-codec.ts';
import { searchCriteriaCodec } from '../../../adapters/persistence/codecs/search-criteria-codec.ts';
import { sendFailureCodec } from '../../../adapters/persistence/codecs/send-failure-codec.ts';
import {
  type StoredCodec,
  sameShape,
  UnreadableStoredValue,
  versionedCodec,
} from '../../../adapters/persistence/codecs/stored-codec.ts';
import type { InboxEntry } from '../../../application/ports/inbox-repository.ts';
import { PROPERTY_TYPES, type PaymentPlan } from '../../../domain/catalog/catalog.ts';
import type { SearchCriteria } from '../../../domain/catalog/search.ts';
import type { BotState, Session } from '../../../domain/chatbot/bot-state.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { PhoneE164 } from '../../../domain/contact/phone.ts';
import type { InboundContent, MessageAuthor } from '../../../domain/messaging/message.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import type {
  MediaId,
  MessageId,
  PriceBucketId,
  ProjectId,
  UnitTypeId,
  UserId,
  WaMessageId,
} from '../../../domain/shared/ids.ts';
import * as samples from '../../fixtures/stored-json/samples.ts';

type Fixture = { readonly column: string; readonly rows: Readonly<Record<string, unknown>> };

const fixture = (version: string, file: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../fixtures/stored-json/${version}/${file}.json`, import.meta.url), 'utf8'));

/** Each stored value: its codec, its v0 fixture file and the domain values that file must read as. */
const cases: readonly { file: string; codec: StoredCodec<unknown>; expected: Readonly<Record<string, unknown>> }[] = [
  { file: 'bot-state', codec: botStateCodec, expected: samples.botStates },
  { file: 'inbound-content', codec: inboundContentCodec, expected: samples.inboundContents },
  { file: 'outbound-content', codec: outboundContentCodec, expected: samples.outboundContents },
  { file: 'message-author', codec: messageAuthorCodec, expected: samples.authors },
  { file: 'send-failure', codec: sendFailureCodec, expected: samples.failures },
  { file: 'inbox-entry', codec: inboxEntryCodec, expected: samples.inboxEntries },
  { file: 'quote', codec: quoteCodec, expected: samples.quotes },
  { file: 'payment-plan', codec: paymentPlanCodec, expected: samples.paymentPlans },
  { file: 'search-criteria', codec: searchCriteriaCodec, expected: samples.criteriaSamples },
  { file: 'bot-settings', codec: botSettingsCodec, expected: samples.botSettingsSamples },
];

/** What a JSONB column gives back: plain JSON. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('stored values written before versioning (v0 fixtures)', () => {
  for (const { file, codec, expected } of cases) {
    describe(`${file} (${fixture('v0', file).column})`, () => {
      const { rows } = fixture('v0', file);

      it('holds every sample, and only those', () => {
        expect(Object.keys(rows).sort()).toEqual(Object.keys(expected).sort());
      });

      for (const name of Object.keys(expected)) {
        it(`reads "${name}" as the domain value, and writes it back in the current version`, () => {
          const value = codec.decode(rows[name]);
          expect(value).toEqual(expected[name]);
          const stored = throughJson(codec.encode(value));
          expect(stored).toEqual({ v: codec.version, value: expected[name] });
          expect(codec.decode(stored)).toEqual(expected[name]);
        });
      }
    });
  }

  it('covers every bot step, and every kind of content, author and inbox entry', () => {
    const steps = new Set(Object.values(fixture('v0', 'bot-state').rows).map((s) => (s as BotState).step));
    expect([...steps].sort()).toEqual(Object.keys(samples.botStates).sort());
    const kinds = (file: string) =>
      [...new Set(Object.values(fixture('v0', file).rows).map((c) => (c as { kind: string }).kind))].sort();
    expect(kinds('inbound-content')).toEqual(['choice', 'location', 'media', 'reaction', 'text', 'unsupported']);
    expect(kinds('outbound-content')).toEqual(['buttons', 'list', 'media', 'template', 'text']);
    expect(kinds('message-author')).toEqual(['bot', 'user']);
    expect(kinds('inbox-entry')).toEqual(['media', 'message', 'status']);
  });
});

/** Values first stored once codecs existed: their oldest fixture is version 1. */
const v1Cases: readonly { file: string; codec: StoredCodec<unknown>; expected: Readonly<Record<string, unknown>> }[] = [
  { file: 'builder-profile', codec: builderProfileCodec, expected: samples.builderProfiles },
];

describe('stored values first written in version 1 (v1 fixtures)', () => {
  for (const { file, codec, expected } of v1Cases) {
    describe(`${file} (${fixture('v1', file).column})`, () => {
      const { rows } = fixture('v1', file);

      it('holds every sample, and only those', () => {
        expect(Object.keys(rows).sort()).toEqual(Object.keys(expected).sort());
      });

      for (const name of Object.keys(expected))
        it(`reads "${name}" as the domain value, and writes it back in the current version`, () => {
          expect(codec.decode(rows[name])).toEqual(expected[name]);
          expect(throughJson(codec.encode(codec.decode(rows[name])))).toEqual({
            v: codec.version,
            value: expected[name],
          });
        });
    });
  }
});

describe('a stored value that cannot be read', () => {
  const phone = '+573001234567';

  it('is a typed error naming the value, its version and where it broke, never the data', () => {
    const corrupt = { v: 1, value: { kind: 'message', envelope: { from: { phone }, content: { kind: 'text' } } } };
    const result = inboxEntryCodec.read(corrupt);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(UnreadableStoredValue);
    expect(result.error).toMatchObject({ code: 'stored_value_unreadable', value: 'inbox entry', version: 1 });
    expect(result.error.issues.length).toBeGreaterThan(0);
    expect(result.error.message).not.toContain(phone);
    expect(() => inboxEntryCodec.decode(corrupt)).toThrow(UnreadableStoredValue);
  });

  it('is refused when a newer version of the app wrote it', () => {
    expect(() => botStateCodec.decode({ v: botStateCodec.version + 1, value: { step: 'start' } })).toThrow(
      /written by a newer version/,
    );
  });

  it('is refused when it is not the shape of any bot step (a step renamed without a version bump)', () => {
    expect(botStateCodec.read({ step: 'quoteSent' })).toMatchObject({ ok: false, error: { value: 'bot state' } });
    expect(botStateCodec.read(null).ok).toBe(false);
    expect(botStateCodec.read('start').ok).toBe(false);
  });
});

describe('fields a schema does not name', () => {
  it('are kept as stored, so a field added to the domain and not yet to the codec survives a save', () => {
    const stored = { kind: 'media', mediaKind: 'image', waMediaId: 'w-1', mimeType: 'image/jpeg', pending: true };
    expect(inboundContentCodec.decode(stored)).toEqual(stored);
    expect(inboundContentCodec.decode({ v: 1, value: stored })).toEqual(stored);
  });
});

describe('upgrades on read', () => {
  /**
   * A bot-state codec two versions on: version 2 renamed the step `quoted` to `quoteSent` (the recipe in
   * `bot-state-codec.ts`). Rows of versions 0 and 1 in the old step are read in the new one.
   */
  const renamed = versionedCodec({
    name: 'bot state',
    schema: z.discriminatedUnion('step', [
      z.object({ step: z.literal('start') }),
      z.object({ step: z.literal('quoteSent'), projectId: z.string() }),
    ]),
    upgrades: [
      sameShape,
      (s) =>
        typeof s === 'object' && s !== null && (s as { step?: unknown }).step === 'quoted'
          ? { ...s, step: 'quoteSent' }
          : s,
    ],
  });

  it('applies the upgrade from v1 to v2 to a v1 row, and every upgrade to a v0 row', () => {
    expect(renamed.version).toBe(2);
    expect(renamed.decode({ v: 1, value: { step: 'quoted', projectId: 'p-1' } })).toEqual({
      step: 'quoteSent',
      projectId: 'p-1',
    });
    expect(renamed.decode({ step: 'quoted', projectId: 'p-1' })).toEqual({ step: 'quoteSent', projectId: 'p-1' });
    expect(renamed.decode({ v: 1, value: { step: 'start' } })).toEqual({ step: 'start' });
  });

  it('reads a current row as it is and writes the current version', () => {
    expect(renamed.decode({ v: 2, value: { step: 'quoteSent', projectId: 'p-1' } })).toEqual({
      step: 'quoteSent',
      projectId: 'p-1',
    });
    expect(renamed.encode({ step: 'start' })).toEqual({ v: 2, value: { step: 'start' } });
  });

  it('reads a row whose upgrade throws as unreadable, not as a crash', () => {
    const broken = versionedCodec({
      name: 'test value',
      schema: z.object({ n: z.number() }),
      upgrades: [
        () => {
          throw new Error('boom');
        },
      ],
    });
    expect(broken.read({ n: 1 })).toMatchObject({ ok: false, error: { issues: ['upgrade from version 0 failed'] } });
  });

  it('fills texts added to the catalogues after settings were saved with the defaults', () => {
    const { welcome: _dropped, ...olderTexts } = samples.botSettingsSamples.customised.texts;
    const older = { ...samples.botSettingsSamples.customised, texts: olderTexts };
    expect(botSettingsCodec.decode(older).texts.welcome).toBe(samples.botSettingsSamples.defaults.texts.welcome);
    expect(botSettingsCodec.decode(older).texts.restartKeywords).toEqual(['menu']);
  });
});

// Encode then decode is the identity, through JSON as the column stores it.
const id = <T extends string>() => fc.string({ minLength: 1, maxLength: 12 }).map((s) => s as T);
const optional = <T extends object>(record: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]) =>
  fc.record(record, { requiredKeys: required }) as fc.Arbitrary<T>;

const anyCriteria: fc.Arbitrary<SearchCriteria> = optional<SearchCriteria>(
  {
    priceBucketId: id<PriceBucketId>(),
    priceRange: fc.record({ min: fc.nat(), max: fc.option(fc.nat(), { nil: null }) }),
    city: fc.string(),
    propertyType: fc.constantFrom(...PROPERTY_TYPES),
  },
  [],
);
const anyPending = optional<NonNullable<Extract<BotState, { step: 'start' }>['pending']>>(
  { city: fc.string(), priceBucketId: id<PriceBucketId>(), projectId: id<ProjectId>() },
  [],
);
const anySession: fc.Arbitrary<Session> = fc.record({
  email: id<Email>(),
  consent: fc.record({
    at: fc.integer({ min: 0 }),
    policyVersion: fc.string(),
    policyTextHash: fc.option(fc.string(), { nil: null }),
    messageId: fc.option(fc.string(), { nil: null }),
  }),
  criteria: anyCriteria,
});
const page = fc.nat({ max: 50 });
const anyBotState: fc.Arbitrary<BotState> = fc.oneof(
  fc.constantFrom<BotState>({ step: 'start' }, { step: 'awaitingEmail' }, { step: 'withAdvisor' }),
  fc.record({ step: fc.constant('awaitingConsent' as const), email: id<Email>() }),
  fc.record({ step: fc.constantFrom('start' as const, 'awaitingEmail' as const), pending: anyPending }),
  fc.record({
    step: fc.constant('confirmingEmail' as const),
    typed: fc.option(id<Email>(), { nil: null }),
    suggested: id<Email>(),
    pending: anyPending,
  }),
  fc.record({ step: fc.constant('awaitingConsent' as const), email: id<Email>(), pending: anyPending }),
  fc.record({ step: fc.constant('choosingFilter' as const), session: anySession }),
  fc.record({
    step: fc.constantFrom('choosingPriceRange', 'choosingCity', 'choosingPropertyType', 'choosingProject'),
    session: anySession,
    page,
  }),
  fc.record({
    step: fc.constant('choosingUnitType' as const),
    session: anySession,
    projectId: id<ProjectId>(),
    page,
  }),
  fc.record({
    step: fc.constantFrom('choosingOutcome', 'askingSavings', 'quoted'),
    session: anySession,
    projectId: id<ProjectId>(),
    unitTypeId: id<UnitTypeId>(),
  }),
);
const coordinate = fc.integer({ min: -180_000, max: 180_000 }).map((n) => n / 1000);
const anyInboundContent: fc.Arbitrary<InboundContent> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), body: fc.string() }),
  fc.record({ kind: fc.constant('choice' as const), id: fc.string(), title: fc.string() }),
  optional<Extract<InboundContent, { kind: 'media' }>>(
    {
      kind: fc.constant('media'),
      mediaKind: fc.constantFrom('image', 'audio', 'video', 'document', 'sticker'),
      waMediaId: fc.string(),
      mimeType: fc.string(),
      caption: fc.string(),
      filename: fc.string(),
      voice: fc.boolean(),
      mediaId: id<MediaId>(),
      unavailable: fc.string(),
    },
    ['kind', 'mediaKind', 'waMediaId', 'mimeType'],
  ),
  optional<Extract<InboundContent, { kind: 'location' }>>(
    {
      kind: fc.constant('location'),
      latitude: coordinate,
      longitude: coordinate,
      name: fc.string(),
      address: fc.string(),
    },
    ['kind', 'latitude', 'longitude'],
  ),
  fc.record({ kind: fc.constant('reaction' as const), emoji: fc.string(), toWaMessageId: fc.string() }),
  fc.record({ kind: fc.constant('unsupported' as const), type: fc.string() }),
);
const choice = fc.record({ id: fc.string(), title: fc.string() });
const anyOutboundContent: fc.Arbitrary<OutboundContent> = fc.oneof(
  optional<Extract<OutboundContent, { kind: 'text' }>>(
    { kind: fc.constant('text'), body: fc.string(), previewUrl: fc.boolean() },
    ['kind', 'body'],
  ),
  optional<Extract<OutboundContent, { kind: 'buttons' }>>(
    {
      kind: fc.constant('buttons'),
      body: fc.string(),
      buttons: fc.array(choice, { maxLength: 3 }),
      footer: fc.string(),
    },
    ['kind', 'body', 'buttons'],
  ),
  optional<Extract<OutboundContent, { kind: 'list' }>>(
    {
      kind: fc.constant('list'),
      body: fc.string(),
      buttonLabel: fc.string(),
      sections: fc.array(
        fc.record(
          {
            title: fc.string(),
            rows: fc.array(
              fc.record(
                { id: fc.string(), title: fc.string(), description: fc.string() },
                { requiredKeys: ['id', 'title'] },
              ),
            ),
          },
          { requiredKeys: ['rows'] },
        ),
        { maxLength: 3 },
      ),
      footer: fc.string(),
    },
    ['kind', 'body', 'buttonLabel', 'sections'],
  ),
  optional<Extract<OutboundContent, { kind: 'media' }>>(
    {
      kind: fc.constant('media'),
      mediaKind: fc.constantFrom('image', 'document', 'audio', 'video'),
      mediaId: id<MediaId>(),
      mimeType: fc.string(),
      filename: fc.string(),
      caption: fc.string(),
      voice: fc.boolean(),
    },
    ['kind', 'mediaKind', 'mediaId', 'mimeType'],
  ),
  optional<Extract<OutboundContent, { kind: 'template' }>>(
    {
      kind: fc.constant('template'),
      name: fc.string(),
      language: fc.string(),
      parameters: fc.array(fc.string(), { maxLength: 3 }),
      header: fc.oneof(
        fc.record({ kind: fc.constant('text' as const), text: fc.string() }),
        fc.record(
          {
            kind: fc.constant('media' as const),
            mediaKind: fc.constantFrom('image', 'document', 'video'),
            mediaId: id<MediaId>(),
            mimeType: fc.string(),
            filename: fc.string(),
          },
          { requiredKeys: ['kind', 'mediaKind', 'mediaId', 'mimeType'] },
        ),
      ),
      buttons: fc.array(
        fc.record({
          index: fc.nat({ max: 9 }),
          subType: fc.constantFrom('url', 'quick_reply'),
          parameter: fc.string(),
        }),
        { maxLength: 2 },
      ),
      renderedText: fc.string(),
    },
    ['kind', 'name', 'language', 'parameters', 'renderedText'],
  ),
);
const anyAuthor: fc.Arbitrary<MessageAuthor> = fc.oneof(
  fc.constant<MessageAuthor>({ kind: 'bot' }),
  fc.record({ kind: fc.constant('user' as const), userId: id<UserId>() }),
);
const anyMoney = fc.record({ amount: fc.nat(), currency: fc.constantFrom('COP', 'USD') });
const anyPaymentPlan: fc.Arbitrary<PaymentPlan> = optional<PaymentPlan>(
  {
    separationFee: anyMoney,
    downPaymentBps: fc.nat({ max: 10_000 }),
    instalments: fc.integer({ min: 1, max: 120 }),
    separationCreditedToDownPayment: fc.boolean(),
    mortgage: fc.option(fc.record({ annualRateBps: fc.nat(), years: fc.integer({ min: 1, max: 30 }) }), { nil: null }),
    quoteValidityDays: fc.integer({ min: 1, max: 90 }),
    instalmentRounding: fc.integer({ min: 1, max: 100_000 }),
    deliveryDate: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    cutOffMonthsBeforeDelivery: fc.nat({ max: 12 }),
    minimumInstalments: fc.integer({ min: 1, max: 24 }),
    extraordinaryInstalments: fc.option(
      fc.record({
        months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        shareBps: fc.integer({ min: 1, max: 9_999 }),
      }),
      { nil: null },
    ),
  },
  [
    'separationFee',
    'downPaymentBps',
    'instalments',
    'separationCreditedToDownPayment',
    'mortgage',
    'quoteValidityDays',
  ],
);
const anyInboxEntry: fc.Arbitrary<InboxEntry> = fc.oneof(
  fc.record({
    kind: fc.constant('message' as const),
    envelope: fc.record({
      phoneNumberId: fc.string(),
      waMessageId: id<WaMessageId>(),
      from: fc.record({
        phone: fc.option(id<PhoneE164>(), { nil: null }),
        userId: fc.option(fc.string(), { nil: null }),
      }),
      profileName: fc.option(fc.string(), { nil: null }),
      sentAt: fc.nat(),
      content: anyInboundContent,
    }),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    envelope: fc.record({
      waMessageId: id<WaMessageId>(),
      status: fc.constantFrom('sent', 'delivered', 'read', 'played', 'failed'),
      at: fc.nat(),
      failure: fc.option(fc.record({ code: fc.string(), title: fc.string() }), { nil: null }),
    }),
  }),
  fc.record({
    kind: fc.constant('media' as const),
    envelope: fc.record({ messageId: id<MessageId>(), phoneNumberId: fc.string(), waMediaId: fc.string() }),
  }),
);

const orNull = (s: fc.Arbitrary<string>) => fc.option(s, { nil: null });

const anyFirstContact: fc.Arbitrary<FirstContact> = fc.record({
  referral: fc.option(
    fc.record({
      sourceType: fc.constantFrom('ad' as const, 'post' as const, 'other' as const),
      sourceId: orNull(fc.string()),
      sourceUrl: orNull(fc.webUrl()),
      headline: orNull(fc.string()),
      body: orNull(fc.string()),
      mediaType: orNull(fc.constantFrom('image', 'video')),
      ctwaClid: orNull(fc.string()),
    }),
    { nil: null },
  ),
  text: orNull(fc.string()),
  at: fc.integer({ min: 0, max: 4e12 }),
});

const anyLeadOrigin: fc.Arbitrary<LeadOrigin> = fc.oneof(
  anyFirstContact.map((c) => ({ channel: 'whatsapp' as const, ...c })),
  fc.record({
    channel: fc.constant('crm' as const),
    source: fc.constantFrom(...CRM_LEAD_SOURCES),
    createdBy: id<UserId>(),
    note: orNull(fc.string()),
  }),
);

const anyBuilderProfile: fc.Arbitrary<StoredBuilderProfile> = fc.record({
  name: fc.string(),
  nit: id<StoredBuilderProfile['nit']>(),
  address: fc.string(),
  salesPhone: fc.string(),
  salesEmail: id<Email>(),
  website: fc.option(fc.string(), { nil: null }),
  logo: fc.option(
    fc.record({
      mimeType: fc.constantFrom('image/png' as const, 'image/jpeg' as const),
      widthPx: fc.integer({ min: 1, max: 2048 }),
      heightPx: fc.integer({ min: 1, max: 2048 }),
    }),
    { nil: null },
  ),
  dataRequestsContact: fc.option(id<Email>(), { nil: null }),
});

describe('encode then decode', () => {
  const roundTrips = <T>(name: string, codec: StoredCodec<T>, values: fc.Arbitrary<T>) =>
    it(`gives the same ${name} back`, () => {
      fc.assert(
        fc.property(values, (value) => {
          expect(codec.decode(throughJson(codec.encode(value)))).toEqual(value);
        }),
      );
    });

  roundTrips('bot state', botStateCodec, anyBotState);
  roundTrips('inbound content', inboundContentCodec, anyInboundContent);
  roundTrips('outbound content', outboundContentCodec, anyOutboundContent);
  roundTrips('author', messageAuthorCodec, anyAuthor);
  roundTrips('inbox entry', inboxEntryCodec, anyInboxEntry);
  roundTrips('payment plan', paymentPlanCodec, anyPaymentPlan);
  roundTrips('search criteria', searchCriteriaCodec, anyCriteria);
  roundTrips('builder profile', builderProfileCodec, anyBuilderProfile);
  roundTrips('first contact', firstContactCodec, anyFirstContact);
  roundTrips('lead origin', leadOriginCodec, anyLeadOrigin);
});

describe('mortgage rates read as E.A. (quote and bot settings version 2)', () => {
  const v1Quote = throughJson(samples.quotes.withoutMortgage) as Record<string, unknown>;
  const nominalMortgage = { annualRateBps: 1200, years: 20, monthlyPayment: { amount: 2_890_352, currency: 'COP' } };

  it('reads a version 1 quote as issued: its payment divided the rate by 12, and it shows no minimum income', () => {
    const read = quoteCodec.decode({ v: 1, value: { ...v1Quote, mortgage: nominalMortgage } });

    expect(read.mortgage).toEqual({
      ...nominalMortgage,
      rateBasis: 'nominal_monthly',
      nominalMonthlyBps: 1200,
      minimumIncome: null,
    });
    expect(quoteCodec.decode({ v: 1, value: v1Quote }).mortgage).toBeNull();
  });

  it("replaces a saved default rate line that said 'nominal anual', and keeps one an administrator wrote", () => {
    const saved = throughJson(samples.botSettingsSamples.defaults) as { quoteLabels: Record<string, string> };
    const withLine = (mortgageTerms: string) => ({
      v: 1,
      value: { ...saved, quoteLabels: { ...saved.quoteLabels, mortgageTerms } },
    });

    expect(
      botSettingsCodec.decode(withLine('Tasa fija {rate} nominal anual, plazo {years} años')).quoteLabels.mortgageTerms,
    ).toBe('Tasa fija {rate} E.A. (equivale a {nominal} N.M.V.), plazo {years} años');
    expect(botSettingsCodec.decode(withLine('Tasa {rate} E.A. a {years} años')).quoteLabels.mortgageTerms).toBe(
      'Tasa {rate} E.A. a {years} años',
    );
  });
});

describe('the dated validity line (bot settings version 3)', () => {
  const saved = throughJson(samples.botSettingsSamples.defaults) as { quoteLabels: Record<string, string> };
  const withLine = (disclaimer: string) => ({
    v: 2,
    value: { ...saved, quoteLabels: { ...saved.quoteLabels, disclaimer } },
  });

  it('replaces a saved default that said prices may change without notice, and keeps a line an administrator wrote', () => {
    const undated =
      'Cotización informativa, no constituye oferta vinculante. Precios, áreas y disponibilidad pueden cambiar ' +
      'sin previo aviso y se confirman al separar el inmueble.';

    expect(botSettingsCodec.decode(withLine(undated)).quoteLabels.disclaimer).toContain(
      'Precio válido hasta {validUntil}',
    );
    expect(botSettingsCodec.decode(withLine('Válida hasta {validUntil}.')).quoteLabels.disclaimer).toBe(
      'Válida hasta {validUntil}.',
    );
  });
});

describe('the private area named (bot settings version 4)', () => {
  const saved = throughJson(samples.botSettingsSamples.defaults) as { quoteLabels: Record<string, string> };
  const withArea = (area: string) => ({ v: 3, value: { ...saved, quoteLabels: { ...saved.quoteLabels, area } } });

  it('replaces the saved default "Área" with "Área privada", and keeps a label an administrator wrote', () => {
    expect(botSettingsCodec.decode(withArea('Área')).quoteLabels.area).toBe('Área privada');
    expect(botSettingsCodec.decode(withArea('Superficie')).quoteLabels.area).toBe('Superficie');
    expect(botSettingsCodec.encode(botSettingsCodec.decode(withArea('Área'))).v).toBe(botSettingsCodec.version);
  });
});

describe('a declined consent says what is kept (bot settings version 5)', () => {
  const saved = throughJson(samples.botSettingsSamples.defaults) as { texts: Record<string, string> };
  const withDeclined = (consentDeclined: string) => ({
    v: 4,
    value: { ...saved, texts: { ...saved.texts, consentDeclined } },
  });
  const old = 'Entendido, no guardamos tus datos. Si cambias de opinión, escríbenos cuando quieras. ¡Hasta pronto! 👋';

  it('replaces the saved old default, which promised more than was true, and keeps a text an administrator wrote', () => {
    expect(botSettingsCodec.decode(withDeclined(old)).texts.consentDeclined).toContain('No registramos tus datos');
    expect(botSettingsCodec.decode(withDeclined('Listo, chao.')).texts.consentDeclined).toBe('Listo, chao.');
    expect(botSettingsCodec.encode(botSettingsCodec.decode(withDeclined(old))).v).toBe(botSettingsCodec.version);
  });
});

describe('the funnel settings joined (bot settings version 6)', () => {
  const {
    stageLabels: _labels,
    reservations: _days,
    ...version4
  } = throughJson(samples.botSettingsSamples.defaults) as Record<string, unknown>;

  it('reads settings saved before with the default stage labels and 8 days to sign the promesa', () => {
    const read = botSettingsCodec.decode({ v: 4, value: version4 });
    expect(read.stageLabels).toEqual(defaultStageLabels);
    expect(read.reservations).toEqual({ expiryDays: 8 });
    expect(botSettingsCodec.version).toBeGreaterThanOrEqual(6);
  });

  it('keeps the labels and days an administrator saved, and reads a label added later as its default', () => {
    const { lost: _lost, ...someLabels } = { ...defaultStageLabels, promise: 'Vinculado' };
    const saved = { v: 6, value: { ...version4, stageLabels: someLabels, reservations: { expiryDays: 10 } } };
    const read = botSettingsCodec.decode(saved);
    expect(read.stageLabels).toEqual({ ...defaultStageLabels, promise: 'Vinculado' });
    expect(read.reservations.expiryDays).toBe(10);
    expect(botSettingsCodec.decode(throughJson(botSettingsCodec.encode(read)))).toEqual(read);
  });
});

describe('the consent question names the data controller (bot settings version 7)', () => {
  const saved = throughJson(samples.botSettingsSamples.defaults) as { texts: Record<string, string> };
  const withQuestion = (consentQuestion: string) => ({
    v: 4,
    value: { ...saved, texts: { ...saved.texts, consentQuestion } },
  });

  it('replaces a saved default that named nobody, and keeps a question an administrator wrote', () => {
    const old =
      'Antes de seguir necesitamos tu autorización para tratar tus datos personales (Ley 1581 de 2012).\n\n{summary}\n\nPolítica completa: {url}';

    expect(botSettingsCodec.decode(withQuestion(old)).texts.consentQuestion).toContain('{company}');
    expect(botSettingsCodec.decode(withQuestion('¿Aceptas? {url}')).texts.consentQuestion).toBe('¿Aceptas? {url}');
  });
});

describe('the copy leads read (bot settings version 8)', () => {
  const saved = throughJson(samples.botSettingsSamples.defaults) as { texts: Record<string, string> };
  const withTexts = (texts: Record<string, string>) => ({
    v: 7,
    value: { ...saved, texts: { ...saved.texts, ...texts } },
  });

  it('replaces the saved old defaults and keeps what an administrator wrote', () => {
    const read = botSettingsCodec.decode(
      withTexts({
        chooseFilter: '¡Gracias! ¿Cómo quieres buscar tu inmueble?',
        projectList: 'Encontré {count} proyecto(s) para ti. Elige uno para ver sus inmuebles.',
        outcomeAdvisor: 'Hablar con asesor',
        restartHint: 'Escribe *menu* para empezar de nuevo',
        welcome: '¡Hola! Somos Andina.',
      }),
    ).texts;
    expect(read.chooseFilter).toBe('¿Cómo quieres buscar tu inmueble?');
    expect(read.consentThanks).toBe('¡Gracias! ¿Cómo quieres buscar tu inmueble?');
    expect(read.projectList).toBe('Encontré {count} proyectos para ti. Elige uno para ver sus inmuebles.');
    expect(read.outcomeAdvisor).toBe('Hablar con un asesor');
    expect(read.restartHint).toBe('Escribe «menú» para empezar de nuevo');
    expect(read.welcome).toBe('¡Hola! Somos Andina.');
    expect(botSettingsCodec.encode(botSettingsCodec.decode(withTexts({}))).v).toBe(8);
  });
});
