/**
 * Database errors without the data. postgres.js and PGlite put the statement's parameters on their errors
 * (PGlite as plain fields), PostgreSQL's `detail` and `where` quote the row or the key's value
 * (`Key (phone)=(+57…) already exists`), and drizzle wraps every failure in an error whose message lists the
 * parameters (`Failed query: … params: …`). Here is what may be said about such an error anywhere: its
 * SQLSTATE, the names of what it hit, and a message with nothing from the data.
 */

/** What a database error may say: codes and names, never a value. */
export type StorageFacts = {
  readonly code: string;
  readonly severity: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly schema?: string;
  readonly dataType?: string;
  readonly routine?: string;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Our field name, then postgres.js's and PGlite's. */
const NAMES = [
  ['constraint', 'constraint_name', 'constraint'],
  ['table', 'table_name', 'table'],
  ['column', 'column_name', 'column'],
  ['schema', 'schema_name', 'schema'],
  ['dataType', 'data_type_name', 'dataType'],
  ['routine', 'routine', 'routine'],
] as const;

/** The facts of a PostgreSQL error as postgres.js or PGlite throws it (not of a wrapper); `null` for anything else. */
export const storageFacts = (error: unknown): StorageFacts | null => {
  if (typeof error !== 'object' || error === null) return null;
  const fields = error as Record<string, unknown>;
  const { code, severity } = fields;
  if (typeof code !== 'string' || !SQLSTATE.test(code) || typeof severity !== 'string') return null;
  const names: Record<string, string> = {};
  for (const [name, postgresJs, pglite] of NAMES) {
    const value = fields[postgresJs] ?? fields[pglite];
    if (typeof value === 'string' && value !== '') names[name] = value;
  }
  return { code, severity, ...names };
};

const DRIZZLE_PREFIX = 'Failed query: ';
const MAX_SQL = 1_000;

/**
 * Text with drizzle's "Failed query: <sql>\nparams: <values>" in it, cut before the values (the SQL has
 * placeholders) and everything after them; other text as it is.
 */
export const withoutParams = (text: string): string => {
  const start = text.indexOf(DRIZZLE_PREFIX);
  if (start === -1) return text;
  const end = text.indexOf('\nparams:', start);
  const kept = end === -1 ? text : text.slice(0, end);
  return kept.length > start + MAX_SQL ? `${kept.slice(0, start + MAX_SQL)}…` : kept;
};

/**
 * SQLSTATE classes whose messages name only objects and SQL (connection, integrity, transaction state, rollback,
 * syntax and access, resources, operator intervention). Others, data exceptions (22) above all, quote the data:
 * `value "+573001234567" is out of range for type integer`.
 */
const NAMES_ONLY_CLASSES = new Set(['08', '23', '25', '40', '42', '53', '57']);

const maskQuoted = (text: string): string => text.replace(/"(?:[^"]|"")*"/g, '"…"').replace(/: [\s\S]*$/, ': …');

/** An error's message with nothing from the data in it. */
export const valueFreeMessage = (error: { readonly message: string }): string => {
  const facts = storageFacts(error);
  if (facts !== null && !NAMES_ONLY_CLASSES.has(facts.code.slice(0, 2))) return maskQuoted(error.message);
  return withoutParams(error.message);
};

/** The first database error in a chain of causes. */
const driverErrorIn = (error: unknown): (Error & StorageFacts) | null => {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) {
    if (storageFacts(e) !== null) return e as Error & StorageFacts;
  }
  return null;
};

const isDrizzleQueryError = (error: unknown): error is Error =>
  error instanceof Error && error.message.startsWith(DRIZZLE_PREFIX);

/** The stack's frames under a new first line, so the old message (and what it quoted) is gone. */
const restack = (header: string, original: Error): string => {
  const frames = (original.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
};

/**
 * A failed statement as the rest of the app sees it: the message says the SQLSTATE, the constraint and the
 * table, never a value, so whoever logs or stores `error.message` leaks nothing. Its cause is the driver's
 * error, which a log serializer must still filter.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: string | null;
  readonly constraint: string | null;
  readonly table: string | null;
  readonly column: string | null;
  /** The statement with its placeholders, never its values. */
  readonly statement: string | null;

  constructor(wrapper: Error, driver: Error | null) {
    const facts = storageFacts(driver);
    const code = facts?.code ?? codeOf(driver);
    const what = [code, facts?.constraint && `constraint ${facts.constraint}`, facts?.table && `table ${facts.table}`]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(', ');
    super(
      `Storage failed${what === '' ? '' : ` (${what})`}: ${valueFreeMessage(driver ?? wrapper)}`,
      driver === null ? {} : { cause: driver },
    );
    this.code = code;
    this.constraint = facts?.constraint ?? null;
    this.table = facts?.table ?? null;
    this.column = facts?.column ?? null;
    this.statement = isDrizzleQueryError(wrapper) ? withoutParams(wrapper.message).slice(DRIZZLE_PREFIX.length) : null;
    this.stack = restack(`${this.name}: ${this.message}`, wrapper);
  }
}

const codeOf = (error: Error | null): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/**
 * What the persistence adapter lets out: a failed statement (drizzle's wrapper, or a driver error) as a
 * `StorageError`; anything else (a domain `Conflict`, a bug in the work) as it is.
 */
export const valueFree = (error: unknown): unknown => {
  if (!(error instanceof Error) || error instanceof StorageError) return error;
  if (isDrizzleQueryError(error))
    return new StorageError(error, driverErrorIn(error) ?? (error.cause instanceof Error ? error.cause : null));
  return storageFacts(error) === null ? error : new StorageError(error, error);
};
