import { customType, jsonb, timestamp } from 'drizzle-orm/pg-core';

/** An instant, stored as `timestamp with time zone` and read back as a `Date` (converted to epoch ms by the repositories). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw bytes; postgres.js hands back a `Buffer`, PGlite a `Uint8Array`, both are copied into a plain `Uint8Array`. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A domain value as JSONB, in a versioned envelope (`codecs/stored-codec.ts`): typed `unknown` so that it is
 * only ever written by its codec's `encode` and read through its `decode`. No query reaches into it: what a
 * query needs is a column of its own.
 */
export const storedJson = (name: string) => jsonb(name).$type<unknown>();
