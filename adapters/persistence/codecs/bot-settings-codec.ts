import { z } from 'zod';
import type { BotSettings } from '../../../application/ports/configuration.ts';
import { defaultFlowSettings, type DataPolicy, type FlowSettings } from '../../../domain/chatbot/bot-state.ts';
import { type BotTexts, defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { defaultBotTextsUsted } from '../../../domain/chatbot/bot-texts-usted.ts';
import { defaultQuoteLabels, type QuoteLabels } from '../../../domain/quote/quote-labels.ts';
import {
  defaultReservationSettings,
  defaultStageLabels,
  type ReservationSettings,
  type StageLabels,
} from '../../../domain/visit/stage-labels.ts';
import { propertyType } from './parts.ts';
import { sameShape, type Upgrade, versionedCodec } from './stored-codec.ts';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * One string field per text of a catalogue, each defaulting to the app's own text: a text added to the
 * catalogue in a later version reads from settings saved before it as the default, with no version bump.
 */
const textsOf = <T extends object>(defaults: T) =>
  Object.fromEntries(
    Object.entries(defaults)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, text]) => [key, z.string().default(text)]),
  ) as { [K in StringKeys<T>]: z.ZodDefault<z.ZodString> };

/** A catalogue of bot texts, each missing text read as the given catalogue's. */
const botTextsSchemaFrom = (defaults: BotTexts): z.ZodType<BotTexts> =>
  z.looseObject({
    ...textsOf(defaults),
    propertyTypes: z.record(propertyType, z.string()).default(defaults.propertyTypes),
    restartKeywords: z.array(z.string()).default([...defaults.restartKeywords]),
    advisorKeywords: z.array(z.string()).default([...defaults.advisorKeywords]),
  });

const botTextsSchema = botTextsSchemaFrom(defaultBotTexts);
/** The "usted" catalogue (issue 16), absent from settings saved before it: read as its defaults, no version bump. */
const botTextsUstedSchema = botTextsSchemaFrom(defaultBotTextsUsted).default(defaultBotTextsUsted);

const quoteLabelsSchema: z.ZodType<QuoteLabels> = z.looseObject(textsOf(defaultQuoteLabels));

const policySchema: z.ZodType<DataPolicy> = z.looseObject({
  version: z.string(),
  url: z.string(),
  summary: z.string(),
});

const flowSchema: z.ZodType<FlowSettings> = z.looseObject({
  narrowAbove: z.number().default(defaultFlowSettings.narrowAbove),
  welcomeBackAfterHours: z.number().default(defaultFlowSettings.welcomeBackAfterHours),
});

const stageLabelsSchema: z.ZodType<StageLabels> = z.looseObject(textsOf(defaultStageLabels));

const reservationSettingsSchema: z.ZodType<ReservationSettings> = z.looseObject({
  expiryDays: z.number().int().min(1),
});

const botSettingsSchema: z.ZodType<BotSettings> = z.looseObject({
  texts: botTextsSchema,
  textsUsted: botTextsUstedSchema,
  quoteLabels: quoteLabelsSchema,
  policy: policySchema,
  flow: flowSchema,
  stageLabels: stageLabelsSchema,
  reservations: reservationSettingsSchema,
});

/**
 * An upgrade for a quote label whose default changed: a row that saved the old default gets today's, while a label
 * an administrator wrote themselves is kept.
 */
const replacingOldDefault =
  (key: keyof QuoteLabels, oldDefault: string): Upgrade =>
  (previous) => {
    if (typeof previous !== 'object' || previous === null) return previous;
    const { quoteLabels } = previous as { quoteLabels?: unknown };
    if (typeof quoteLabels !== 'object' || quoteLabels === null) return previous;
    if ((quoteLabels as Record<string, unknown>)[key] !== oldDefault) return previous;
    return { ...previous, quoteLabels: { ...quoteLabels, [key]: defaultQuoteLabels[key] } };
  };

/** Version 1 → 2: the rate line said "nominal anual"; rates are read as E.A. now, with their N.M.V. equivalent. */
const ratesReadAsEffectiveAnnual = replacingOldDefault(
  'mortgageTerms',
  'Tasa fija {rate} nominal anual, plazo {years} años',
);

/** Version 2 → 3: the legal line said prices "pueden cambiar sin previo aviso"; it names the day the price holds now. */
const validityDated = replacingOldDefault(
  'disclaimer',
  'Cotización informativa, no constituye oferta vinculante. Precios, áreas y disponibilidad pueden cambiar ' +
    'sin previo aviso y se confirman al separar el inmueble.',
);

