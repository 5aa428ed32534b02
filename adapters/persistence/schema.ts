// The database schema, one module per area; drizzle-kit generates the migrations from these exports.
export * from './schema/catalog.ts';
export * from './schema/inbox.ts';
export * from './schema/leads.ts';
export * from './schema/messaging.ts';
export * from './schema/organisation.ts';
export * from './schema/quotes.ts';
export * from './schema/rate-limits.ts';
export * from './schema/media-fetches.ts';
export * from './schema/data-subjects.ts';
