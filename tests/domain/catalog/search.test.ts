import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  noProjectDetails,
  PROPERTY_TYPES,
  type Catalog,
  type PropertyType,
  type Unit,
  type UnitStatus,
} from '../../../domain/catalog/catalog.ts';
import {
  FILTER_DIMENSIONS,
  fromPrice,
  matchingProjects,
  optionsFor,
  isSoldOut,
  referenceUnit,
  type FilterDimension,
  type SearchCriteria,
} from '../../../domain/catalog/search.ts';
import type { PriceBucketId, ProjectId, UnitId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { anyCatalog } from '../../arbitraries/catalog.ts';

const M = 1_000_000;
const plan = {
  separationFee: { amount: 0, currency: 'COP' as const },
  downPaymentBps: 3000,
  instalments: 12,
  separationCreditedToDownPayment: true,
  mortgage: null,
  quoteValidityDays: 15,
};
const project = (id: string, name: string, city: string) => ({
  id: id as ProjectId,
  name,
  city,
  currency: 'COP' as const,
  description: '',
  paymentPlan: plan,
  ...noProjectDetails,
});
const type = (id: string, projectId: string, propertyType: PropertyType) => ({
  id: id as UnitTypeId,
  projectId: projectId as ProjectId,
  name: id,
  propertyType,
  bedrooms: null,
  areaM2: 60,
});
const unit = (id: string, typeId: string, projectId: string, millions: number, status: UnitStatus): Unit => ({
  id: id as UnitId,
  projectId: projectId as ProjectId,
  unitTypeId: typeId as UnitTypeId,
  code: id,
  areaM2: 60,
  builtAreaM2: null,
  floor: null,
  price: { amount: millions * M, currency: 'COP' },
  status,
});
const bucket = (id: string, min: number, max: number | null) => ({ id: id as PriceBucketId, label: id, min, max });

/** p4 has nothing for sale; t4 is sold out; t1's cheapest unit is reserved. */
const catalog: Catalog = {
  projects: [
    project('p1', 'Torres del Parque', 'Bogotá'),
    project('p2', 'Mirador', 'Medellín'),
    project('p3', 'Casas del Lago', 'Bogotá'),
    project('p4', 'Oficinas 93', 'Bogotá'),
  ],
  unitTypes: [
    type('t1', 'p1', 'apartment'),
    type('t2', 'p1', 'apartment'),
    type('t3', 'p2', 'house'),
    type('t4', 'p3', 'house'),
    type('t5', 'p3', 'lot'),
    type('t6', 'p4', 'office'),
    type('t7', 'p4', 'office'),
  ],
  units: [
    unit('u1', 't1', 'p1', 300, 'available'),
    unit('u2', 't1', 'p1', 280, 'reserved'),
    unit('u3', 't2', 'p1', 450, 'available'),
    unit('u4', 't3', 'p2', 700, 'available'),
    unit('u5', 't4', 'p3', 900, 'sold'),
    unit('u6', 't5', 'p3', 150, 'available'),
    unit('u7', 't6', 'p4', 500, 'sold'),
    unit('u8', 't6', 'p4', 450, 'reserved'),
  ],
  priceBuckets: [bucket('b1', 0, 300 * M - 1), bucket('b2', 300 * M, 600 * M - 1), bucket('b3', 600 * M, null)],
};
const ids = (c: SearchCriteria) => matchingProjects(catalog, c).map((p) => p.id);
const b = (id: string) => id as PriceBucketId;

const criteriaFor = (c: Catalog): fc.Arbitrary<SearchCriteria> =>
  fc.record(
    {
      city: fc.oneof(fc.constantFrom('Bogotá', ...c.projects.map((p) => p.city)), fc.string()),
      propertyType: fc.constantFrom(...PROPERTY_TYPES),
      priceBucketId: fc.constantFrom(b('b-unknown'), ...c.priceBuckets.map((x) => x.id)),
    },
    { requiredKeys: [] },
  );
const catalogAndCriteria = anyCatalog.chain((c) => fc.tuple(fc.constant(c), criteriaFor(c)));
const choose = (c: SearchCriteria, dim: FilterDimension, v: string): SearchCriteria =>
  dim === 'city'
    ? { ...c, city: v }
    : dim === 'price'
      ? { ...c, priceBucketId: v as PriceBucketId }
      : { ...c, propertyType: v as PropertyType };

const KEY = { city: 'city', price: 'priceBucketId', propertyType: 'propertyType' } as const;

/** Independent reference: city, then one unit type satisfying type and (known) bucket with an available unit. */
const matches = (c: Catalog, cr: SearchCriteria, projectId: ProjectId): boolean => {
  const p = c.projects.find((x) => x.id === projectId);
  const bk = c.priceBuckets.find((x) => x.id === cr.priceBucketId);
  return (
    p !== undefined &&
    (cr.city === undefined || p.city === cr.city) &&
    c.unitTypes.some(
      (t) =>
        t.projectId === p.id &&
        (cr.propertyType === undefined || t.propertyType === cr.propertyType) &&
        (bk === undefined ||
          c.units.some(
            (u) =>
              u.unitTypeId === t.id &&
              u.status === 'available' &&
              u.price.amount >= bk.min &&
              (bk.max === null || u.price.amount <= bk.max),
          )),
    )
  );
};

describe('matchingProjects', () => {
  it('returns exactly the projects meeting every criterion, in catalogue order', () => {
    fc.assert(
      fc.property(catalogAndCriteria, ([c, cr]) => {
        expect(matchingProjects(c, cr).map((p) => p.id)).toEqual(
          c.projects.filter((p) => matches(c, cr, p.id)).map((p) => p.id),
        );
      }),
    );
  });

  it('examples', () => {
    expect(ids({})).toEqual(['p1', 'p2', 'p3', 'p4']); // without a price filter, sold-out projects still show
    expect(ids({ city: 'Bogotá' })).toEqual(['p1', 'p3', 'p4']);
    expect(ids({ propertyType: 'house' })).toEqual(['p2', 'p3']);
    expect(ids({ propertyType: 'house', priceBucketId: b('b3') })).toEqual(['p2']);
    expect(ids({ priceBucketId: b('b1') })).toEqual(['p3']); // t1's 280 M unit is reserved
    expect(ids({ priceBucketId: b('b2'), city: 'Bogotá' })).toEqual(['p1']);
    expect(ids({ priceBucketId: b('b-unknown') })).toEqual(['p1', 'p2', 'p3', 'p4']); // an unknown bucket is ignored
    expect(ids({ city: 'Cali' })).toEqual([]);
  });
});

describe('optionsFor', () => {
  it('offers no dead ends: every option, once chosen, leaves at least one project', () => {
    fc.assert(
      fc.property(catalogAndCriteria, fc.constantFrom(...FILTER_DIMENSIONS), ([c, cr], dim) => {
        for (const v of optionsFor(c, cr, dim))
          expect(matchingProjects(c, choose(cr, dim, v)).length).toBeGreaterThan(0);
      }),
    );
  });

  it('offers every value of a not-yet-chosen dimension that leaves a project, each once', () => {
    fc.assert(
      fc.property(catalogAndCriteria, fc.constantFrom(...FILTER_DIMENSIONS), ([c, cr], dim) => {
        const clean = Object.fromEntries(Object.entries(cr).filter(([k]) => k !== KEY[dim])) as SearchCriteria;
        const values =
          dim === 'city'
            ? c.projects.map((p) => p.city)
            : dim === 'price'
              ? c.priceBuckets.map((x) => x.id)
              : [...PROPERTY_TYPES];
        const offered = optionsFor(c, clean, dim);
        expect(new Set(offered).size).toBe(offered.length);
        expect(new Set(offered)).toEqual(
          new Set(values.filter((v) => matchingProjects(c, choose(clean, dim, v)).length > 0)),
        );
      }),
    );
  });

  it('examples: cities sorted (Spanish collation), types and buckets in catalogue order', () => {
    expect(optionsFor(catalog, {}, 'city')).toEqual(['Bogotá', 'Medellín']);
    expect(optionsFor(catalog, {}, 'price')).toEqual(['b1', 'b2', 'b3']);
    expect(optionsFor(catalog, { city: 'Bogotá' }, 'price')).toEqual(['b1', 'b2']);
    expect(optionsFor(catalog, { city: 'Bogotá' }, 'propertyType')).toEqual(['apartment', 'house', 'lot', 'office']);
    expect(optionsFor(catalog, { priceBucketId: b('b1') }, 'propertyType')).toEqual(['lot']);
  });
});

const statuses = fc.constantFrom<UnitStatus>('available', 'reserved', 'sold');
const typeUnits = fc
  .array(fc.record({ price: fc.integer({ min: 0, max: 50 }), status: statuses }), { maxLength: 8 })
  .map((us) => us.map((u, i) => unit(`x${i}`, 'tx', 'px', u.price, u.status)));

describe('fromPrice and referenceUnit', () => {
  it('take the cheapest available unit of the type (first on ties), and none when the type is sold out', () => {
    fc.assert(
      fc.property(typeUnits, (us) => {
        const c: Catalog = { ...catalog, units: [...catalog.units, ...us, unit('other', 'ty', 'px', 0, 'available')] };
        const available = us.filter((u) => u.status === 'available');
        const cheapest = (xs: Unit[]) =>
          xs.reduce<Unit | null>((low, u) => (low === null || u.price.amount < low.price.amount ? u : low), null);
        expect(fromPrice(c, 'tx' as UnitTypeId)).toEqual(cheapest(available)?.price ?? null);
        expect(referenceUnit(c, 'tx' as UnitTypeId)).toEqual(cheapest(available));
        expect(referenceUnit(c, 'tx' as UnitTypeId)?.status ?? 'available').toBe('available');
        expect(isSoldOut(c, 'tx' as UnitTypeId)).toBe(available.length === 0);
        if (available.length > 0)
          expect(Math.min(...available.map((u) => u.price.amount))).toBe(fromPrice(c, 'tx' as UnitTypeId)?.amount);
      }),
    );
  });

  it('examples', () => {
    expect(fromPrice(catalog, 't1' as UnitTypeId)).toEqual({ amount: 300 * M, currency: 'COP' });
    expect(fromPrice(catalog, 't4' as UnitTypeId)).toBeNull();
    expect(referenceUnit(catalog, 't1' as UnitTypeId)?.id).toBe('u1');
    expect(referenceUnit(catalog, 't6' as UnitTypeId)).toBeNull(); // sold out: a sold unit is never quoted
    expect(referenceUnit(catalog, 't7' as UnitTypeId)).toBeNull();
  });
});
