import { Conflict } from '../ports/conflict.ts';
import { type InboxFailure, UnreadableInboxEntry } from '../ports/inbox-repository.ts';

type Fields = {
  readonly code?: unknown;
  readonly constraint_name?: unknown;
  readonly constraint?: unknown;
  readonly cause?: unknown;
};

/** The first error in the `cause` chain that carries a SQLSTATE (drizzle wraps the driver's error). */
const databaseError = (error: unknown): Fields | null => {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const { code } = e as Fields;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as Fields;
    e = (e as Fields).cause;
  }
  return null;
};

const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\W+/g, '_')
    .toLowerCase() || 'error';

/**
 * What is kept of a failed try: a stable code and a short reason. Never the error's message: a database
 * driver's names the query's values (a lead's phone, their message), which must not reach the inbox table's
 * error column, the dead-letter list or the logs. SQLSTATEs and constraint names are kept: they say what broke.
 */
export const inboxFailureOf = (error: unknown): InboxFailure => {
  // Its key may be a phone or a user id: the entity only.
  if (error instanceof Conflict) return { code: 'conflict', reason: `Conflict on ${error.entity}` };
  // Its message names the value, the version and where its shape broke, never the data.
  if (error instanceof UnreadableInboxEntry) return { code: 'unreadable_entry', reason: error.message };
  const database = databaseError(error);
  if (database !== null) {
    const constraint = database.constraint_name ?? database.constraint;
    const on = typeof constraint === 'string' && /^\w{1,63}$/.test(constraint) ? ` on ${constraint}` : '';
    return { code: `sqlstate_${String(database.code)}`, reason: `Database error ${String(database.code)}${on}` };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { code: snake(name), reason: name };
};
