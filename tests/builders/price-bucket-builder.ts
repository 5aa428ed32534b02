import type { PriceBucket } from '../../domain/catalog/catalog.ts';
import { asId, type PriceBucketId } from '../../domain/shared/ids.ts';
import { nextId } from './next-id.ts';

export class PriceBucketBuilder {
  #bucket: PriceBucket = {
    id: nextId<PriceBucketId>('bucket'),
    label: '$ 200 M a $ 400 M',
    min: 200_000_000,
    max: 400_000_000,
  };

  withId(id: string): this {
    return this.#set({ id: asId<PriceBucketId>(id) });
  }

  /** From `min` to `max` (open-ended when `null`), in minor units. */
  between(min: number, max: number | null, label: string = this.#bucket.label): this {
    return this.#set({ min, max, label });
  }

  build(): PriceBucket {
    return this.#bucket;
  }

  #set(patch: Partial<PriceBucket>): this {
    this.#bucket = { ...this.#bucket, ...patch };
    return this;
  }
}

export const aPriceBucket = (): PriceBucketBuilder => new PriceBucketBuilder();
