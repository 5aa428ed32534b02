import { defineConfig } from 'drizzle-kit';

// Only drizzle-kit reads this (to generate migrations); the app applies them with `migrate()` at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: './adapters/persistence/schema.ts',
  out: './adapters/persistence/migrations',
  dbCredentials: {
    url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/lead_desk',
  },
  strict: true,
  verbose: true,
});
