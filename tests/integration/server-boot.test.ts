import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedOnFirstStart } from '../../bootstrap/demo/seed-on-first-start.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import { asId, type LineId } from '../../domain/shared/ids.ts';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';
import { spawnApp } from '../support/app-process.ts';

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

describe('the phones\' event stream', () => {
  it('ends when the server closes, without waiting for the grace period', async () => {
    const server = await startServer(env(), { closeGraceMs: 30_000, storage: null });
    const events = await fetch(`${server.url}/fake-whatsapp/events`);
    const reader = events.body?.getReader();
    await reader?.read();

    const started = Date.now();
    await server.close();

    expect(Date.now() - started).toBeLessThan(2_000);
    let done = false;
    while (!done) done = (await reader?.read())?.done ?? true;
  });
});

type StartLog = { event?: string; msg?: string; url?: string; adminKeySource?: string };

/** The `server_started` line of an app's JSON log. */
const startLog = (output: string): StartLog => {
  const lines = output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as StartLog];
    } catch {
      return [];
    }
  });
  const found = lines.find((l) => l.event === 'server_started');
  if (found === undefined) throw new Error(`no server_started line in:\n${output}`);
  return found;
};

describe('the admin API key of the fake-WhatsApp demo', () => {
  it('is generated on a fresh DATA_DIR, printed with the simulator link, works as admin, and survives a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-key-'));
    const appEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'info', CRM_ADMIN_API_KEY: '', WHATSAPP_ACCESS_TOKEN: '' };

    const first = await spawnApp(appEnv);
    let key: string | undefined;
    try {
      await waitFor(() => first.output().includes('server_started'));
      const log = startLog(first.output());
      key = /Admin API key:\s+(demo_admin_[\w-]+)/.exec(log.msg ?? '')?.[1];
      expect(key).toBeDefined();
      expect(log.msg).toContain(`/simulator#key=${key}`);
      expect(log).toMatchObject({ adminKeySource: 'generated', url: expect.stringMatching(/^http:\/\/localhost:\d+$/) });
      expect(statSync(join(dataDir, 'crm-admin-api-key')).mode & 0o777).toBe(0o600);
      const me = await fetch(`${first.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ role: 'admin' });
      expect((await fetch(`${first.url}/api/v1/me`, { headers: { authorization: 'Bearer demo_admin_wrong' } })).status).toBe(401);
    } finally {
      await first.stop();
    }

    const second = await spawnApp(appEnv);
    try {
      await waitFor(() => second.output().includes('server_started'));
      expect(startLog(second.output()).msg).toMatch(new RegExp(`Admin API key:\\s+${key}`));
      expect((await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('is the CRM_ADMIN_API_KEY when one is set, never printed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-key-'));
    const app = await spawnApp({ DATA_DIR: dataDir, LOG_LEVEL: 'info', CRM_ADMIN_API_KEY: 'admin-key-from-the-env' });
    try {
      await waitFor(() => app.output().includes('server_started'));
      const log = startLog(app.output());
      expect(log.msg).toContain('the CRM_ADMIN_API_KEY you set');
      expect(app.output()).not.toContain('admin-key-from-the-env');
      expect((await fetch(`${app.url}/api/v1/me`, { headers: { authorization: 'Bearer admin-key-from-the-env' } })).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
