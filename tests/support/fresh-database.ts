import postgres from 'postgres';

/**
 * A new, empty PostgreSQL database on the test server (its name contains "test"), for tests that run
 * the app as child processes. `null` when no TEST_DATABASE_URL is set.
 */
export const freshPostgresDatabase = async (): Promise<{ url: string; drop(): Promise<void> } | null> => {
  const base = process.env.TEST_DATABASE_URL;
  if (base === undefined || base === '') return null;
  const name = `test_app_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
};
