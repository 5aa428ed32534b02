import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../domain/chatbot/bot-state.ts';
import { asksForNewQuote, botTakesNewQuote } from '../../../domain/chatbot/new-quote-request.ts';
import type { Email } from '../../../domain/contact/email.ts';

const session: Session = {
  email: 'ana@correo.com' as Email,
  consent: { at: 0, policyVersion: '1', policyTextHash: null, messageId: null },
  criteria: {},
};
const facts = { state: { step: 'withAdvisor', session } as const, allowed: true, hasAdvisor: true };

describe('a registered lead asking for another quote', () => {
  it.each([
    'cotizar',
    'Cotizar otro',
    'otra cotización',
    'quiero cotizar otro apto',
    'Me puedes hacer otra cotizacion?',
    'cotízame el de 3 alcobas porfa',
    'COTISAR OTRO',
  ])('reads "%s" as a request for a quote', (text) => {
    expect(asksForNewQuote(text)).toBe(true);
  });

  it.each(['¿ya me cotizaron?', 'gracias', 'hola', 'la cotizada no me gustó', 'cotizacion123'])(
    'does not read "%s" as one',
    (text) => {
      expect(asksForNewQuote(text)).toBe(false);
    },
  );

  it('is taken by the bot only when the line allows it, the lead has an advisor and the bot kept their session', () => {
    expect(botTakesNewQuote({ ...facts, text: 'cotizar otro' })).toBe(true);
    expect(botTakesNewQuote({ ...facts, allowed: false, text: 'cotizar otro' })).toBe(false);
    expect(botTakesNewQuote({ ...facts, hasAdvisor: false, text: 'cotizar otro' })).toBe(false);
    expect(botTakesNewQuote({ ...facts, state: { step: 'withAdvisor' }, text: 'cotizar otro' })).toBe(false);
    expect(botTakesNewQuote({ ...facts, state: { step: 'choosingFilter', session }, text: 'cotizar' })).toBe(false);
    expect(botTakesNewQuote({ ...facts, text: null })).toBe(false);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof asksForNewQuote(text) === 'boolean'));
  });
});
