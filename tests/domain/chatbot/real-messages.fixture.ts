import type { BotContext, BotState, Pending, Session } from '../../../domain/chatbot/bot-state.ts';
import { defaultFlowSettings } from '../../../domain/chatbot/bot-state.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { type Catalog, emptyCatalog } from '../../../domain/catalog/catalog.ts';
import type { Email } from '../../../domain/contact/email.ts';
import type { PriceBucketId, ProjectId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { aProject } from '../../builders/project-builder.ts';
import { aUnit } from '../../builders/unit-builder.ts';
import { aUnitType } from '../../builders/unit-type-builder.ts';

const M = 1_000_000;

/** [project id, name, city, regime, [type id, name, property type, price in millions][]] */
const PROJECTS = [
  [
    'p-salitre',
    'Torres de Salitre',
    'Bogotá',
    'no_vis',
    [
      ['t-sal-2', 'Apartamento 2 alcobas', 'apartment', 280],
      ['t-sal-3', 'Apartamento 3 alcobas', 'apartment', 420],
    ],
  ],
  [
    'p-suba',
    'Reservas de Suba',
    'Bogotá',
    'no_vis',
    [
      ['t-sub-1', 'Apartaestudio 1 alcoba', 'apartment', 190],
      ['t-sub-2', 'Apartamento 2 alcobas', 'apartment', 250],
    ],
  ],
  [
    'p-poblado',
    'Mirador del Poblado',
    'Medellín',
    'no_vis',
    [
      ['t-pob-2', 'Apartamento 2 alcobas', 'apartment', 450],
      ['t-pob-ph', 'Penthouse 3 alcobas', 'apartment', 900],
    ],
  ],
  ['p-envigado', 'Bosques de Envigado', 'Medellín', 'no_vis', [['t-env-3', 'Casa 3 alcobas', 'house', 650]]],
  ['p-cali', 'Altos del Norte', 'Cali', 'no_vis', [['t-cal-2', 'Apartamento 2 alcobas', 'apartment', 220]]],
  [
    'p-chia',
    'Hacienda Fontanar',
    'Chía',
    'no_vis',
    [
      ['t-chi-lote', 'Lote campestre', 'lot', 350],
      ['t-chi-casa', 'Casa campestre', 'house', 780],
    ],
  ],
  [
    'p-brisas',
    'Brisas del Mar',
    'Barranquilla',
    'no_vis',
    [
      ['t-bri-of', 'Oficina ejecutiva', 'office', 310],
      ['t-bri-lc', 'Local comercial', 'commercial', 500],
    ],
  ],
  ['p-verde', 'Ciudadela Verde', 'Soacha', 'vis', [['t-ver-2', 'Apartamento VIS 2 alcobas', 'apartment', 150]]],
] as const;

export const catalog: Catalog = {
  ...emptyCatalog,
  projects: PROJECTS.map(([id, name, city, regime]) =>
    aProject().withId(id).named(name).inCity(city).withDetails({ housingRegime: regime }).build(),
  ),
  unitTypes: PROJECTS.flatMap(([projectId, , , , types]) =>
    types.map(([id, name, type]) => aUnitType().withId(id).ofProject(projectId).named(name).ofType(type, 2).build()),
  ),
  units: PROJECTS.flatMap(([projectId, , , , types]) =>
    types.map(([id, , , price]) =>
      aUnit()
        .withId(`${id}-u1`)
        .of(projectId, id)
        .pricedAt(price * M)
        .build(),
    ),
  ),
  priceBuckets: [
    { id: 'b-1' as PriceBucketId, label: 'Hasta $ 300 M', min: 0, max: 300 * M },
    { id: 'b-2' as PriceBucketId, label: '$ 300 M a $ 500 M', min: 300 * M + 1, max: 500 * M },
    { id: 'b-3' as PriceBucketId, label: '$ 500 M a $ 800 M', min: 500 * M + 1, max: 800 * M },
    { id: 'b-4' as PriceBucketId, label: 'Más de $ 800 M', min: 800 * M + 1, max: null },
  ],
};

export const ctx: BotContext = {
  catalog,
  texts: defaultBotTexts,
  policy: { version: '2026-01', url: 'https://example.com/datos', summary: 'Resumen de la política.' },
  settings: defaultFlowSettings,
  now: 1_800_000_000_000,
  messageId: 'wamid.real',
};

const email = 'lead@example.com' as Email;
const session = (criteria: Session['criteria'] = {}): Session => ({
  email,
  consent: { at: 0, policyVersion: '2026-01', policyTextHash: 'a'.repeat(64), messageId: 'wamid.0' },
  criteria,
});
const consentWith = (pending?: Pending): BotState => {
  const asked = advance({ step: 'awaitingEmail' }, { kind: 'text', body: email }, ctx).state;
  return pending === undefined ? asked : ({ ...asked, pending } as BotState);
};
const pid = (id: string) => id as ProjectId;
const tid = (id: string) => id as UnitTypeId;

/** The states the table's messages are sent in. */
export const STATES = {
  start: { step: 'start' },
  email: { step: 'awaitingEmail' },
  emailWithSalitre: { step: 'awaitingEmail', pending: { projectId: pid('p-salitre') } },
  confirming: { step: 'confirmingEmail', typed: 'maria@hotmail.con' as Email, suggested: 'maria@hotmail.com' as Email },
  consent: consentWith(),
  consentSalitre: consentWith({ projectId: pid('p-salitre') }),
  consentMedellinApto: consentWith({ city: 'Medellín', propertyType: 'apartment' }),
  consentCali: consentWith({ city: 'Cali' }),
  consentBudget: consentWith({ priceBucketId: 'b-3' as PriceBucketId }),
  filter: { step: 'choosingFilter', session: session() },
  price: { step: 'choosingPriceRange', session: session(), page: 0 },
  city: { step: 'choosingCity', session: session(), page: 0 },
  type: { step: 'choosingPropertyType', session: session(), page: 0 },
  projectsBogota: { step: 'choosingProject', session: session({ city: 'Bogotá' }), page: 0 },
  projectsMedellin: { step: 'choosingProject', session: session({ city: 'Medellín' }), page: 0 },
  typesSalitre: {
    step: 'choosingUnitType',
    session: session({ city: 'Bogotá' }),
    projectId: pid('p-salitre'),
    page: 0,
  },
  typesSuba: { step: 'choosingUnitType', session: session({ city: 'Bogotá' }), projectId: pid('p-suba'), page: 0 },
  outcome: { step: 'choosingOutcome', session: session(), projectId: pid('p-salitre'), unitTypeId: tid('t-sal-2') },
  outcomeVis: { step: 'choosingOutcome', session: session(), projectId: pid('p-verde'), unitTypeId: tid('t-ver-2') },
  savings: { step: 'askingSavings', session: session(), projectId: pid('p-verde'), unitTypeId: tid('t-ver-2') },
  quoted: { step: 'quoted', session: session(), projectId: pid('p-salitre'), unitTypeId: tid('t-sal-2') },
} satisfies Record<string, BotState>;

export type StateName = keyof typeof STATES;
