import { storageFacts, valueFreeMessage, withoutParams } from '../adapters/persistence/storage-error.ts';

/**
 * How errors appear in the log (pino's `err` and `error` keys): type, a message with nothing from the data,
 * the stack, codes and names, and the chain of causes — never the other fields errors carry. pino's own
 * serializer copies every enumerable field and joins the causes' messages, which put drizzle's parameters,
 * PostgreSQL's `detail` (`Key (phone)=(+57…)`) and PGlite's `params` into the log.
 */
export type LoggedError = Record<string, unknown>;

/** Besides type, message and stack, what an error may bring into a log line: codes, names and ids. */
const SAFE_FIELDS = [
  'code',
  'errno',
  'syscall',
  'status',
  'statusCode',
  'constraint',
  'table',
  'column',
  'statement',
  'entity',
  'key',
] as const;
/** Hoisted from a cause onto the logged error, so a dashboard finds the SQLSTATE at `err.code`. */
const HOISTED = ['code', 'constraint', 'table', 'column'] as const;
const MAX_CAUSES = 5;

type ErrorLike = {
  readonly message: string;
  readonly stack?: unknown;
  readonly cause?: unknown;
  readonly name?: unknown;
};

const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error ||
  (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string');

/** PGlite's bundle minifies its `DatabaseError` class name. */
const typeOf = (error: ErrorLike, isDatabaseError: boolean): string => {
  const name = (error as object).constructor?.name ?? 'Object';
  return isDatabaseError && name.length <= 2 ? 'DatabaseError' : name;
};

/** The stack with the message as logged; only the frames when the original message cannot be found in it. */
const stackOf = (error: ErrorLike, message: string): string | undefined => {
  if (typeof error.stack !== 'string') return undefined;
  if (message === error.message) return error.stack;
  if (error.stack.includes(error.message)) return error.stack.replace(error.message, () => message);
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${typeof error.name === 'string' ? error.name : 'Error'}: ${message}`, ...frames].join('\n');
};

const serialize = (error: ErrorLike, seen: Set<unknown>): LoggedError => {
  seen.add(error);
  const facts = storageFacts(error);
  const message = valueFreeMessage(error);
  const logged: LoggedError = { type: typeOf(error, facts !== null), message };
  const stack = stackOf(error, message);
  if (stack !== undefined) logged['stack'] = stack;
  if (facts !== null) Object.assign(logged, facts);
  else {
    for (const field of SAFE_FIELDS) {
      const value = (error as Record<string, unknown>)[field];
      if (typeof value === 'string' || typeof value === 'number')
        logged[field] = typeof value === 'string' ? withoutParams(value) : value;
    }
  }
  if (error instanceof AggregateError) logged['errors'] = error.errors.slice(0, MAX_CAUSES).map((e) => safeError(e));
  if (isErrorLike(error.cause) && !seen.has(error.cause) && seen.size < MAX_CAUSES)
    logged['cause'] = serialize(error.cause, seen);
  return logged;
};

const hoist = (logged: LoggedError): LoggedError => {
  let cause = logged['cause'] as LoggedError | undefined;
  while (logged['code'] === undefined && cause !== undefined) {
    for (const field of HOISTED)
      if (cause[field] !== undefined && logged[field] === undefined) logged[field] = cause[field];
    cause = cause['cause'] as LoggedError | undefined;
  }
  return logged;
};

/** The serializer: errors (and error-like objects) as above, text without drizzle's parameters, anything else as is. */
export const safeError = (value: unknown): unknown => {
  if (typeof value === 'string') return withoutParams(value);
  return isErrorLike(value) ? hoist(serialize(value, new Set())) : value;
};

/** The message pino logs for `logger.error(error)` or `logger.error({ err })` with no message of its own. */
export const safeMessageOf = (value: unknown): string | undefined =>
  isErrorLike(value) ? valueFreeMessage(value) : undefined;
