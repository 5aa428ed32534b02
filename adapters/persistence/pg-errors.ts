import { Conflict } from '../../application/ports/conflict.ts';

type PgErrorFields = { readonly code?: unknown; readonly constraint_name?: unknown; readonly constraint?: unknown };

/** The driver error behind drizzle's wrapper (postgres.js and PGlite name their fields differently). */
const driverError = (error: unknown): PgErrorFields | null => {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    if (typeof (e as PgErrorFields).code === 'string') return e as PgErrorFields;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
};

/** The SQLSTATE of a database error, or `null` for anything else. */
export const sqlState = (error: unknown): string | null => {
  const code = driverError(error)?.code;
  return typeof code === 'string' ? code : null;
};

export const constraintOf = (error: unknown): string | null => {
  const found = driverError(error);
  const name = found?.constraint_name ?? found?.constraint;
  return typeof name === 'string' ? name : null;
};

const UNIQUE_VIOLATION = '23505';
/** Serialization failure and deadlock: the transaction lost a race and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryableRace = (error: unknown): boolean =>
  error instanceof Conflict || RETRYABLE.has(sqlState(error) ?? '');

/**
 * Runs a write and turns a unique violation into a domain `Conflict`; `keyOf` names the taken key
 * from the constraint that was violated.
 */
export const conflictOnUnique = async <T>(
  entity: string,
  keyOf: (constraint: string | null) => string,
  write: () => Promise<T>,
): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new Conflict(entity, keyOf(constraintOf(error)));
    throw error;
  }
};

/** A race lost for good (retries used up) is reported as the domain conflict, not as a driver error. */
export const asConflict = (error: unknown): unknown =>
  error instanceof Conflict || !RETRYABLE.has(sqlState(error) ?? '')
    ? error
    : new Conflict('transaction', sqlState(error) ?? '');