/** Version 3 → 4: the unit's area said only "Área"; it is the private area, as the proposal now also prints the built one. */
const privateAreaNamed = replacingOldDefault('area', 'Área');

/** As `replacingOldDefault`, for one of the bot's texts. */
const replacingOldText =
  (key: keyof BotTexts, oldDefault: string): Upgrade =>
  (previous) => {
    if (typeof previous !== 'object' || previous === null) return previous;
    const { texts } = previous as { texts?: unknown };
    if (typeof texts !== 'object' || texts === null) return previous;
    if ((texts as Record<string, unknown>)[key] !== oldDefault) return previous;
    return { ...previous, texts: { ...texts, [key]: defaultBotTexts[key] } };
  };

/**
 * Version 4 → 5: the answer to a declined consent said "no guardamos tus datos" while the email stayed stored; the
 * email is erased now and the text says exactly what is kept (the number and the conversation).
 */
const declineSaysWhatIsKept = replacingOldText(
  'consentDeclined',
  'Entendido, no guardamos tus datos. Si cambias de opinión, escríbenos cuando quieras. ¡Hasta pronto! 👋',
);

/** Version 5 → 6: the funnel's stage labels and the separation's expiry join the settings, at their defaults. */
const funnelSettingsAdded: Upgrade = (previous) =>
  typeof previous !== 'object' || previous === null
    ? previous
    : { stageLabels: defaultStageLabels, reservations: defaultReservationSettings, ...previous };

/**
 * Version 6 → 7: the consent question did not name the data controller; today's default names `{company}` and
 * `{contact}` (Ley 1581 de 2012). A question an administrator wrote themselves is kept.
 */
const controllerNamed = replacingOldText(
  'consentQuestion',
  'Antes de seguir necesitamos tu autorización para tratar tus datos personales (Ley 1581 de 2012).\n\n{summary}\n\nPolítica completa: {url}',
);

/**
 * Version 7 → 8, the copy leads read (issue 16): the welcome names the builder, the consent question no longer cites
 * the law the policy's summary already cites, the thanks comes only after consent (`consentThanks`), the project list
 * agrees in number, the advisor button says "Hablar con un asesor", and a list's footer carries no `*bold*` (WhatsApp
 * shows footers as plain text). Each text replaced only where the saved one is the old default.
 */
const copyForLeads: Upgrade = (previous) =>
  [
    replacingOldText('welcome', '¡Hola! 👋 Soy el asistente virtual de ventas. Te ayudo a encontrar tu próximo hogar.'),
    replacingOldText(
      'consentQuestion',
      'Antes de seguir necesitamos tu autorización para tratar tus datos personales (Ley 1581 de 2012). ' +
        'El responsable es {company}. Para consultar, corregir o pedir que borremos tus datos, escríbenos a {contact}.' +
        '\n\n{summary}\n\nPolítica completa: {url}',
    ),
    replacingOldText('chooseFilter', '¡Gracias! ¿Cómo quieres buscar tu inmueble?'),
    replacingOldText('projectList', 'Encontré {count} proyecto(s) para ti. Elige uno para ver sus inmuebles.'),
    replacingOldText('outcomeAdvisor', 'Hablar con asesor'),
    replacingOldText('restartHint', 'Escribe *menu* para empezar de nuevo'),
  ].reduce((value, upgrade) => upgrade(value), previous);

/**
 * `bot_settings.settings`: the texts, quote labels, data policy and flow settings administrators saved, and the
 * funnel's stage labels and separation settings. Version 1: the first shape in an envelope; 2: see
 * `ratesReadAsEffectiveAnnual`; 3: see `validityDated`; 4: see `privateAreaNamed`; 5: see `declineSaysWhatIsKept`;
 * 6: see `funnelSettingsAdded`; 7: see `controllerNamed`; 8: see `copyForLeads`. Texts and labels missing from a
 * stored row read as the defaults.
 */
export const botSettingsCodec = versionedCodec<BotSettings>({
  name: 'bot settings',
  schema: botSettingsSchema,
  upgrades: [
    sameShape,
    ratesReadAsEffectiveAnnual,
    validityDated,
    privateAreaNamed,
    declineSaysWhatIsKept,
    funnelSettingsAdded,
    controllerNamed,
    copyForLeads,
  ],
});
