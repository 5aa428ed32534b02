import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotState } from '../../../domain/chatbot/bot-state.ts';
import { amountRangeIn } from '../../../domain/chatbot/amounts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { interpret } from '../../../domain/chatbot/interpret.ts';
import { question } from '../../../domain/chatbot/questions.ts';
import { limitViolations } from '../../../domain/messaging/outbound.ts';
import { ctx, STATES } from './real-messages.fixture.ts';

const anyState = fc.constantFrom(...(Object.values(STATES) as BotState[]));
const WORDS = [
  'hola',
  'si',
  'no',
  'no sé',
  'asesor',
  'cotizar',
  'menu',
  'gracias',
  'chao',
  '¿',
  '?',
  '👍',
  '👎',
  '300',
  'millones',
  'entre',
  'y',
  'hasta',
  'más de',
  '$',
  '.000',
  "'",
  'bogota',
  'medellin',
  'apartamento',
  'torres',
  'salitre',
  '2',
  'alcobas',
  '@',
  'gmail.con',
  'arroba',
  'punto',
  'com',
  'la',
  'opción',
  'siiii',
  'tienen',
  'parqueadero',
];
/** Sentences made of the words the interpreter looks for, and plain noise of any characters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((ws) => ws.join(' ')),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join('')),
);

describe('the interpreter, fed anything a lead could type', () => {
  it('never throws, and every reply it leads to respects WhatsApp limits', () => {
    fc.assert(
      fc.property(anyState, anyText, (state, text) => {
        interpret(state, text, ctx);
        const turn = advance(state, { kind: 'text', body: text }, ctx);
        for (const reply of turn.replies) expect(limitViolations(reply)).toEqual([]);
        expect(turn.replies.length > 0 || turn.effects.some((e) => e.type === 'HandToAdvisor')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('asks the current question again after anything it cannot read, in the same step', () => {
    fc.assert(
      fc.property(anyState, anyText, (state, text) => {
        fc.pre(interpret(state, text, ctx).kind === 'unknown');
        const turn = advance(state, { kind: 'text', body: text }, ctx);
        // The email question is asked again by the hint on how to write an address.
        if (state.step === 'awaitingEmail') {
          expect(turn.state).toEqual(state);
          expect(turn.replies).toEqual([{ kind: 'text', body: ctx.texts.invalidEmail }]);
          return;
        }
        const expectedState: BotState = state.step === 'start' ? { step: 'awaitingEmail' } : state;
        expect(turn.state).toEqual(expectedState);
        expect(turn.effects).toEqual([]);
        expect(turn.replies.at(-1)).toEqual(question(expectedState, ctx).at(-1));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads "N millones", "N palos", "NM" and "N.000.000" as N million pesos', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(' millones', ' palos', 'M', '.000.000'),
        (n, unit) => {
          const text = unit === '.000.000' ? `${n.toLocaleString('es-CO').replace(/\s/g, '.')}.000.000` : `${n}${unit}`;
          expect(amountRangeIn(text, false)).toEqual({ min: n * 1_000_000, max: n * 1_000_000 });
        },
      ),
    );
  });
});
