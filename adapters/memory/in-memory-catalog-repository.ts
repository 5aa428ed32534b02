import type { CatalogRepository } from '../../application/ports/configuration.ts';
import type { Catalog, PriceBucket } from '../../domain/catalog/catalog.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { ProjectId, UnitId, UnitTypeId } from '../../domain/shared/ids.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

const upsertAll = <K, V extends { readonly id: K }>(into: Map<K, V>, items: readonly V[]): void => {
  for (const item of items) into.set(item.id, copy(item));
};

export class InMemoryCatalogRepository implements CatalogRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async forLine(line: BusinessLine): Promise<Catalog> {
    if (line.projectIds.length === 0) return this.all();
    const offered = new Set<ProjectId>(line.projectIds);
    const d = this.#store.data;
    return copy({
      projects: [...d.projects.values()].filter((p) => offered.has(p.id)),
      unitTypes: [...d.unitTypes.values()].filter((t) => offered.has(t.projectId)),
      units: [...d.units.values()].filter((u) => offered.has(u.projectId)),
      priceBuckets: [...d.priceBuckets.values()],
    });
  }

  async all(): Promise<Catalog> {
    const d = this.#store.data;
    return copy({
      projects: [...d.projects.values()],
      unitTypes: [...d.unitTypes.values()],
      units: [...d.units.values()],
      priceBuckets: [...d.priceBuckets.values()],
    });
  }

  async upsert(catalog: Catalog): Promise<void> {
    const d = this.#store.data;
    upsertAll(d.projects, catalog.projects);
    upsertAll(d.unitTypes, catalog.unitTypes);
    upsertAll(d.units, catalog.units);
    upsertAll(d.priceBuckets, catalog.priceBuckets);
  }

  async replacePriceBuckets(buckets: readonly PriceBucket[]): Promise<void> {
    this.#store.data.priceBuckets.clear();
    upsertAll(this.#store.data.priceBuckets, buckets);
  }

  async remove(ids: {
    readonly unitTypeIds: readonly UnitTypeId[];
    readonly unitIds: readonly UnitId[];
  }): Promise<void> {
    for (const id of ids.unitTypeIds) this.#store.data.unitTypes.delete(id);
    for (const id of ids.unitIds) this.#store.data.units.delete(id);
  }
}
