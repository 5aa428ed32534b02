import { describe, expect, it } from 'vitest';
import { type BotContext, type BotState, defaultFlowSettings } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { emptyCatalog, type HousingRegime } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { ProjectId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { aProject } from '../../builders/project-builder.ts';
import { aUnit } from '../../builders/unit-builder.ts';
import { aUnitType } from '../../builders/unit-type-builder.ts';

const ctxFor = (housingRegime: HousingRegime | null): BotContext => ({
  catalog: {
    ...emptyCatalog,
    projects: [aProject().withId('p-1').withDetails({ housingRegime }).build()],
    unitTypes: [aUnitType().withId('t-1').ofProject('p-1').build()],
    units: [aUnit().withId('u-1').of('p-1', 't-1').build()],
  },
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://example.com/datos', summary: 'Resumen.' },
  settings: defaultFlowSettings,
  now: 1_000,
  messageId: 'wamid.test',
});

const session = {
  email: 'ana@example.com' as Email,
  consent: { at: 0, policyVersion: '2026-01', policyTextHash: null, messageId: null },
  criteria: {},
};
const at = { session, projectId: 'p-1' as ProjectId, unitTypeId: 't-1' as UnitTypeId };
const outcome: BotState = { step: 'choosingOutcome', ...at };
const asking: BotState = { step: 'askingSavings', ...at };
const tapQuote = { kind: 'choice', id: 'outcome:quote', title: 'Simular cotización' } as const;

describe('the cesantías / subsidy question before a VIS or VIP quote', () => {
  it.each(['vis', 'vip'] as const)(
    'asks it for a %s project, with Sí / No / No sé, and quotes nothing yet',
    (regime) => {
      const turn = advance(outcome, tapQuote, ctxFor(regime));
      expect(turn.state).toEqual(asking);
      expect(turn.effects).toEqual([]);
      expect(turn.replies).toEqual([
        expect.objectContaining({
          kind: 'buttons',
          body: '¿Vas a usar cesantías o subsidio de vivienda para pagar la cuota inicial?',
          buttons: [
            { id: 'savings:yes', title: 'Sí' },
            { id: 'savings:no', title: 'No' },
            { id: 'savings:unsure', title: 'No sé' },
          ],
        }),
      ]);
    },
  );

  it.each(['no_vis', null] as const)('quotes straight away for a %s project', (regime) => {
    const turn = advance(outcome, tapQuote, ctxFor(regime));
    expect(turn.state.step).toBe('quoted');
    expect(turn.effects).toEqual([{ type: 'SimulateQuote', ...at, savingsToConfirm: false }]);
  });

  it.each([
    ['savings:yes', true],
    ['savings:no', false],
    ['savings:unsure', false],
  ] as const)('quotes after %s, an advisor confirming the amounts only after a yes', (id, savingsToConfirm) => {
    const turn = advance(asking, { kind: 'choice', id, title: id }, ctxFor('vis'));
    expect(turn.state).toEqual({ step: 'quoted', ...at });
    expect(turn.effects).toEqual([{ type: 'SimulateQuote', ...at, savingsToConfirm }]);
  });

  it('reads a typed "si" as Sí, "tal vez" as No sé, and asks again after anything else', () => {
    expect(advance(asking, { kind: 'text', body: 'si' }, ctxFor('vis')).effects).toEqual([
      { type: 'SimulateQuote', ...at, savingsToConfirm: true },
    ]);
    expect(advance(asking, { kind: 'text', body: 'tal vez' }, ctxFor('vis')).effects).toEqual([
      { type: 'SimulateQuote', ...at, savingsToConfirm: false },
    ]);
    const unclear = advance(asking, { kind: 'text', body: 'el perro ladra' }, ctxFor('vis'));
    expect(unclear.state).toEqual(asking);
    expect(unclear.effects).toEqual([]);
  });

  it('hands over to an advisor with the project and unit type when the lead writes "asesor"', () => {
    const turn = advance(asking, { kind: 'text', body: 'asesor' }, ctxFor('vis'));
    expect(turn.state).toEqual({ step: 'withAdvisor', session: asking.session });
    expect(turn.effects).toMatchObject([{ type: 'HandToAdvisor', projectId: 'p-1', unitTypeId: 't-1' }]);
  });
});
