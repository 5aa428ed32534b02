import {
  type Catalog,
  noProjectDetails,
  type PaymentPlan,
  type Project,
  type PropertyType,
  type Unit,
  type UnitType,
} from '../../domain/catalog/catalog.ts';
import { builtAreaOf, DEMO_DETAILS, SOLD_OUT_TYPES } from './demo-project-details.ts';
import type { PriceBucketId, ProjectId, UnitId, UnitTypeId } from '../../domain/shared/ids.ts';

const M = 1_000_000;

/**
 * Every demo project has a delivery date (2027–2029): its quotes have as many monthly instalments as fit before the
 * down-payment cut-off, so `instalments` (24) is only what a plan without one would use.
 */
const plan = (over: Partial<PaymentPlan> = {}): PaymentPlan => ({
  separationFee: { amount: 5 * M, currency: 'COP' },
  downPaymentBps: 3000,
  instalments: 24,
  separationCreditedToDownPayment: true,
  mortgage: { annualRateBps: 1250, years: 20 },
  quoteValidityDays: 15,
  ...over,
});

type TypeSpec = readonly [name: string, type: PropertyType, bedrooms: number | null, area: number, priceM: number];
type ProjectSpec = readonly [
  id: string,
  name: string,
  city: string,
  description: string,
  plan: PaymentPlan,
  types: readonly TypeSpec[],
];

const PROJECTS: readonly ProjectSpec[] = [
  [
    'p-bog-1',
    'Torres de Salitre',
    'Bogotá',
    'Apartamentos cerca al parque Salitre.',
    plan({ deliveryDate: '2028-06-30' }),
    [
      ['Apartamento 2 alcobas', 'apartment', 2, 58, 350],
      ['Apartamento 3 alcobas', 'apartment', 3, 74, 455],
    ],
  ],
  [
    'p-bog-2',
    'Reserva de Usaquén',
    'Bogotá',
    'Conjunto residencial en el norte.',
    plan({
      downPaymentBps: 3500,
      deliveryDate: '2029-03-31',
      // Part of the down payment with the June and December bonuses (primas).
      extraordinaryInstalments: { months: [6, 12], shareBps: 2000 },
    }),
    [
      ['Apartamento 2 alcobas', 'apartment', 2, 65, 520],
      ['Penthouse 3 alcobas', 'apartment', 3, 120, 980],
    ],
  ],
  [
    'p-bog-3',
    'Oficinas Calle 93',
    'Bogotá',
    'Oficinas y locales en zona financiera.',
    plan({ downPaymentBps: 4000, deliveryDate: '2027-12-15', cutOffMonthsBeforeDelivery: 2 }),
    [
      ['Oficina 45 m²', 'office', null, 45, 610],
      ['Local comercial', 'commercial', null, 38, 720],
    ],
  ],
  [
    'p-bog-4',
    'Bosques de Suba',
    'Bogotá',
    'Vivienda de interés social (VIS): aplica subsidio de caja de compensación y cesantías.',
    plan({
      downPaymentBps: 2000,
      separationFee: { amount: 1 * M, currency: 'COP' },
      deliveryDate: '2028-02-29',
      cutOffMonthsBeforeDelivery: 2,
      minimumInstalments: 6,
    }),
    [['Apartamento VIS 2 alcobas', 'apartment', 2, 48, 185]],
  ],
  [
    'p-med-1',
    'Mirador de El Poblado',
    'Medellín',
    'Vista a la ciudad, a minutos del Parque Lleras.',
    plan({ deliveryDate: '2028-03-31' }),
    [
      ['Apartamento 1 alcoba', 'apartment', 1, 42, 380],
      ['Apartamento 2 alcobas', 'apartment', 2, 68, 590],
    ],
  ],
  [
    'p-med-2',
    'Casas de Llanogrande',
    'Rionegro',
    'Casas campestres en el oriente antioqueño.',
    plan({ downPaymentBps: 3000, deliveryDate: '2029-06-30' }),
    [
      ['Casa 3 alcobas', 'house', 3, 160, 1250],
      ['Lote campestre', 'lot', null, 1200, 640],
    ],
  ],
  [
    'p-med-3',
    'Laureles Park',
    'Medellín',
    'Apartamentos en el corazón de Laureles.',
    plan({ mortgage: null, deliveryDate: '2027-10-31' }),
    [['Apartamento 3 alcobas', 'apartment', 3, 85, 610]],
  ],
  [
    'p-cal-1',
    'Ciudad Jardín Reservado',
    'Cali',
    'Casas en el sur de Cali.',
    plan({ deliveryDate: '2028-09-30' }),
    [
      ['Casa 4 alcobas', 'house', 4, 210, 890],
      ['Casa 3 alcobas', 'house', 3, 150, 690],
    ],
  ],
  [
    'p-cal-2',
    'Altos del Valle de Lili',
    'Cali',
    'Apartamentos cerca a universidades.',
    plan({ deliveryDate: '2028-12-15' }),
    [
      ['Apartamento 2 alcobas', 'apartment', 2, 60, 265],
      ['Apartamento 3 alcobas', 'apartment', 3, 78, 340],
    ],
  ],
  [
    'p-baq-1',
    'Puerta del Mar',
    'Barranquilla',
    'Frente al malecón del río.',
    plan({ deliveryDate: '2029-02-28' }),
    [
      ['Apartamento 2 alcobas', 'apartment', 2, 70, 410],
      ['Apartamento 3 alcobas', 'apartment', 3, 95, 560],
    ],
  ],
  [
    'p-baq-2',
    'Villa Campestre',
    'Puerto Colombia',
    'Lotes y casas en el corredor de Puerto Colombia.',
    plan({ downPaymentBps: 2500, deliveryDate: '2028-05-31' }),
    [
      ['Lote 300 m²', 'lot', null, 300, 210],
      ['Casa 3 alcobas', 'house', 3, 140, 620],
    ],
  ],
  [
    'p-baq-3',
    'Centro Empresarial Norte',
    'Barranquilla',
    'Oficinas y bodegas logísticas.',
    plan({ downPaymentBps: 4000, deliveryDate: '2029-09-30' }),
    [
      ['Oficina 60 m²', 'office', null, 60, 480],
      ['Bodega 400 m²', 'warehouse', null, 400, 1900],
    ],
  ],
];

