import { defaultBotTextsUsted } from '../../domain/chatbot/bot-texts-usted.ts';
import type { BotSettings } from '../../application/ports/configuration.ts';
import { defaultFlowSettings, type DataPolicy } from '../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../domain/chatbot/bot-texts.ts';
import { defaultQuoteLabels } from '../../domain/quote/quote-labels.ts';
import { defaultReservationSettings, defaultStageLabels } from '../../domain/visit/stage-labels.ts';

/** A placeholder policy until the business configures its own; the url must be replaced before going live. */
export const defaultDataPolicy: DataPolicy = {
  version: '2026-01',
  url: 'https://example.com/politica-de-datos',
  summary:
    'Tratamos tus datos personales (nombre, teléfono y correo) conforme a la Ley 1581 de 2012 y el Decreto ' +
    '1377 de 2013, solo para atender tu solicitud, enviarte información de nuestros proyectos de vivienda y ' +
    'asignarte un asesor. No los vendemos ni los compartimos con terceros sin tu autorización. Puedes conocer, ' +
    'actualizar, rectificar o suprimir tus datos y revocar esta autorización en cualquier momento escribiéndonos.',
};

/** What the bot uses until an administrator saves other settings. */
export const defaultBotSettings: BotSettings = {
  texts: defaultBotTexts,
  textsUsted: defaultBotTextsUsted,
  quoteLabels: defaultQuoteLabels,
  policy: defaultDataPolicy,
  flow: defaultFlowSettings,
  stageLabels: defaultStageLabels,
  reservations: defaultReservationSettings,
};
