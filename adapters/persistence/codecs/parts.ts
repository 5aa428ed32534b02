import { z } from 'zod';
import { PROPERTY_TYPES } from '../../../domain/catalog/catalog.ts';
import type { SearchCriteria } from '../../../domain/catalog/search.ts';
import type { Branded } from '../../../domain/shared/ids.ts';
import type { Money } from '../../../domain/shared/money.ts';

/**
 * Schemas of the pieces several stored values share. They accept what the app has written, no more and no
 * less strictly: a stored value was checked by the domain when it was made, reading it back only makes sure it
 * still has the shape the code expects.
 *
 * Objects are loose (`z.looseObject`): a field the schema does not name is kept as stored, as it was before
 * values were parsed, so an optional field added to a domain type and not yet to its schema is not dropped on
 * the next save. Every field the schema names is checked.
 */

/** A typed id (or other branded string) as stored: a plain string. */
export const branded = <T extends Branded<string, string>>(): z.ZodType<T> =>
  z.custom<T>((value) => typeof value === 'string', { error: 'expected a string' });

/** Epoch milliseconds. */
export const instant = z.number();

export const currency = z.enum(['COP', 'USD']);

export const moneySchema: z.ZodType<Money> = z.looseObject({ amount: z.number(), currency });

export const propertyType = z.enum(PROPERTY_TYPES);

/**
 * `priceRange` (prices a lead named that no bucket holds) was added without a version bump: rows written before
 * lack it and stay readable, and an older app keeps it untouched (loose objects).
 */
export const searchCriteriaShape = {
  priceBucketId: branded<NonNullable<SearchCriteria['priceBucketId']>>().exactOptional(),
  priceRange: z.looseObject({ min: z.number(), max: z.number().nullable() }).exactOptional(),
  city: z.string().exactOptional(),
  propertyType: propertyType.exactOptional(),
};

export const searchCriteriaSchema: z.ZodType<SearchCriteria> = z.looseObject(searchCriteriaShape);
