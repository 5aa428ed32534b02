import { err, ok, type Result } from '../shared/result.ts';
import type { PriceBucketId } from '../shared/ids.ts';
import type { PriceBucket } from './catalog.ts';

export type InvalidPriceBucket = {
  readonly type: 'InvalidPriceBucket';
  readonly bucketId: PriceBucketId;
  readonly reason: string;
};
export type PriceBucketsOverlap = {
  readonly type: 'PriceBucketsOverlap';
  readonly bucketIds: readonly [PriceBucketId, PriceBucketId];
};
export type PriceBucketsError = InvalidPriceBucket | PriceBucketsOverlap;

const invalid = (bucket: PriceBucket, reason: string): Result<never, InvalidPriceBucket> =>
  err({ type: 'InvalidPriceBucket', bucketId: bucket.id, reason });

const checkOne = (bucket: PriceBucket): Result<PriceBucket, InvalidPriceBucket> => {
  if (bucket.label.trim() === '') return invalid(bucket, 'the label is empty');
  if (!Number.isSafeInteger(bucket.min) || bucket.min < 0) return invalid(bucket, 'min must be a non-negative integer');
  if (bucket.max !== null && (!Number.isSafeInteger(bucket.max) || bucket.max < bucket.min)) {
    return invalid(bucket, 'max must be an integer not below min, or null (open-ended)');
  }
  return ok(bucket);
};

/** Both ends are inclusive (as the bot's search reads them); `max: null` reaches to infinity. */
export const overlap = (a: PriceBucket, b: PriceBucket): boolean =>
  (b.max === null || a.min <= b.max) && (a.max === null || b.min <= a.max);

/**
 * A valid set of price ranges: each well formed, ids unique, no two ranges sharing an amount.
 * Returns the buckets ordered by `min`.
 */
export const checkPriceBuckets = (buckets: readonly PriceBucket[]): Result<PriceBucket[], PriceBucketsError> => {
  const seen = new Set<PriceBucketId>();
  for (const bucket of buckets) {
    const checked = checkOne(bucket);
    if (!checked.ok) return checked;
    if (seen.has(bucket.id)) return invalid(bucket, 'the id is repeated');
    seen.add(bucket.id);
  }
  const sorted = [...buckets].sort((a, b) => a.min - b.min);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (overlap(a, b)) return err({ type: 'PriceBucketsOverlap', bucketIds: [a.id, b.id] });
  }
  return ok(sorted);
};

/**
 * The bucket that holds a range a lead named ("300 millones" is held by "$ 300 M a $ 500 M"), or null when none
 * holds all of it ("entre 250 y 350" across two buckets): the bot then searches the range itself.
 */
export const bucketHolding = (
  buckets: readonly PriceBucket[],
  range: { readonly min: number; readonly max: number | null },
): PriceBucket | null =>
  buckets.find((b) => range.min >= b.min && (b.max === null || (range.max !== null && range.max <= b.max))) ?? null;
