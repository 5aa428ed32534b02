import type { PriceBucket } from '../../domain/catalog/catalog.ts';
import { checkPriceBuckets, type PriceBucketsError } from '../../domain/catalog/price-buckets.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * Stores the given price ranges, replacing those with the same ids. The catalogue port cannot delete yet,
 * so buckets left out are kept, and the check runs on the whole resulting set: no two ranges may overlap.
 */
export class ReplacePriceBuckets {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(buckets: readonly PriceBucket[]): Promise<Result<PriceBucket[], PriceBucketsError>> {
    const given = checkPriceBuckets(buckets);
    if (!given.ok) return given;
    return this.uow.transaction(async (repos) => {
      const listed = new Set(buckets.map((b) => b.id));
      const kept = (await repos.catalog.all()).priceBuckets.filter((b) => !listed.has(b.id));
      const all = checkPriceBuckets([...kept, ...buckets]);
      if (!all.ok) return all;
      await repos.catalog.upsert({ projects: [], unitTypes: [], units: [], priceBuckets: buckets });
      return ok(all.value);
    });
  }
}
