import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../domain/catalog/catalog.ts';
import { asId, type UnitId, type UnitTypeId } from '../../domain/shared/ids.ts';
import { moneyOf } from '../../domain/shared/money.ts';
import { aLine } from '../builders/line-builder.ts';
import { aPriceBucket } from '../builders/price-bucket-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { aUnit } from '../builders/unit-builder.ts';
import { aUnitType } from '../builders/unit-type-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

/** Two projects, each with one unit type and one unit (Medellín's with every detail and a floor), and two price buckets. */
const twoProjects = (): Catalog => ({
  projects: [
    aProject().withId('p-bog').inCity('Bogotá').build(),
    aProject()
      .withId('p-med')
      .inCity('Medellín')
      .withDetails({
        housingRegime: 'vis',
        extras: [
          { id: 'pq-1', kind: 'parking', label: 'Parqueadero', price: moneyOf(25_000_000), included: true },
          { id: 'dep-1', kind: 'storage', label: 'Depósito', price: moneyOf(8_000_000), included: false },
        ],
        estrato: 3,
        adminFeePerM2: moneyOf(3_200),
        fiduciary: { name: 'Alianza Fiduciaria', note: 'Alianza Fiduciaria, encargo fiduciario' },
        paymentChannel: 'PSE a la cuenta del encargo.',
        financing: { apartment: 'housing_leasing', lot: 'none' },
      })
      .build(),
  ],
  unitTypes: [
    aUnitType().withId('t-bog').ofProject('p-bog').build(),
    aUnitType().withId('t-med').ofProject('p-med').build(),
  ],
  units: [
    aUnit().withId('u-bog').of('p-bog', 't-bog').build(),
    aUnit().withId('u-med').of('p-med', 't-med').onFloor(7, 64.8).build(),
  ],
  priceBuckets: [
    aPriceBucket().withId('b-low').between(0, 300_000_000).build(),
    aPriceBucket().withId('b-high').between(300_000_001, null).build(),
  ],
});

export const catalogRepositoryContract = (open: OpenSubject) =>
  describe('CatalogRepository', () => {
    const subject = useSubject(open);
    const catalog = () => subject().repos.catalog;

    it('starts empty and returns the whole catalogue once stored', async () => {
      expect(await catalog().all()).toEqual({ projects: [], unitTypes: [], units: [], priceBuckets: [] });
      const stored = twoProjects();
      await catalog().upsert(stored);
      expect(await catalog().all()).toEqual(stored);
    });

    it('gives a line only its projects with their unit types and units, and every price bucket', async () => {
      const stored = twoProjects();
      await catalog().upsert(stored);
      const forMedellin = await catalog().forLine(aLine().offering('p-med').build());
      expect(forMedellin.projects.map((p) => p.id)).toEqual(['p-med']);
      expect(forMedellin.unitTypes.map((t) => t.id)).toEqual(['t-med']);
      expect(forMedellin.units.map((u) => u.id)).toEqual(['u-med']);
      expect(forMedellin.priceBuckets).toEqual(stored.priceBuckets);
    });

    it('gives a line that names no project the whole catalogue', async () => {
      await catalog().upsert(twoProjects());
      expect(await catalog().forLine(aLine().offering().build())).toEqual(await catalog().all());
    });

    it('replaces entries with the same ids and keeps the others', async () => {
      await catalog().upsert(twoProjects());
      const repriced = aUnit()
        .withId('u-bog')
        .of('p-bog', 't-bog')
        .pricedAt(410_000_000)
        .withStatus('reserved')
        .build();
      const renamed = aProject().withId('p-med').named('Torres del Río').inCity('Medellín').build();
      await catalog().upsert({ projects: [renamed], unitTypes: [], units: [repriced], priceBuckets: [] });

      const all = await catalog().all();
      expect(all.projects).toHaveLength(2);
      expect(all.projects.find((p) => p.id === 'p-med')).toEqual(renamed);
      expect(all.units.find((u) => u.id === 'u-bog')).toEqual(repriced);
      expect(all.unitTypes).toHaveLength(2);
      expect(all.priceBuckets).toHaveLength(2);
    });

    it('replaces every price bucket: those not given are deleted, the rest stored in the order given', async () => {
      await catalog().upsert(twoProjects());
      const mid = aPriceBucket().withId('b-mid').between(200_000_000, 500_000_000).build();
      const low = aPriceBucket().withId('b-low').between(0, 199_999_999).build();
      await catalog().replacePriceBuckets([low, mid]);
      expect((await catalog().all()).priceBuckets).toEqual([low, mid]);
      await catalog().replacePriceBuckets([]);
      expect((await catalog().all()).priceBuckets).toEqual([]);
      expect((await catalog().all()).units).toHaveLength(2);
    });

    it('removes the given unit types and units, and nothing else', async () => {
      const stored = twoProjects();
      await catalog().upsert(stored);
      await catalog().remove({
        unitTypeIds: [asId<UnitTypeId>('t-bog'), asId<UnitTypeId>('t-none')],
        unitIds: [asId<UnitId>('u-bog')],
      });
      const all = await catalog().all();
      expect(all.unitTypes.map((t) => t.id)).toEqual(['t-med']);
      expect(all.units.map((u) => u.id)).toEqual(['u-med']);
      expect(all.projects).toEqual(stored.projects);
    });
  });
