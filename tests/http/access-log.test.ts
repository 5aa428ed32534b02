import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { createLogger } from '../../bootstrap/logger.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { T0 } from '../support/desk-harness.ts';

const ADMIN = 'test-admin-key-0123456789abcdef0123';
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** The assembled app logging JSON lines at info into memory. */
const start = async () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({ LOG_LEVEL: 'info', CRM_ADMIN_API_KEY: ADMIN });
  const container = buildContainer(config, [
    override(TOKENS.Clock, new FixedClock(T0)),
    override(TOKENS.Logger, createLogger({ level: 'info', destination })),
  ]);
  await seedDemo(container.get(TOKENS.UnitOfWork));
  const app = container.get(TOKENS.HttpApp);
  const served = () => lines.filter((l) => l['event'] === 'http_request_served');
  return { app, lines, served };
};

describe('access log', () => {
  it('writes one info line per request: method, route pattern, status, duration and client address', async () => {
    const { app, served } = await start();
    await app.request('/health', {}, from('203.0.113.50'));
    await app.request(
      '/api/v1/leads/lead-none',
      { headers: { authorization: `Bearer ${ADMIN}` } },
      from('203.0.113.51'),
    );
    await app.request('/api/v1/me', {}, from('::ffff:203.0.113.52'));

    expect(served()).toEqual([
      expect.objectContaining({ level: 30, method: 'GET', route: '/health', status: 200, clientIp: '203.0.113.50' }),
      expect.objectContaining({
        level: 30,
        method: 'GET',
        route: '/api/v1/leads/:id',
        status: 404,
        clientIp: '203.0.113.51',
      }),
      expect.objectContaining({ level: 30, method: 'GET', route: '/api/v1/me', status: 401, clientIp: '203.0.113.52' }),
    ]);
    for (const line of served()) expect(line['durationMs']).toEqual(expect.any(Number));
  });

  it('never logs query values, headers, bodies or the digits of an unmatched path', async () => {
    const { app, lines, served } = await start();
    const secret = 'buscar-ana@example.com';
    await app.request(
      `/api/v1/leads?search=${encodeURIComponent(secret)}`,
      { headers: { authorization: `Bearer ${ADMIN}` } },
      from('198.51.100.9'),
    );
    await app.request(
      '/api/v1/leads',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ana Gómez', phone: '+573001234567', email: secret }),
      },
      from('198.51.100.9'),
    );
    await app.request('/no-such-thing/+573009876543/ana@example.com?token=abc', {}, from('198.51.100.9'));

    expect(served().map((l) => [l['method'], l['route'], l['status']])).toEqual([
      ['GET', '/api/v1/leads', 200],
      ['POST', '/api/v1/leads', 201],
      ['GET', '/no-such-thing/:redacted/:redacted', 404],
    ]);
    const logged = JSON.stringify(lines);
    for (const leak of [secret, 'example.com', '3001234567', '3009876543', 'Ana Gómez', ADMIN, 'Bearer', 'token=abc']) {
      expect(logged).not.toContain(leak);
    }
  });
});
