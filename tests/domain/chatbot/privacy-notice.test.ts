import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBuilderProfile } from '../../../domain/builder/builder-profile.ts';
import { defaultFlowSettings, type BotContext, type BotState } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { dataControllerOf } from '../../../domain/chatbot/data-controller.ts';
import { question } from '../../../domain/chatbot/questions.ts';
import { emptyCatalog } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';

const profile = (dataRequestsContact: string | null) => {
  const checked = checkBuilderProfile({
    name: 'Constructora Andina S.A.S.',
    nit: '901.234.567-7',
    address: 'Carrera 43A # 1-50, Medellín',
    salesPhone: '+57 604 444 0100',
    salesEmail: 'ventas@andina.co',
    website: null,
    logo: null,
    dataRequestsContact,
  });
  if (!checked.ok) throw new Error('bad profile');
  return checked.value;
};

const ctx = (over: Partial<BotContext> = {}): BotContext => ({
  catalog: emptyCatalog,
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://andina.co/datos', summary: 'Usamos tus datos para asesorarte.' },
  settings: defaultFlowSettings,
  now: 0,
  messageId: null,
  ...over,
});

const asking: BotState = { step: 'awaitingConsent', email: 'ana@example.com' as Email };

const notice = (c: BotContext): string => {
  const [message] = question(asking, c);
  if (message?.kind !== 'buttons') throw new Error('the consent question has buttons');
  return message.body;
};

describe('the privacy notice', () => {
  it('names the data controller: company, NIT, address and the contact for data requests', () => {
    const text = notice(ctx({ controller: dataControllerOf(profile('datos@andina.co')) }));

    expect(text).toContain('Constructora Andina S.A.S. (NIT 901234567-7), Carrera 43A # 1-50, Medellín');
    expect(text).toContain('datos@andina.co');
    expect(text).toContain('https://andina.co/datos');
  });

  it('names the sales e-mail and phone when no contact for data requests is configured', () => {
    expect(notice(ctx({ controller: dataControllerOf(profile(null)) }))).toContain(
      'ventas@andina.co o al +57 604 444 0100',
    );
  });

  it('fills the placeholders in the policy summary too, and never shows one bare, configured or not', () => {
    const summaries = fc.constantFrom('Resumen.', 'Responsable: {company}. Escribe a {contact}. Política: {url}');
    const controllers = fc.constantFrom(undefined, dataControllerOf(null), dataControllerOf(profile(null)));
    fc.assert(
      fc.property(summaries, controllers, (summary, controller) => {
        const text = notice({
          ...ctx({ policy: { version: '1', url: 'https://andina.co/datos', summary } }),
          ...(controller === undefined ? {} : { controller }),
        });
        expect(text).not.toMatch(/\{(company|contact|url|summary)\}/);
      }),
    );
  });

  it('refuses a data-requests contact that is not an e-mail address, naming the field', () => {
    const checked = checkBuilderProfile({
      ...profile(null),
      nit: '901.234.567-7',
      logo: null,
      dataRequestsContact: 'x',
    });
    expect(checked).toMatchObject({ ok: false, error: { field: 'dataRequestsContact' } });
  });
});
