import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { otherChange, sign, webhookOf } from '../builders/meta-webhook-payloads.ts';
import { T0 } from '../support/desk-harness.ts';

const ADMIN = 'test-admin-key-0123456789abcdef0123';
const APP_SECRET = 'test-app-secret-0123456789abcdef0123';
const META = {
  WHATSAPP_ACCESS_TOKEN: 'test-access-token',
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: 'test-verify-token',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
};

/** What @hono/node-server hands the app as its environment: the request's socket, with its peer address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** The assembled app (in-memory storage, fixed clock) and a way to call it from a given client address. */
const start = async (env: Readonly<Record<string, string>> = {}) => {
  const clock = new FixedClock(T0 + 15_000);
  const limiter = new InMemoryRateLimiter();
  const config = loadConfig({ LOG_LEVEL: 'silent', CRM_ADMIN_API_KEY: ADMIN, ...env });
  const container = buildContainer(config, [
    override(TOKENS.Clock, clock),
    override(TOKENS.IdGenerator, new SequentialIdGenerator()),
    override(TOKENS.RateLimiter, limiter),
  ]);
  await seedDemo(container.get(TOKENS.UnitOfWork), config.whatsapp.phoneNumberId ?? undefined);
  const app = container.get(TOKENS.HttpApp);
  const call = (ip: string, path: string, key: string | null, init: RequestInit = {}) =>
    app.request(
      path,
      { ...init, headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...init.headers } },
      from(ip),
    );
  const issueKey = async (userId: string): Promise<string> => {
    const res = await call('127.0.0.1', `/api/v1/users/${userId}/api-keys`, ADMIN, {
      method: 'POST',
      body: JSON.stringify({ label: 'test' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  };
  return { app, clock, limiter, call, issueKey };
};

const expectRateLimited = async (res: Response, retryAfter: number) => {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.headers.get('retry-after')).toBe(String(retryAfter));
  expect(await res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
};

describe('the request budget of an API key', () => {
  it('answers 429 with Retry-After once a key has spent its budget, other keys unaffected, until the window ends', async () => {
    const { call, clock, issueKey } = await start({ API_KEY_REQUESTS_PER_MINUTE: '3' });
    const advisor = await issueKey('u-ana');
    for (let i = 0; i < 3; i++) expect((await call('10.0.0.1', '/api/v1/me', advisor)).status).toBe(200);

    // 15 s into the window: 45 s until it ends, whichever address the key comes from.
    await expectRateLimited(await call('10.0.0.2', '/api/v1/me', advisor), 45);
    expect((await call('10.0.0.1', '/api/v1/me', ADMIN)).status).toBe(200);

    clock.advance(45_000);
    expect((await call('10.0.0.1', '/api/v1/me', advisor)).status).toBe(200);
  });
});

describe('authentication failures per client address', () => {
  it('answers 429 to an address after too many failures, even with a valid key; other addresses are unaffected', async () => {
    const { call, clock } = await start({ AUTH_FAILURES_PER_MINUTE: '3' });
    expect((await call('203.0.113.7', '/api/v1/me', null)).status).toBe(401);
    expect((await call('203.0.113.7', '/api/v1/me', 'ld_wrong')).status).toBe(401);
    expect((await call('203.0.113.7', '/api/v1/leads', 'ld_guess')).status).toBe(401);

    await expectRateLimited(await call('203.0.113.7', '/api/v1/me', ADMIN), 45);
    await expectRateLimited(await call('203.0.113.7', '/api/v1/me', 'ld_another_guess'), 45);
    expect((await call('203.0.113.8', '/api/v1/me', ADMIN)).status).toBe(200);
    expect((await call('203.0.113.8', '/api/v1/me', 'ld_wrong')).status).toBe(401);

    clock.advance(45_000);
    expect((await call('203.0.113.7', '/api/v1/me', ADMIN)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', async () => {
    const untrusted = await start({ AUTH_FAILURES_PER_MINUTE: '2' });
    const spoofed = (client: string) => ({ headers: { 'x-forwarded-for': client } });
    expect((await untrusted.call('10.0.0.9', '/api/v1/me', 'ld_x', spoofed('198.51.100.1'))).status).toBe(401);
    expect((await untrusted.call('10.0.0.9', '/api/v1/me', 'ld_x', spoofed('198.51.100.2'))).status).toBe(401);
    expect((await untrusted.call('10.0.0.9', '/api/v1/me', ADMIN, spoofed('198.51.100.3'))).status).toBe(429);

    const proxied = await start({ AUTH_FAILURES_PER_MINUTE: '2', TRUSTED_PROXIES: '10.0.0.9' });
    expect((await proxied.call('10.0.0.9', '/api/v1/me', 'ld_x', spoofed('198.51.100.1'))).status).toBe(401);
    expect((await proxied.call('10.0.0.9', '/api/v1/me', 'ld_x', spoofed('198.51.100.1'))).status).toBe(401);
    expect((await proxied.call('10.0.0.9', '/api/v1/me', ADMIN, spoofed('198.51.100.1'))).status).toBe(429);
    // A client cannot escape by prepending an address of its own: the proxy appended the one it saw.
    expect((await proxied.call('10.0.0.9', '/api/v1/me', ADMIN, spoofed('192.0.2.1, 198.51.100.1'))).status).toBe(429);
    expect((await proxied.call('10.0.0.9', '/api/v1/me', ADMIN, spoofed('198.51.100.2'))).status).toBe(200);
  });
});

describe('POST /webhooks/whatsapp with bad signatures', () => {
  const body = JSON.stringify(webhookOf(otherChange()));
  const post = (desk: Awaited<ReturnType<typeof start>>, ip: string, signature: string) =>
    desk.app.request(
      '/webhooks/whatsapp',
      { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } },
      from(ip),
    );

  it('answers 429 to an address past its limit of bad signatures, yet lets its good ones through', async () => {
    const desk = await start({ ...META, WEBHOOK_BAD_SIGNATURES_PER_MINUTE: '2' });
    const forged = sign('not-the-app-secret', body);
    expect((await post(desk, '198.51.100.20', forged)).status).toBe(401);
    expect((await post(desk, '198.51.100.20', forged)).status).toBe(401);
    await expectRateLimited(await post(desk, '198.51.100.20', forged), 45);
    expect((await post(desk, '198.51.100.21', forged)).status).toBe(401);

    const meta = await post(desk, '198.51.100.20', sign(APP_SECRET, body));
    expect(meta.status).toBe(200);
    expect(await meta.json()).toEqual({ received: true });
  });

  it('never counts a good signature: the limiter holds nothing after any number of them', async () => {
    const desk = await start({ ...META, WEBHOOK_BAD_SIGNATURES_PER_MINUTE: '1' });
    for (let i = 0; i < 5; i++) expect((await post(desk, '198.51.100.30', sign(APP_SECRET, body))).status).toBe(200);
    expect(desk.limiter.size).toBe(0);
  });
});
