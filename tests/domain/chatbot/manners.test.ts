import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFlowSettings, type BotContext, type BotState } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { ID } from '../../../domain/chatbot/questions.ts';
import { reactionAnswer } from '../../../domain/chatbot/reaction-answer.ts';
import { emptyCatalog } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';
import { limitViolations, type OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { ProjectId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { HOUR_MS } from '../../../domain/shared/time.ts';
import { aProject } from '../../builders/project-builder.ts';

const ctx: BotContext = {
  catalog: { ...emptyCatalog, projects: [aProject().withId('p-1').named('Torres de Salitre').build()] },
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://example.com/datos', summary: 'Resumen.' },
  settings: defaultFlowSettings,
  now: 100 * HOUR_MS,
  messageId: 'wamid.test',
};
const session = {
  email: 'ana@example.com' as Email,
  consent: { at: 0, policyVersion: '2026-01', policyTextHash: null, messageId: null },
  criteria: {},
};
const atOutcome: BotState = {
  step: 'choosingOutcome',
  session,
  projectId: 'p-1' as ProjectId,
  unitTypeId: 't-1' as UnitTypeId,
};
const bodyOf = (c: OutboundContent | undefined): string => (c !== undefined && 'body' in c ? c.body : '');
const buttonIds = (c: OutboundContent | undefined): string[] =>
  c?.kind === 'buttons' ? c.buttons.map((b) => b.id) : [];

describe('conversation manners (issue 16)', () => {
  it('welcomes a lead back after the pause, naming the project, instead of the stale question', () => {
    const back = advance(atOutcome, { kind: 'text', body: 'Hola' }, { ...ctx, idleMs: 13 * HOUR_MS });
    expect(back.state).toEqual(atOutcome);
    expect(bodyOf(back.replies[0])).toBe(
      '¡Hola de nuevo! 👋 ¿Seguimos con Torres de Salitre o empezamos otra búsqueda?',
    );
    expect(buttonIds(back.replies[0])).toEqual([ID.resume, ID.newSearch]);

    const carryOn = advance(atOutcome, { kind: 'choice', id: ID.resume, title: 'Seguir' }, ctx);
    expect(carryOn.state).toEqual(atOutcome);
    expect(bodyOf(carryOn.replies[0])).toContain('¿Qué quieres hacer?');
    const again = advance(atOutcome, { kind: 'choice', id: ID.newSearch, title: 'Nueva búsqueda' }, ctx);
    expect(again.state.step).toBe('choosingFilter');
  });

  it('does not welcome back within the pause, nor a lead who taps an option or asks for a person', () => {
    expect(
      bodyOf(advance(atOutcome, { kind: 'text', body: 'Hola' }, { ...ctx, idleMs: 2 * HOUR_MS }).replies[0]),
    ).not.toContain('de nuevo');
    const tapped = advance(
      atOutcome,
      { kind: 'choice', id: ID.quote, title: 'Simular' },
      { ...ctx, idleMs: 40 * HOUR_MS },
    );
    expect(tapped.effects.map((e) => e.type)).toEqual(['SimulateQuote']);
    const person = advance(atOutcome, { kind: 'text', body: 'asesor' }, { ...ctx, idleMs: 40 * HOUR_MS });
    expect(person.state.step).toBe('withAdvisor');
  });

  it('answers a voice note or photo after consent with the text-only notice and a way to an advisor', () => {
    const state: BotState = { step: 'choosingFilter', session };
    const turn = advance(state, { kind: 'media', mediaKind: 'audio' }, ctx);
    expect(bodyOf(turn.replies[0])).toContain('solo puedo leer mensajes de texto');
    expect(buttonIds(turn.replies[0])).toEqual([ID.advisor]);
    expect(bodyOf(turn.replies[1])).toBe('¿Cómo quieres buscar tu inmueble?');
    const tapped = advance(state, { kind: 'choice', id: ID.advisor, title: 'Hablar con un asesor' }, ctx);
    expect(tapped.effects).toMatchObject([{ type: 'HandToAdvisor', projectId: null }]);
  });

  it('keeps every welcome-back within WhatsApp limits, whatever the project is called', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (name) => {
        const named = {
          ...ctx,
          catalog: { ...emptyCatalog, projects: [aProject().withId('p-1').named(name).build()] },
        };
        const back = advance(atOutcome, { kind: 'text', body: 'hola' }, { ...named, idleMs: 20 * HOUR_MS });
        for (const reply of back.replies) expect(limitViolations(reply)).toEqual([]);
      }),
    );
  });
});

describe('a reaction as an answer', () => {
  const consentButtons = [
    { id: ID.consentYes, title: 'Acepto' },
    { id: ID.consentNo, title: 'No acepto' },
  ];
  const asking: BotState = { step: 'awaitingConsent', email: 'ana@example.com' as Email };

  it('takes 👍 (any skin tone) on the current yes/no question as Sí, and 👎 as No', () => {
    expect(reactionAnswer(asking, '👍', consentButtons)).toEqual({
      kind: 'choice',
      id: ID.consentYes,
      title: 'Acepto',
    });
    expect(reactionAnswer(asking, '👍🏽', consentButtons)?.id).toBe(ID.consentYes);
    expect(reactionAnswer(asking, '👎', consentButtons)?.id).toBe(ID.consentNo);
  });

  it('is no answer when ambiguous: another emoji, another question, a step with no yes/no', () => {
    expect(reactionAnswer(asking, '😂', consentButtons)).toBeNull();
    expect(reactionAnswer(asking, '👍', [{ id: ID.savingsYes, title: 'Sí' }])).toBeNull();
    expect(reactionAnswer({ step: 'choosingFilter', session }, '👍', consentButtons)).toBeNull();
  });
});

describe('a forged choice id', () => {
  it('named like an Object property ("toString", "constructor") is not understood, never a crash', () => {
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      for (const state of [
        { step: 'choosingFilter', session } as const,
        { ...atOutcome, step: 'askingSavings' } as const,
      ]) {
        const turn = advance(state, { kind: 'choice', id, title: id }, ctx);
        expect(turn.state).toEqual(state);
        expect(bodyOf(turn.replies[0])).toContain('No entendí');
      }
  });
});
