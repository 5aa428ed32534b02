import { afterEach, describe, expect, it } from 'vitest';
import { spawnApp } from '../support/app-process.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN_KEY = 'user-deactivation-admin-key-0123456789abc';

const until = (done: () => boolean, what: string, timeoutMs = 10_000): Promise<true> =>
  eventually(done, { what, timeoutMs });

describe.skipIf(postgresForTests() === null)('deactivating a user on one instance of two', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("refuses the user's key on the other instance at once and closes their event stream there", async () => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    cleanups.push(database.drop);
    const env = { DATABASE_URL: database.url, CRM_ADMIN_API_KEY: ADMIN_KEY };
    const a = await spawnApp(env);
    cleanups.push(a.stop);
    const b = await spawnApp(env);
    cleanups.push(b.stop);
    const call = (url: string, method: string, path: string, key: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const user = (await (
      await call(a.url, 'POST', '/api/v1/users', ADMIN_KEY, { name: 'Laura', email: null, role: 'advisor' })
    ).json()) as { id: string };
    const { key } = (await (
      await call(a.url, 'POST', `/api/v1/users/${user.id}/api-keys`, ADMIN_KEY, { label: 'CRM' })
    ).json()) as { key: string };
    expect((await call(b.url, 'GET', '/api/v1/me', key)).status).toBe(200);

    const stream = new AbortController();
    cleanups.push(async () => stream.abort());
    const response = await fetch(`${b.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: stream.signal,
    });
    let text = '';
    let ended = false;
    void (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body ?? []) text += decoder.decode(chunk as Uint8Array);
      ended = true;
    })().catch(() => undefined);
    await until(() => text.includes(': connected'), 'the stream on B to open');

    expect((await call(a.url, 'POST', `/api/v1/users/${user.id}/deactivate`, ADMIN_KEY)).status).toBe(200);
    // The very next request on B, with no pause: B reads the user from the database, not from a cache.
    expect((await call(b.url, 'GET', '/api/v1/me', key)).status).toBe(401);
    await until(() => ended, "B to close the deactivated user's stream");

    expect((await call(b.url, 'POST', `/api/v1/users/${user.id}/reactivate`, ADMIN_KEY)).status).toBe(200);
    expect((await call(a.url, 'GET', '/api/v1/me', key)).status).toBe(200);
    const keys = (await (await call(a.url, 'GET', `/api/v1/users/${user.id}/api-keys`, ADMIN_KEY)).json()) as {
      apiKeys: { lastUsedAt: string | null }[];
    };
    expect(keys.apiKeys[0]?.lastUsedAt).not.toBeNull();
  }, 120_000);
});
