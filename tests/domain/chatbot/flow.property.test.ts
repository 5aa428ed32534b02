import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultFlowSettings,
  initialBotState,
  type BotContext,
  type BotInput,
  type BotState,
} from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { limitViolations, type Choice, type OutboundContent } from '../../../domain/messaging/outbound.ts';
import { anyCatalog } from '../../arbitraries/catalog.ts';

const policy = { version: '2026-01', url: 'https://example.com/datos', summary: 'Resumen de la política.' };

const move = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('tap' as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('typeTitle' as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('typeNumber' as const), index: fc.nat({ max: 12 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('email' as const),
      address: fc.constantFrom('ana@example.com', 'x.y@mail.co', ' Luis@Correo.COM ', 'Mi correo es maria@hotmail.con'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), body: fc.string({ maxLength: 300 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('keyword' as const),
      word: fc.constantFrom(
        'menu',
        'Menú',
        'INICIO',
        'asesor',
        'Asesor!',
        'si',
        'no',
        'no sé',
        'Hola, buenas tardes',
        'gracias',
        '¿tienen parqueadero?',
        'busco apartamento en Bogotá de 300 millones',
        'entre 250 y 350 millones',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('choiceId' as const),
      id: fc.oneof(
        fc.string(),
        fc.constantFrom('page:999', 'page:-1', 'page:x', 'project:nope', 'outcome:quote', 'consent:yes'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('media' as const),
      mediaKind: fc.constantFrom('image', 'audio', 'video', 'document', 'sticker'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unsupported' as const), type: fc.string() }) },
);
type Move = typeof move extends fc.Arbitrary<infer M> ? M : never;

const choicesIn = (replies: readonly OutboundContent[]): Choice[] =>
  replies.flatMap((m) =>
    m.kind === 'buttons' ? [...m.buttons] : m.kind === 'list' ? m.sections.flatMap((s) => s.rows) : [],
  );

const inputFor = (m: Move, choices: Choice[]): BotInput => {
  const pick = (i: number) => choices[i % Math.max(1, choices.length)];
  switch (m.kind) {
    case 'tap': {
      const c = pick(m.index);
      return c === undefined ? { kind: 'text', body: 'hola' } : { kind: 'choice', id: c.id, title: c.title };
    }
    case 'typeTitle':
      return { kind: 'text', body: pick(m.index)?.title ?? 'hola' };
    case 'typeNumber':
      return { kind: 'text', body: String(m.index) };
    case 'email':
      return { kind: 'text', body: m.address };
    case 'text':
      return { kind: 'text', body: m.body };
    case 'keyword':
      return { kind: 'text', body: m.word };
    case 'choiceId':
      return { kind: 'choice', id: m.id, title: m.id };
    case 'media':
      return { kind: 'media', mediaKind: m.mediaKind };
    case 'unsupported':
      return { kind: 'unsupported', type: m.type };
  }
};

const AFTER_CONSENT = [
  'choosingFilter',
  'choosingPriceRange',
  'choosingCity',
  'choosingPropertyType',
  'choosingProject',
  'choosingUnitType',
  'choosingOutcome',
];

describe('the chatbot flow, driven by any lead over any catalogue', () => {
  /** Walks of the flow; every step a walk reaches goes into `reached`, which each test makes its own. */
  const walk = (reached: Set<string>) =>
    fc.property(
      anyCatalog,
      fc.array(move, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 30 }),
      (catalog, moves, narrowAbove) => {
        const ctx: BotContext = {
          catalog,
          texts: defaultBotTexts,
          policy,
          settings: { ...defaultFlowSettings, narrowAbove },
          now: 1_800_000_000_000,
          messageId: 'wamid.test',
        };
        let state: BotState = initialBotState;
        let choices: Choice[] = [];
        for (const m of moves) {
          const turn = advance(state, inputFor(m, choices), ctx);
          const handsOver = turn.effects.some((e) => e.type === 'HandToAdvisor');
          // A lead is registered exactly when they accept: the consent names the answering message and what was shown.
          const registers = turn.effects.filter((e) => e.type === 'RegisterLead');
          if (registers.length > 0) {
            expect(state.step).toBe('awaitingConsent');
            // Straight to what the lead asked for before consenting, else to the search's first question.
            if (state.step === 'awaitingConsent' && state.pending === undefined)
              expect(turn.state.step).toBe('choosingFilter');
            else expect(AFTER_CONSENT).toContain(turn.state.step);
            for (const r of registers)
              expect(r.session.consent).toMatchObject({ messageId: 'wamid.test', policyVersion: policy.version });
          }
          for (const e of turn.effects)
            if ('session' in e) expect(e.session.consent.policyTextHash).toMatch(/^[0-9a-f]{64}$/);
          expect(turn.replies.length > 0 || handsOver).toBe(true);
          for (const reply of turn.replies) expect(limitViolations(reply)).toEqual([]);
          if (handsOver) expect(turn.state.step).toBe('withAdvisor');
          if (turn.effects.some((e) => e.type === 'SimulateQuote')) expect(turn.state.step).toBe('quoted');
          reached.add(turn.state.step);
          state = turn.state.step === 'withAdvisor' ? initialBotState : turn.state;
          choices = choicesIn(turn.replies);
        }
      },
    );

  it('answers every input in every reachable state with messages that respect WhatsApp limits', () => {
    fc.assert(walk(new Set()), { numRuns: 300 });
  });

  it('explores every step of the flow (walks from a fixed seed, so this does not depend on luck)', () => {
    const reached = new Set<string>();
    fc.assert(walk(reached), { numRuns: 300, seed: 20261203 });
    expect([...reached].sort()).toEqual([
      'askingSavings',
      'awaitingConsent',
      'awaitingEmail',
      'choosingCity',
      'choosingFilter',
      'choosingOutcome',
      'choosingPriceRange',
      'choosingProject',
      'choosingPropertyType',
      'choosingUnitType',
      'confirmingEmail',
      'quoted',
      'start',
      'withAdvisor',
    ]);
  });

  it('discards the email when consent is declined, whatever came before', () => {
    fc.assert(
      fc.property(
        anyCatalog,
        fc.string().filter((s) => !s.includes('@')),
        (catalog, noise) => {
          const ctx: BotContext = {
            catalog,
            texts: defaultBotTexts,
            policy,
            settings: defaultFlowSettings,
            now: 0,
            messageId: 'wamid.test',
          };
          const asked = advance(
            advance(initialBotState, { kind: 'text', body: noise }, ctx).state,
            { kind: 'text', body: 'ana@example.com' },
            ctx,
          );
          expect(asked.state.step).toBe('awaitingConsent');
          const declined = advance(asked.state, { kind: 'choice', id: 'consent:no', title: 'No acepto' }, ctx);
          expect(declined.state).toEqual({ step: 'start' });
          // The next state and the replies keep nothing of the email; the one effect names it to have it erased.
          expect(JSON.stringify({ state: declined.state, replies: declined.replies })).not.toContain('ana@example.com');
          expect(declined.effects).toEqual([{ type: 'ForgetLead', email: 'ana@example.com' }]);
        },
      ),
    );
  });
});
