import fc from 'fast-check';
import {
  noProjectDetails,
  PROPERTY_TYPES,
  type Catalog,
  type HousingRegime,
  type PaymentPlan,
  type Project,
  type Unit,
  type UnitType,
} from '../../domain/catalog/catalog.ts';
import type { PriceBucketId, ProjectId, UnitId, UnitTypeId } from '../../domain/shared/ids.ts';

const plan: PaymentPlan = {
  separationFee: { amount: 5_000_000, currency: 'COP' },
  downPaymentBps: 3000,
  instalments: 24,
  separationCreditedToDownPayment: true,
  mortgage: { annualRateBps: 1200, years: 20 },
  quoteValidityDays: 15,
};

/** Names of any length and alphabet, including emoji and accents: the bot must still respect every limit. */
const anyName = fc.oneof(
  fc.string({ minLength: 0, maxLength: 120 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.constantFrom('Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Torres del Parque 🏢'),
);

const housingRegime = fc.constantFrom<HousingRegime | null>('vis', 'vip', 'no_vis', null);

const projectsArb = fc.array(fc.record({ name: anyName, city: anyName, description: anyName, housingRegime }), {
  minLength: 0,
  maxLength: 25,
});

/** A catalogue of any size and shape: many projects, long names, duplicate cities, empty types. */
export const anyCatalog: fc.Arbitrary<Catalog> = fc
  .record({
    projects: projectsArb,
    typesPerProject: fc.array(
      fc.array(
        fc.record({ name: anyName, type: fc.constantFrom(...PROPERTY_TYPES), area: fc.integer({ min: 20, max: 400 }) }),
        {
          maxLength: 13,
        },
      ),
      { minLength: 25, maxLength: 25 },
    ),
    prices: fc.array(fc.integer({ min: 50_000_000, max: 3_000_000_000 }), { minLength: 40, maxLength: 40 }),
    bucketEdges: fc.uniqueArray(fc.integer({ min: 60_000_000, max: 2_500_000_000 }), { minLength: 0, maxLength: 14 }),
    bucketLabels: fc.array(anyName, { minLength: 15, maxLength: 15 }),
  })
  .map(({ projects, typesPerProject, prices, bucketEdges, bucketLabels }) => {
    const ps: Project[] = projects.map((p, i) => ({
      id: `p${i}` as ProjectId,
      name: p.name,
      city: p.city,
      currency: 'COP',
      description: p.description,
      paymentPlan: plan,
      ...noProjectDetails,
      housingRegime: p.housingRegime,
    }));
    const unitTypes: UnitType[] = ps.flatMap((p, i) =>
      (typesPerProject[i] ?? []).map((t, j) => ({
        id: `${p.id}-t${j}` as UnitTypeId,
        projectId: p.id,
        name: t.name,
        propertyType: t.type,
        bedrooms: null,
        areaM2: t.area,
      })),
    );
    const units: Unit[] = unitTypes.flatMap((t, k) =>
      [0, 1].map((n) => ({
        id: `${t.id}-u${n}` as UnitId,
        projectId: t.projectId,
        unitTypeId: t.id,
        code: `U-${k}-${n}`,
        areaM2: t.areaM2,
        builtAreaM2: null,
        floor: null,
        price: { amount: prices[(k * 2 + n) % prices.length] ?? 100_000_000, currency: 'COP' as const },
        status: n === 0 ? ('available' as const) : ('reserved' as const),
      })),
    );
    const edges = [0, ...[...bucketEdges].sort((a, b) => a - b)];
    const priceBuckets = edges.map((min, i) => ({
      id: `b${i}` as PriceBucketId,
      label: bucketLabels[i] ?? `Rango ${i}`,
      min,
      max: edges[i + 1] === undefined ? null : (edges[i + 1] as number) - 1,
    }));
    return { projects: ps, unitTypes, units, priceBuckets };
  });
