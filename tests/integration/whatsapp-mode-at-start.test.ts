import { mkdtempSync, statSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PHONE_NUMBER_ID, WABA_ID } from '../builders/meta-webhook-payloads.ts';
import { spawnApp, type AppProcess } from '../support/app-process.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN_KEY = 'test-admin-key-0123456789abcdef01234';
const APP_SECRET = 'test-app-secret-0123456789abcdef0123';
const TOKEN = 'test-access-token';
const VERIFY = 'test-verify-token';

type LogLine = { level?: number; event?: string; msg?: string; url?: string; host?: string | null };

const logLines = (output: string): LogLine[] =>
  output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
const lineOf = (app: AppProcess, event: string): LogLine | undefined =>
  logLines(app.output()).find((l) => l.event === event);

/** A DATA_DIR path that does not exist yet: the app creates it. */
const newDataDir = () => join(mkdtempSync(join(tmpdir(), 'lead-desk-mode-')), 'data');

const waitFor = (condition: () => boolean, what: string): Promise<true> =>
  eventually(condition, { what, timeoutMs: 10_000, intervalMs: 50 });

/** Whether anything answers HTTP at `host:port` (a refused connection is `false`). */
const answers = (host: string, port: string) =>
  fetch(`http://${host}:${port}/health`).then(
    (r) => r.ok,
    () => false,
  );
/** An address of this machine that is not loopback, to knock on from outside 127.0.0.1. */
const outsideAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && !a.internal && a.family === 'IPv4')?.address;
const hasIpv6Loopback = (): boolean =>
  Object.values(networkInterfaces())
    .flat()
    .some((a) => a?.address === '::1');

/** What a start that must fail says; a start that succeeds is stopped and reported as such. */
const refusal = async (env: Readonly<Record<string, string>>): Promise<string> => {
  try {
    const app = await spawnApp(env);
    await app.stop();
    return `started:\n${app.output()}`;
  } catch (error) {
    return String(error);
  }
};

const get = (app: AppProcess, path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
const admin = { headers: { authorization: `Bearer ${ADMIN_KEY}` } };

describe('the WhatsApp mode at start-up', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('refuses to start with a blank WHATSAPP_ACCESS_TOKEN beside the other Meta settings, naming it', async () => {
    const said = await refusal({
      DATA_DIR: newDataDir(),
      WHATSAPP_ACCESS_TOKEN: '',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_BUSINESS_ACCOUNT_ID: WABA_ID,
    });
    expect(said).toMatch(/app exited with 1[\s\S]*WHATSAPP_ACCESS_TOKEN: is empty, and is required in Meta mode/);
    expect(said).not.toContain(APP_SECRET);
  });

  it('refuses the fake WhatsApp on a database on another machine unless WHATSAPP_MODE=fake says so', async () => {
    const said = await refusal({
      DATA_DIR: newDataDir(),
      DATABASE_URL: 'postgres://desk@db.example.invalid:5432/lead_desk',
      WHATSAPP_ACCESS_TOKEN: '',
    });
    expect(said).toMatch(
      /app exited with 1[\s\S]*DATABASE_URL: is a database on another machine[\s\S]*WHATSAPP_MODE=fake/,
    );
  });

  it('in fake mode: warns, listens on 127.0.0.1 only, serves the fake and the simulator, and has no Meta webhook', async () => {
    const app = await spawnApp({
      DATA_DIR: newDataDir(),
      LOG_LEVEL: 'info',
      CRM_ADMIN_API_KEY: ADMIN_KEY,
      WHATSAPP_ACCESS_TOKEN: '',
    });
    cleanups.push(app.stop);
    await waitFor(() => lineOf(app, 'server_started') !== undefined, 'the start banner');

    expect(lineOf(app, 'fake_whatsapp_enabled')).toMatchObject({
      level: 40,
      msg: expect.stringContaining('fake WhatsApp'),
    });
    const port = new URL(app.url).port;
    expect(lineOf(app, 'server_started')).toMatchObject({ host: '127.0.0.1', url: `http://localhost:${port}` });
    expect(lineOf(app, 'server_started')?.msg).toContain(`Lead desk listening on http://localhost:${port}`);
    expect(await answers('127.0.0.1', port)).toBe(true);
    const outside = outsideAddress();
    if (outside !== undefined) expect(await answers(outside, port)).toBe(false);
    if (hasIpv6Loopback()) expect(await answers('[::1]', port)).toBe(false);

    expect((await get(app, '/fake-whatsapp/openapi.json')).status).toBe(200);
    expect((await get(app, '/simulator')).status).toBe(200);
    expect(
      (await get(app, `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=42`)).status,
    ).toBe(404);
    // The demo desk is loaded on the first fake start.
    expect(lineOf(app, 'demo_data_seeded')).toBeDefined();
    expect(((await (await get(app, '/api/v1/lines', admin)).json()) as { lines: unknown[] }).lines).not.toEqual([]);
  });

  it('in Meta mode on an empty database: no fake routes, every interface, no demo data, and a warning on how to configure it', async () => {
    const stub = await startStubGraphApi({
      token: TOKEN,
      version: 'v25.0',
      businessAccountId: WABA_ID,
      phoneNumberIds: [PHONE_NUMBER_ID],
    });
    cleanups.push(stub.close);
    const dataDir = newDataDir();
    const app = await spawnApp({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      CRM_ADMIN_API_KEY: ADMIN_KEY,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_BUSINESS_ACCOUNT_ID: WABA_ID,
      WHATSAPP_GRAPH_URL: stub.url,
    });
    cleanups.push(app.stop);
    await waitFor(() => lineOf(app, 'server_started') !== undefined, 'the start banner');

    expect(lineOf(app, 'fake_whatsapp_enabled')).toBeUndefined();
    const handshake = await get(
      app,
      `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=42`,
    );
    expect(handshake.status).toBe(200);
    expect(await handshake.text()).toBe('42');
    for (const path of [
      '/fake-whatsapp/openapi.json',
      '/fake-whatsapp/events',
      '/simulator',
      '/simulator/index.html',
    ]) {
      expect((await get(app, path)).status, path).toBe(404);
    }
    const inbound = await get(app, '/fake-whatsapp/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"from":"+573001234567","text":"Hola"}',
    });
    expect(inbound.status).toBe(404);

    const port = new URL(app.url).port;
    expect(lineOf(app, 'server_started')).toMatchObject({ host: null });
    if (hasIpv6Loopback()) expect(await answers('[::1]', port)).toBe(true);
    const outside = outsideAddress();
    if (outside !== undefined) expect(await answers(outside, port)).toBe(true);

    expect(lineOf(app, 'demo_data_seeded')).toBeUndefined();
    const missing = lineOf(app, 'business_lines_missing');
    expect(missing).toMatchObject({ level: 40 });
    expect(missing?.msg).toContain('npm run seed');
    expect(missing?.msg).toContain('PUT /api/v1/lines/{id}');
    expect(await (await get(app, '/api/v1/lines', admin)).json()).toEqual({ lines: [] });
    expect(await (await get(app, '/api/v1/projects', admin)).json()).toEqual({ projects: [] });
    // PGlite made the data directory itself: private all the same.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
