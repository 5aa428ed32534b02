import type { PriceBucket } from '../../domain/catalog/catalog.ts';
import { checkPriceBuckets, type PriceBucketsError } from '../../domain/catalog/price-buckets.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Replaces every price range with the given ones, in this order; buckets left out are deleted. No two may overlap. */
export class ReplacePriceBuckets {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(buckets: readonly PriceBucket[]): Promise<Result<PriceBucket[], PriceBucketsError>> {
    const checked = checkPriceBuckets(buckets);
    if (!checked.ok) return checked;
    return this.uow.transaction(async (repos) => {
      await repos.catalog.replacePriceBuckets(checked.value);
      return ok(checked.value);
    });
  }
}
