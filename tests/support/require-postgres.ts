/**
 * The PostgreSQL URL for tests that need a real server (several processes on one database): from
 * TEST_DATABASE_URL, refused when its database name lacks "test". `null` locally without one, so
 * such tests show as skipped; with CI=true its absence fails the run instead.
 */
export const postgresForTests = (): string | null => {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    if (process.env.CI === 'true')
      throw new Error('CI=true but TEST_DATABASE_URL is not set: these tests need PostgreSQL');
    return null;
  }
  if (!new URL(url).pathname.includes('test'))
    throw new Error(`refusing to run against ${new URL(url).pathname}: its name lacks "test"`);
  return url;
};
