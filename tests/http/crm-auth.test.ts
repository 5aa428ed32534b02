import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { startDesk } from '../support/desk-harness.ts';

const ADMIN_KEY = 'admin-key-for-crm-auth-tests-0123456789';
const json = { 'Content-Type': 'application/json' };
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

const startApi = async () => {
  const desk = await startDesk(undefined, null, { CRM_ADMIN_API_KEY: ADMIN_KEY });
  const app = desk.container.get(TOKENS.HttpApp);
  const call = (method: string, path: string, key: string | null, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...(key === null ? {} : bearer(key)), ...(body === undefined ? {} : json) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { desk, app, call };
};

/** The admin creates an advisor and issues them a key. */
const anAdvisorWithKey = async (call: Awaited<ReturnType<typeof startApi>>['call']) => {
  const created = await call('POST', '/api/v1/users', ADMIN_KEY, {
    name: 'Laura Pérez',
    email: 'laura.api@example.com',
    role: 'advisor',
  });
  expect(created.status).toBe(201);
  const user = (await created.json()) as { id: string; role: string; active: boolean };
  const issued = await call('POST', `/api/v1/users/${user.id}/api-keys`, ADMIN_KEY, { label: 'Laura laptop' });
  expect(issued.status).toBe(201);
  expect(issued.headers.get('Cache-Control')).toBe('no-store');
  const body = (await issued.json()) as {
    key: string;
    apiKey: { id: string; userId: string; revokedAt: string | null };
  };
  return { user, key: body.key, apiKey: body.apiKey };
};

describe('CRM API authentication', () => {
  it('answers 401 problem with a Bearer challenge without a key or with a wrong one', async () => {
    const { call } = await startApi();
    for (const key of [null, 'ld_wrong']) {
      const res = await call('GET', '/api/v1/me', key);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('lets the bootstrap admin key create an advisor whose key works on /me but not on admin routes', async () => {
    const { call } = await startApi();
    expect(await (await call('GET', '/api/v1/me', ADMIN_KEY)).json()).toEqual({
      kind: 'bootstrap-admin',
      role: 'admin',
      userId: null,
    });

    const { user, key, apiKey } = await anAdvisorWithKey(call);
    expect(user).toMatchObject({ role: 'advisor', active: true });
    expect(key).toMatch(/^ld_/);
    expect(apiKey).toMatchObject({ userId: user.id, revokedAt: null });

    const me = await call('GET', '/api/v1/me', key);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ kind: 'user', role: 'advisor', userId: user.id });

    const refused = await call('POST', '/api/v1/users', key, { name: 'Intruder', email: null, role: 'admin' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });
    expect((await call('GET', '/api/v1/users', key)).status).toBe(403);
  });

  it('lists users for the admin, and maps use-case refusals and invalid bodies to problems', async () => {
    const { call } = await startApi();
    const { user } = await anAdvisorWithKey(call);
    const list = (await (await call('GET', '/api/v1/users', ADMIN_KEY)).json()) as { users: { id: string }[] };
    expect(list.users.map((u) => u.id)).toContain(user.id);

    const again = await call('POST', '/api/v1/users', ADMIN_KEY, {
      name: 'Laura Bis',
      email: 'laura.api@example.com',
      role: 'advisor',
    });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([409, 'email_already_used']);
    const badRole = await call('POST', '/api/v1/users', ADMIN_KEY, { name: 'X', role: 'boss' });
    expect([badRole.status, ((await badRole.json()) as { code: string }).code]).toEqual([422, 'validation_failed']);
    const noUser = await call('POST', '/api/v1/users/user_nobody/api-keys', ADMIN_KEY, { label: 'x' });
    expect([noUser.status, ((await noUser.json()) as { code: string }).code]).toEqual([404, 'user_not_found']);
  });

  it('refuses a revoked key, and stores only the hash of a key', async () => {
    const { call, desk } = await startApi();
    const { user, key, apiKey } = await anAdvisorWithKey(call);

    const stored = await desk.read((r) => r.apiKeys.byUser(asId<UserId>(user.id)));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored[0]?.hash).toBe(desk.container.get(TOKENS.ApiKeySecrets).hash(key));

    const revoked = await call('DELETE', `/api/v1/api-keys/${apiKey.id}`, ADMIN_KEY);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await call('GET', '/api/v1/me', key)).status).toBe(401);
    expect((await call('DELETE', '/api/v1/api-keys/key_nothing', ADMIN_KEY)).status).toBe(404);
  });
});

describe('CRM API reference', () => {
  const paths = ['/api/v1/me', '/api/v1/users', '/api/v1/users/{id}/api-keys', '/api/v1/api-keys/{id}'];

  it('serves the OpenAPI 3.1 document, without a key, with the bearer scheme', async () => {
    const { app } = await startApi();
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: unknown };
      security: unknown;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(paths));
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('serves a self-contained HTML page naming every route', async () => {
    const { app } = await startApi();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    const html = await res.text();
    for (const path of paths) expect(html).toContain(path);
    expect(html).toContain('Authorization: Bearer');
    expect(html).not.toMatch(/<script|https?:\/\/(?!example)/);
  });
});
