import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk } from '../support/desk-harness.ts';

const ADMIN_KEY = 'admin-key-for-crm-user-access-tests-0123';
const json = { 'Content-Type': 'application/json' };

const startApi = async () => {
  const desk = await startDesk(undefined, null, { CRM_ADMIN_API_KEY: ADMIN_KEY });
  const app = desk.container.get(TOKENS.HttpApp);
  const call = (method: string, path: string, key: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : json) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** A new user of this role, with a key of their own. */
  const userWithKey = async (role: string, name: string) => {
    const created = await call('POST', '/api/v1/users', ADMIN_KEY, { name, email: null, role });
    const user = (await created.json()) as { id: string };
    const issued = await call('POST', `/api/v1/users/${user.id}/api-keys`, ADMIN_KEY, { label: `${name} laptop` });
    const { key, apiKey } = (await issued.json()) as { key: string; apiKey: { id: string } };
    return { id: user.id, key, keyId: apiKey.id };
  };
  return { desk, app, call, userWithKey };
};

const problemOf = async (res: Response) => [res.status, ((await res.json()) as { code: string }).code];

describe('GET /api/v1/users/{id}/api-keys', () => {
  it("lists a user's keys for an admin and for the user, with creation, last use and revocation, never the key", async () => {
    const { call, userWithKey, desk } = await startApi();
    const laura = await userWithKey('advisor', 'Laura');
    const spare = await call('POST', `/api/v1/users/${laura.id}/api-keys`, ADMIN_KEY, { label: 'Spare' });
    const spareId = ((await spare.json()) as { apiKey: { id: string } }).apiKey.id;
    await call('DELETE', `/api/v1/api-keys/${spareId}`, ADMIN_KEY);
    expect((await call('GET', '/api/v1/me', laura.key)).status).toBe(200);

    const res = await call('GET', `/api/v1/users/${laura.id}/api-keys`, ADMIN_KEY);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as { apiKeys: Record<string, unknown>[] };
    const now = new Date(desk.clock.now()).toISOString();
    expect(body.apiKeys).toEqual([
      { id: laura.keyId, userId: laura.id, label: 'Laura laptop', createdAt: now, lastUsedAt: now, revokedAt: null },
      { id: spareId, userId: laura.id, label: 'Spare', createdAt: now, lastUsedAt: null, revokedAt: now },
    ]);
    const hash = desk.container.get(TOKENS.ApiKeySecrets).hash(laura.key);
    expect(JSON.stringify(body)).not.toContain(laura.key);
    expect(JSON.stringify(body)).not.toContain(hash);

    const own = await call('GET', `/api/v1/users/${laura.id}/api-keys`, laura.key);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { apiKeys: unknown[] }).apiKeys).toHaveLength(2);
  });

  it("refuses another user's keys to anyone but an admin, and answers 404 for no such user", async () => {
    const { call, userWithKey } = await startApi();
    const laura = await userWithKey('advisor', 'Laura');
    const boss = await userWithKey('manager', 'Jefa');
    expect(await problemOf(await call('GET', `/api/v1/users/${laura.id}/api-keys`, boss.key))).toEqual([
      403,
      'forbidden',
    ]);
    expect(await problemOf(await call('GET', `/api/v1/users/${boss.id}/api-keys`, laura.key))).toEqual([
      403,
      'forbidden',
    ]);
    expect(await problemOf(await call('GET', '/api/v1/users/user_nobody/api-keys', ADMIN_KEY))).toEqual([
      404,
      'user_not_found',
    ]);
  });
});

describe('POST /api/v1/users/{id}/deactivate and /reactivate', () => {
  it("stops the user's key on the next request, closes their open event stream, and reactivation restores the key", async () => {
    const { app, call, userWithKey } = await startApi();
    const laura = await userWithKey('advisor', 'Laura');
    const stream = await app.request('/api/v1/events', { headers: { Authorization: `Bearer ${laura.key}` } });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': connected');

    const off = await call('POST', `/api/v1/users/${laura.id}/deactivate`, ADMIN_KEY);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id: laura.id, active: false });
    expect(await problemOf(await call('GET', '/api/v1/me', laura.key))).toEqual([401, 'unauthenticated']);
    const ended = await Promise.race([
      (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
        return 'ended';
      })(),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000)),
    ]);
    expect(ended).toBe('ended');
    const listed = (await (await call('GET', '/api/v1/users', ADMIN_KEY)).json()) as {
      users: { id: string; active: boolean }[];
    };
    expect(listed.users.find((u) => u.id === laura.id)?.active).toBe(false);
    expect(
      await problemOf(await call('POST', `/api/v1/users/${laura.id}/api-keys`, ADMIN_KEY, { label: 'x' })),
    ).toEqual([409, 'user_inactive']);

    const on = await call('POST', `/api/v1/users/${laura.id}/reactivate`, ADMIN_KEY);
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ id: laura.id, active: true });
    expect((await call('GET', '/api/v1/me', laura.key)).status).toBe(200);
  });

  it('is for admins only, answers 404 for no such user, and an admin may not deactivate themselves', async () => {
    const { call, userWithKey } = await startApi();
    const laura = await userWithKey('advisor', 'Laura');
    const boss = await userWithKey('manager', 'Jefa');
    const admin = await userWithKey('admin', 'Admin');
    expect(await problemOf(await call('POST', `/api/v1/users/${laura.id}/deactivate`, boss.key))).toEqual([
      403,
      'forbidden',
    ]);
    expect(await problemOf(await call('POST', `/api/v1/users/${laura.id}/reactivate`, laura.key))).toEqual([
      403,
      'forbidden',
    ]);
    expect(await problemOf(await call('POST', '/api/v1/users/user_nobody/deactivate', ADMIN_KEY))).toEqual([
      404,
      'user_not_found',
    ]);
    expect(await problemOf(await call('POST', '/api/v1/users/user_nobody/reactivate', ADMIN_KEY))).toEqual([
      404,
      'user_not_found',
    ]);
    expect(await problemOf(await call('POST', `/api/v1/users/${admin.id}/deactivate`, admin.key))).toEqual([
      409,
      'cannot_deactivate_self',
    ]);
    expect((await call('POST', `/api/v1/users/${laura.id}/deactivate`, admin.key)).status).toBe(200);
  });

  it('are documented in the OpenAPI document', async () => {
    const { app } = await startApi();
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/users/{id}/api-keys'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(doc.paths['/api/v1/users/{id}/deactivate']).toHaveProperty('post');
    expect(doc.paths['/api/v1/users/{id}/reactivate']).toHaveProperty('post');
  });
});
