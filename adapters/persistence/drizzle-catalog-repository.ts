import { asc, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CatalogRepository } from '../../application/ports/configuration.ts';
import type { Catalog, PriceBucket } from '../../domain/catalog/catalog.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { ProjectId, UnitId, UnitTypeId } from '../../domain/shared/ids.ts';
import {
  toPriceBucket,
  toPriceBucketRow,
  toProject,
  toProjectRow,
  toUnit,
  toUnitRow,
  toUnitType,
  toUnitTypeRow,
} from './catalog-rows.ts';
import type { Db } from './drizzle-db.ts';
import { replaceAllBut } from './rows.ts';
import { priceBuckets, projects, units, unitTypes } from './schema.ts';

/** One row per id, the last given winning, as storing the entries one after another would. */
const lastById = <T extends { readonly id: string }>(items: readonly T[]): T[] => [
  ...new Map(items.map((i) => [i.id, i])).values(),
];

export class DrizzleCatalogRepository implements CatalogRepository {
  constructor(private readonly db: Db) {}

  forLine(line: BusinessLine): Promise<Catalog> {
    return line.projectIds.length === 0 ? this.all() : this.#read(line.projectIds);
  }

  all(): Promise<Catalog> {
    return this.#read(null);
  }

  async upsert(catalog: Catalog): Promise<void> {
    if (catalog.projects.length > 0) {
      await this.db
        .insert(projects)
        .values(lastById(catalog.projects).map(toProjectRow))
        .onConflictDoUpdate({ target: projects.id, set: replaceAllBut(projects) });
    }
    if (catalog.unitTypes.length > 0) {
      await this.db
        .insert(unitTypes)
        .values(lastById(catalog.unitTypes).map(toUnitTypeRow))
        .onConflictDoUpdate({ target: unitTypes.id, set: replaceAllBut(unitTypes) });
    }
    if (catalog.units.length > 0) {
      await this.db
        .insert(units)
        .values(lastById(catalog.units).map(toUnitRow))
        .onConflictDoUpdate({ target: units.id, set: replaceAllBut(units) });
    }
    if (catalog.priceBuckets.length > 0) {
      await this.db
        .insert(priceBuckets)
        .values(lastById(catalog.priceBuckets).map(toPriceBucketRow))
        .onConflictDoUpdate({ target: priceBuckets.id, set: replaceAllBut(priceBuckets) });
    }
  }

  /** Deletes and reinserts, so the stored order (`seq`) is the order given. */
  async replacePriceBuckets(buckets: readonly PriceBucket[]): Promise<void> {
    await this.db.delete(priceBuckets);
    if (buckets.length > 0) await this.db.insert(priceBuckets).values(lastById(buckets).map(toPriceBucketRow));
  }

  async remove(ids: {
    readonly unitTypeIds: readonly UnitTypeId[];
    readonly unitIds: readonly UnitId[];
  }): Promise<void> {
    if (ids.unitTypeIds.length > 0) await this.db.delete(unitTypes).where(inArray(unitTypes.id, [...ids.unitTypeIds]));
    if (ids.unitIds.length > 0) await this.db.delete(units).where(inArray(units.id, [...ids.unitIds]));
  }

  /** The given projects (all when `null`) with their unit types and units, in stored order; every price bucket. */
  async #read(projectIds: readonly ProjectId[] | null): Promise<Catalog> {
    const only = (column: PgColumn): SQL | undefined =>
      projectIds === null ? undefined : inArray(column, [...projectIds]);
    const projectRows = await this.db.select().from(projects).where(only(projects.id)).orderBy(asc(projects.seq));
    const typeRows = await this.db
      .select()
      .from(unitTypes)
      .where(only(unitTypes.projectId))
      .orderBy(asc(unitTypes.seq));
    const unitRows = await this.db.select().from(units).where(only(units.projectId)).orderBy(asc(units.seq));
    const bucketRows = await this.db.select().from(priceBuckets).orderBy(asc(priceBuckets.seq));
    return {
      projects: projectRows.map(toProject),
      unitTypes: typeRows.map(toUnitType),
      units: unitRows.map(toUnit),
      priceBuckets: bucketRows.map(toPriceBucket),
    };
  }
}
