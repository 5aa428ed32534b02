import { z } from 'zod';
import { PROPERTY_TYPES } from '../../../domain/catalog/catalog.ts';
import type { SearchCriteria } from '../../../domain/catalog/search.ts';
import type { Branded } from '../../../domain/shared/ids.ts';
import type { Money } from '../../../domain/shared/money.ts';

/**
 * Schemas of the pieces several stored values share. They accept what the app has written, no more and no
 * less strictly: a stored value was checked by the domain when it was made, reading it back only makes sure it
 * still has the shape the code expects.
 */

/** A typed id (or other branded string) as stored: a plain string. */
export const branded = <T extends Branded<string, string>>(): z.ZodType<T> =>
  z.custom<T>((value) => typeof value === 'string', { error: 'expected a string' });

/** Epoch milliseconds. */
export const instant = z.number();

export const currency = z.enum(['COP', 'USD']);

export const moneySchema: z.ZodType<Money> = z.object({ amount: z.number(), currency });

export const propertyType = z.enum(PROPERTY_TYPES);

export const searchCriteriaSchema: z.ZodType<SearchCriteria> = z.object({
  priceBucketId: branded<NonNullable<SearchCriteria['priceBucketId']>>().exactOptional(),
  city: z.string().exactOptional(),
  propertyType: propertyType.exactOptional(),
});
