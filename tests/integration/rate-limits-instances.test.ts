import { afterEach, describe, expect, it } from 'vitest';
import { spawnApp, type AppProcess } from '../support/app-process.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN = 'test-admin-key-0123456789abcdef0123';
const postgres = postgresForTests();

/** Windows are whole minutes: start a burst early in one, so it cannot straddle two. */
const earlyInAMinute = async (): Promise<void> => {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 50));
};

const me = (app: AppProcess, key: string | null, query = '') =>
  fetch(`${app.url}/api/v1/me${query}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } });

const servedLines = (app: AppProcess): Record<string, unknown>[] =>
  app
    .output()
    .split('\n')
    .filter((line) => line.includes('"http_request_served"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe.skipIf(postgres === null)('rate limits across two app processes on one PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const twoInstances = async (env: Readonly<Record<string, string>>): Promise<[AppProcess, AppProcess]> => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    cleanups.push(database.drop);
    const all = { DATABASE_URL: database.url, CRM_ADMIN_API_KEY: ADMIN, LOG_LEVEL: 'info', ...env };
    const first = await spawnApp(all);
    cleanups.push(first.stop);
    const second = await spawnApp(all);
    cleanups.push(second.stop);
    return [first, second];
  };

  it('share one request budget per API key: requests spread over both spend it together', async () => {
    const [a, b] = await twoInstances({ API_KEY_REQUESTS_PER_MINUTE: '6' });
    await earlyInAMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await me(i % 2 === 0 ? a : b, ADMIN)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    for (const app of [a, b]) {
      const refused = await me(app, ADMIN);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
  });

  it('share the count of authentication failures per client address, and log each request without its query', async () => {
    const [a, b] = await twoInstances({ AUTH_FAILURES_PER_MINUTE: '4' });
    await earlyInAMinute();
    expect((await me(a, ADMIN, '?lookup=secret-query-value')).status).toBe(200);
    const failures = [await me(a, null), await me(b, 'ld_wrong'), await me(a, 'ld_guess'), await me(b, null)];
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401]);

    for (const app of [a, b]) {
      const blocked = await me(app, ADMIN);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }

    const served = await eventually(() => {
      const lines = [...servedLines(a), ...servedLines(b)].filter((line) => line['route'] === '/api/v1/me');
      expect(lines.map((line) => line['status']).sort()).toEqual([200, 401, 401, 401, 401, 429, 429]);
      return lines;
    });
    for (const line of served) {
      expect(line).toMatchObject({ level: 30, method: 'GET', clientIp: '127.0.0.1', durationMs: expect.any(Number) });
    }
    expect(a.output() + b.output()).not.toContain('secret-query-value');
  });
});
