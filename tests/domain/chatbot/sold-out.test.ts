import { describe, expect, it } from 'vitest';
import { defaultFlowSettings, type BotContext, type BotState } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { emptyCatalog } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { ProjectId } from '../../../domain/shared/ids.ts';
import { aProject } from '../../builders/project-builder.ts';
import { aUnit } from '../../builders/unit-builder.ts';
import { aUnitType } from '../../builders/unit-type-builder.ts';

const ctx: BotContext = {
  catalog: {
    ...emptyCatalog,
    projects: [aProject().withId('p-1').build()],
    unitTypes: [
      aUnitType().withId('t-gone').ofProject('p-1').build(),
      aUnitType().withId('t-left').ofProject('p-1').build(),
    ],
    units: [
      aUnit().withId('u-sold').of('p-1', 't-gone').withStatus('sold').build(),
      aUnit().withId('u-held').of('p-1', 't-gone').withStatus('reserved').build(),
      aUnit().withId('u-free').of('p-1', 't-left').build(),
    ],
  },
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://example.com/datos', summary: 'Resumen.' },
  settings: defaultFlowSettings,
  now: 1_000,
  messageId: 'wamid.test',
};

const choosing: BotState = {
  step: 'choosingUnitType',
  session: {
    email: 'ana@example.com' as Email,
    consent: { at: 0, policyVersion: '2026-01', policyTextHash: null, messageId: null },
    criteria: {},
  },
  projectId: 'p-1' as ProjectId,
  page: 0,
};

describe('a unit type with no available unit left', () => {
  it('is not offered for a quote: the bot says it is sold out and lists the types again', () => {
    const turn = advance(choosing, { kind: 'choice', id: 'unittype:t-gone', title: 'Tipo agotado' }, ctx);

    expect(turn.state).toEqual(choosing);
    expect(turn.effects).toEqual([]);
    expect(turn.replies[0]).toEqual({ kind: 'text', body: defaultBotTexts.unitTypeSoldOut });
    expect(turn.replies[0]?.kind === 'text' && turn.replies[0].body).toContain('Esta tipología está agotada');
    expect(turn.replies.at(-1)?.kind).toBe('list');
  });

  it('leaves a type with an available unit to the outcome question, as before', () => {
    const turn = advance(choosing, { kind: 'choice', id: 'unittype:t-left', title: 'Tipo disponible' }, ctx);

    expect(turn.state).toMatchObject({ step: 'choosingOutcome', unitTypeId: 't-left' });
  });
});
