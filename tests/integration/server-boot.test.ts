import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';

describe('the real server over a socket', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('boots on a free port, answers /health and /ready, and closes', async () => {
    server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
    expect(server.port).toBeGreaterThan(0);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    const unknown = await fetch(`${server.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');

    const { url } = server;
    await server.close();
    server = undefined;
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('closes even while a client holds a keep-alive connection', async () => {
    server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { closeGraceMs: 200 });
    const res = await fetch(`${server.url}/health`, { headers: { connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    await server.close();
    server = undefined;
  });
});

describe('startServer on a busy port', () => {
  it('rejects instead of hanging', async () => {
    const first = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
    try {
      await expect(startServer(loadConfig({ PORT: String(first.port), LOG_LEVEL: 'silent' }))).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});
