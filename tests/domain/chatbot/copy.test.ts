import { describe, expect, it } from 'vitest';
import { defaultFlowSettings, type BotContext, type BotState } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { dataControllerOf } from '../../../domain/chatbot/data-controller.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { question } from '../../../domain/chatbot/questions.ts';
import { emptyCatalog } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import { aProject } from '../../builders/project-builder.ts';
import { aUnit } from '../../builders/unit-builder.ts';
import { aUnitType } from '../../builders/unit-type-builder.ts';

const base: BotContext = {
  catalog: emptyCatalog,
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://example.com/datos', summary: 'Tratamos tus datos (Ley 1581 de 2012).' },
  settings: defaultFlowSettings,
  now: 1_000,
  messageId: 'wamid.test',
};
const session = {
  email: 'ana@example.com' as Email,
  consent: { at: 0, policyVersion: '2026-01', policyTextHash: null, messageId: null },
  criteria: {},
};
const bodyOf = (c: OutboundContent | undefined): string => (c !== undefined && 'body' in c ? c.body : '');

describe('the copy a lead reads (issue 16)', () => {
  it('names the builder in the welcome, and says something sensible without a builder profile', () => {
    const named = dataControllerOf({
      name: 'Constructora Andina',
      nit: '901234567-7',
      address: 'Calle 1',
      salesEmail: 'ventas@andina.co',
      salesPhone: '+576041234567',
    } as never);
    const greeted = (controller?: BotContext['controller']) =>
      bodyOf(
        advance({ step: 'start' }, { kind: 'text', body: 'Hola' }, { ...base, ...(controller ? { controller } : {}) })
          .replies[0],
      );
    expect(greeted(named)).toContain('asistente virtual de ventas de Constructora Andina');
    expect(greeted()).toContain('asistente virtual de ventas de la constructora');
    expect(greeted()).not.toMatch(/\{\w+\}/);
    const sas = dataControllerOf({
      name: 'Constructora Andina S.A.S.',
      nit: '901234567-7',
      address: 'Calle 1',
      salesEmail: 'ventas@andina.co',
      salesPhone: '+576041234567',
    } as never);
    expect(greeted(sas)).toContain('de Constructora Andina S.A.S. Te ayudo');
  });

  it('thanks the lead only once they consent; "menú" later asks without thanking again', () => {
    const asked = advance({ step: 'start' }, { kind: 'text', body: 'ana@example.com' }, base);
    const consented = advance(asked.state, { kind: 'choice', id: 'consent:yes', title: 'Acepto' }, base);
    expect(bodyOf(consented.replies[0])).toBe('¡Gracias! ¿Cómo quieres buscar tu inmueble?');
    const restarted = advance(consented.state, { kind: 'text', body: 'menu' }, base);
    expect(bodyOf(restarted.replies[0])).toBe('¿Cómo quieres buscar tu inmueble?');
  });

  it('cites the law once in the consent question (the policy summary cites it)', () => {
    const asked = advance({ step: 'start' }, { kind: 'text', body: 'ana@example.com' }, base);
    expect(bodyOf(asked.replies[0]).match(/Ley 1581/g)).toHaveLength(1);
  });

  it('agrees in number: one project, several projects', () => {
    const listing = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `p-${i}`);
      const catalog = {
        ...emptyCatalog,
        projects: ids.map((id) => aProject().withId(id).build()),
        unitTypes: ids.map((id) => aUnitType().withId(`${id}-t`).ofProject(id).build()),
        units: ids.map((id) => aUnit().withId(`${id}-u`).of(id, `${id}-t`).build()),
      };
      const state: BotState = { step: 'choosingProject', session, page: 0 };
      return bodyOf(question(state, { ...base, catalog })[0]);
    };
    expect(listing(1)).toMatch(/^Encontré 1 proyecto para ti\./);
    expect(listing(3)).toMatch(/^Encontré 3 proyectos para ti\./);
  });

  it('writes no formatting in a list footer (WhatsApp shows footers as plain text), and "Hablar con un asesor"', () => {
    expect(defaultBotTexts.restartHint).not.toMatch(/[*_~]/);
    expect(defaultBotTexts.outcomeAdvisor).toBe('Hablar con un asesor');
    expect(defaultBotTexts.outcomeAdvisor.length).toBeLessThanOrEqual(20);
  });
});
