import { customType, timestamp } from 'drizzle-orm/pg-core';

/** An instant, stored as `timestamp with time zone` and read back as a `Date` (converted to epoch ms by the repositories). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw bytes; postgres.js hands back a `Buffer`, PGlite a `Uint8Array`, both are copied into a plain `Uint8Array`. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});
