import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedOnFirstStart } from '../../bootstrap/demo/seed-on-first-start.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import { asId, type LineId } from '../../domain/shared/ids.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';

/** Each server keeps its embedded database in a directory of its own. */
const env = (extra: Record<string, string> = {}) =>
  loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'lead-desk-')), ...extra });

describe('the real server over a socket', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('boots on a free port, answers /health and /ready, and closes', async () => {
    server = await startServer(env());
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
    server = await startServer(env(), { closeGraceMs: 200, storage: null });
    const res = await fetch(`${server.url}/health`, { headers: { connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    await server.close();
    server = undefined;
  });
});

describe('startServer on a busy port', () => {
  it('rejects instead of hanging', async () => {
    const first = await startServer(env(), { storage: null });
    try {
      await expect(startServer(env({ PORT: String(first.port) }), { storage: null })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});

describe('the embedded database (no DATABASE_URL)', () => {
  it('keeps conversations in DATA_DIR across a restart', async () => {
    const config = env();
    const phone = '+573001239999';
    const first = await startServer(config);
    try {
      await seedOnFirstStart(first.container, config);
      const response = await fetch(`${first.url}/fake-whatsapp/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: phone, text: 'Hola' }),
      });
      expect(response.status).toBe(202);
      await first.container.get(TOKENS.ProcessInbox).drain();
    } finally {
      await first.close();
    }

    const second = await startServer(config);
    try {
      expect(await seedOnFirstStart(second.container, config)).toBe(false);
      const conversation = await second.container
        .get(TOKENS.UnitOfWork)
        .transaction((r) => r.conversations.byIdentity(asId<LineId>('line-main'), { phone: phone as PhoneE164, userId: null }));
      expect(conversation?.bot.step).toBe('awaitingEmail');
    } finally {
      await second.close();
    }
  });
});