const UNITS_PER_TYPE = 4;

const unitsOf = (projectId: ProjectId, type: UnitType, priceM: number, t: number): Unit[] =>
  Array.from({ length: UNITS_PER_TYPE }, (_, n) => ({
    id: `${type.id}-u${n + 1}` as UnitId,
    projectId,
    unitTypeId: type.id,
    code: `T${t + 1}-${(n + 2) * 100 + t + 1}`,
    areaM2: type.areaM2,
    builtAreaM2: builtAreaOf(type.propertyType, type.areaM2),
    // Codes read tower-floor-unit ("T1-502"): the floor is the hundreds; houses and lots have none.
    floor: type.propertyType === 'house' || type.propertyType === 'lot' ? null : n + 2,
    price: { amount: (priceM + n * 6) * M, currency: 'COP' },
    status: SOLD_OUT_TYPES.has(type.id) ? 'sold' : n === UNITS_PER_TYPE - 1 ? 'reserved' : 'available',
  }));

const build = (): Catalog => {
  const projects: Project[] = [];
  const unitTypes: UnitType[] = [];
  const units: Unit[] = [];
  for (const [id, name, city, description, paymentPlan, types] of PROJECTS) {
    const projectId = id as ProjectId;
    projects.push({
      id: projectId,
      name,
      city,
      description,
      currency: 'COP',
      paymentPlan,
      ...noProjectDetails,
      ...DEMO_DETAILS[id],
    });
    types.forEach(([typeName, propertyType, bedrooms, areaM2, priceM], t) => {
      const type: UnitType = {
        id: `${id}-t${t + 1}` as UnitTypeId,
        projectId,
        name: typeName,
        propertyType,
        bedrooms,
        areaM2,
      };
      unitTypes.push(type);
      units.push(...unitsOf(projectId, type, priceM, t));
    });
  }
  const bucket = (id: string, label: string, min: number, max: number | null) => ({
    id: id as PriceBucketId,
    label,
    min,
    max,
  });
  return {
    projects,
    unitTypes,
    units,
    priceBuckets: [
      bucket('b-1', 'Hasta $ 300 M', 0, 300 * M),
      bucket('b-2', '$ 300 M a $ 500 M', 300 * M + 1, 500 * M),
      bucket('b-3', '$ 500 M a $ 800 M', 500 * M + 1, 800 * M),
      bucket('b-4', 'Más de $ 800 M', 800 * M + 1, null),
    ],
  };
};

/**
 * The demo catalogue: 12 projects in 6 Colombian municipalities (Llanogrande is in Rionegro, Antioquia; Villa
 * Campestre in Puerto Colombia, Atlántico), with unit types, units, payment plans and the details in
 * `demo-project-details.ts`.
 */
export const demoCatalog: Catalog = build();
