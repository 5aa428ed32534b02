import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedOnFirstStart } from '../../bootstrap/demo/seed-on-first-start.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import { asId, type LineId } from '../../domain/shared/ids.ts';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../bootstrap/server.ts';
import { spawnApp } from '../support/app-process.ts';
import { eventually } from '../support/eventually.ts';

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
      await expect(startServer(env({ PORT: String(first.port) }), { storage: null })).rejects.toThrow(/EADDRINUSE/);
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
      await first.container.get(TOKENS.MessagePipeline).idle();
    } finally {
      await first.close();
    }

    const second = await startServer(config);
    try {
      expect(await seedOnFirstStart(second.container, config)).toBe('configured');
      const conversation = await second.container
        .get(TOKENS.UnitOfWork)
        .transaction((r) =>
          r.conversations.byIdentity(asId<LineId>('line-main'), { phone: phone as PhoneE164, userId: null }),
        );
      expect(conversation?.bot.step).toBe('awaitingEmail');
    } finally {
      await second.close();
    }
  });
});

describe("the phones' event stream", () => {
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

type StartLog = { event?: string; msg?: string; url?: string; adminKeySource?: string; adminKeyFile?: string };

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
  it('is generated on a fresh DATA_DIR (0700) into a 0600 file, never written to the log, works as admin, and survives a restart', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lead-desk-key-')), 'data');
    const keyFile = join(dataDir, 'crm-admin-api-key');
    const appEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'info', CRM_ADMIN_API_KEY: '', WHATSAPP_ACCESS_TOKEN: '' };

    const first = await spawnApp(appEnv);
    const key = readFileSync(keyFile, 'utf8').trim();
    try {
      await waitFor(() => first.output().includes('server_started'));
      expect(key).toMatch(/^demo_admin_[\w-]{32}$/);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      // stdout is a pipe here, as under a process manager: the log says where the key is, not what it is.
      expect(first.output()).not.toContain(key);
      const log = startLog(first.output());
      expect(log.msg).toContain(`Admin API key: generated for this demo, in ${keyFile}`);
      expect(log.msg).toContain(`/simulator  (sign in with the key in ${keyFile})`);
      expect(log).toMatchObject({
        adminKeySource: 'generated',
        adminKeyFile: keyFile,
        url: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      });
      const me = await fetch(`${first.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ role: 'admin' });
      expect(
        (await fetch(`${first.url}/api/v1/me`, { headers: { authorization: 'Bearer demo_admin_wrong' } })).status,
      ).toBe(401);
    } finally {
      await first.stop();
    }

    const second = await spawnApp(appEnv);
    try {
      await waitFor(() => second.output().includes('server_started'));
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
      expect(second.output()).not.toContain(key);
      expect((await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
        200,
      );
    } finally {
      await second.stop();
    }
  });

  it('is the CRM_ADMIN_API_KEY when one is set, never printed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-key-'));
    const adminKey = 'admin-key-from-the-env-0123456789abcdef';
    const app = await spawnApp({ DATA_DIR: dataDir, LOG_LEVEL: 'info', CRM_ADMIN_API_KEY: adminKey });
    try {
      await waitFor(() => app.output().includes('server_started'));
      const log = startLog(app.output());
      expect(log.msg).toContain('the CRM_ADMIN_API_KEY you set');
      expect(app.output()).not.toContain(adminKey);
      expect((await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${adminKey}` } })).status).toBe(
        200,
      );
    } finally {
      await app.stop();
    }
  });
});

const waitFor = (condition: () => boolean): Promise<true> =>
  eventually(condition, { timeoutMs: 10_000, intervalMs: 50 });
