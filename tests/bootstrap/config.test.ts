import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../bootstrap/config.ts';

const APP_SECRET = 'test-app-secret-0123456789abcdef0123';
const ADMIN_KEY = 'test-admin-key-0123456789abcdef01234';
const META = {
  WHATSAPP_ACCESS_TOKEN: 'EAAG-token',
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: 'verify-me',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890',
};

/** The variables a refused environment names, sorted. */
const refused = (env: NodeJS.ProcessEnv): string[] => {
  const result = parseConfig(env);
  if (result.ok) throw new Error(`expected a refusal, got mode ${result.value.whatsappMode}`);
  return result.error.map((i) => i.variable).sort();
};
const modeOf = (env: NodeJS.ProcessEnv) => loadConfig(env).whatsappMode;

describe('loadConfig', () => {
  it('runs with no environment at all: defaults and the fake WhatsApp', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: './.data',
      logLevel: 'info',
      crmAdminApiKey: null,
      whatsappMode: 'fake',
      host: '127.0.0.1',
    });
    expect(config.whatsapp).toMatchObject({ graphUrl: 'https://graph.facebook.com', graphVersion: 'v25.0' });
  });

  it('reads every variable of the fixed interface', () => {
    const config = loadConfig({
      ...META,
      PORT: '8080',
      DATABASE_URL: 'postgres://u@localhost:5432/test',
      DATA_DIR: '/var/lib/desk',
      WHATSAPP_BUSINESS_ACCOUNT_ID: '998877',
      WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9999/',
      WHATSAPP_GRAPH_VERSION: 'v21.0',
      CRM_ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'debug',
      WHATSAPP_MESSAGES_PER_SECOND: '1000',
      WHATSAPP_MODE: 'meta',
      HOST: '10.0.0.7',
    });
    expect(config).toEqual({
      port: 8080,
      host: '10.0.0.7',
      databaseUrl: 'postgres://u@localhost:5432/test',
      dataDir: '/var/lib/desk',
      logLevel: 'debug',
      crmAdminApiKey: ADMIN_KEY,
      whatsappMode: 'meta',
      whatsapp: {
        accessToken: 'EAAG-token',
        appSecret: APP_SECRET,
        verifyToken: 'verify-me',
        phoneNumberId: '1234567890',
        businessAccountId: '998877',
        graphUrl: 'http://127.0.0.1:9999',
        graphVersion: 'v21.0',
        messagesPerSecond: 1000,
        mediaHosts: ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'],
        mediaMaxBytes: null,
      },
      limits: {
        apiKeyRequestsPerMinute: 600,
        authFailuresPerMinute: 20,
        badSignaturesPerMinute: 20,
        eventStreamsPerKey: 5,
        eventStreams: 200,
      },
      trustedProxies: [],
      workerPollMs: 2_000,
      reservationSweepMs: 60_000,
      housingRules: {
        smmlv: { amount: 1_750_905, currency: 'COP' },
        smmlvYear: 2026,
        capSmmlv: { vis: 150, vip: 90 },
      },
      reminders: { beforeMs: 24 * 3_600_000, templateName: 'recordatorio_cita' },
    });
  });

  it('reminds a lead of an appointment 24 h ahead with recordatorio_cita, unless the environment says otherwise', () => {
    expect(
      loadConfig({ APPOINTMENT_REMINDER_BEFORE_MINUTES: '180', APPOINTMENT_REMINDER_TEMPLATE: 'cita_manana' })
        .reminders,
    ).toEqual({ beforeMs: 3 * 3_600_000, templateName: 'cita_manana' });
    const result = parseConfig({
      APPOINTMENT_REMINDER_BEFORE_MINUTES: '0',
      APPOINTMENT_REMINDER_TEMPLATE: 'Cita Mañana',
    });
    expect(result.ok ? [] : result.error.map((i) => i.variable)).toEqual([
      'APPOINTMENT_REMINDER_BEFORE_MINUTES',
      'APPOINTMENT_REMINDER_TEMPLATE',
    ]);
  });

  it('reads the SMMLV and the VIS/VIP caps, by default 2026’s $ 1.750.905, 150 and 90 SMMLV', () => {
    const rules = loadConfig({ SMMLV_COP: '1800000', SMMLV_YEAR: '2027', VIS_CAP_SMMLV: '135' }).housingRules;
    expect(rules).toEqual({
      smmlv: { amount: 1_800_000, currency: 'COP' },
      smmlvYear: 2027,
      capSmmlv: { vis: 135, vip: 90 },
    });
    const result = parseConfig({ VIP_CAP_SMMLV: '0' });
    expect(result.ok ? [] : result.error.map((i) => i.variable)).toEqual(['VIP_CAP_SMMLV']);
  });

  it('polls for unannounced work every 2 s unless WORKER_POLL_MS says otherwise', () => {
    expect(loadConfig({}).workerPollMs).toBe(2_000);
    expect(loadConfig({ WORKER_POLL_MS: '60000' }).workerPollMs).toBe(60_000);
    const result = parseConfig({ WORKER_POLL_MS: '0' });
    expect(result.ok ? [] : result.error.map((i) => i.variable)).toEqual(['WORKER_POLL_MS']);
  });

  it("reads where lead's files may be fetched from and a lower cap for them", () => {
    expect(loadConfig({}).whatsapp).toMatchObject({
      mediaHosts: ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'],
      mediaMaxBytes: null,
    });
    const config = loadConfig({
      WHATSAPP_MEDIA_HOSTS: ' Lookaside.FBSBX.com , *.cdn.example.net ',
      WHATSAPP_MEDIA_MAX_BYTES: '20971520',
    });
    expect(config.whatsapp).toMatchObject({
      mediaHosts: ['lookaside.fbsbx.com', '*.cdn.example.net'],
      mediaMaxBytes: 20 * 1024 * 1024,
    });
  });

  it.each([
    ['WHATSAPP_MEDIA_HOSTS', '*.net'],
    ['WHATSAPP_MEDIA_HOSTS', 'https://lookaside.fbsbx.com'],
    ['WHATSAPP_MEDIA_HOSTS', 'lookaside.fbsbx.com:443'],
    ['WHATSAPP_MEDIA_HOSTS', 'a.*.example.com'],
    ['WHATSAPP_MEDIA_HOSTS', 'lookaside.fbsbx.com,,*.fbcdn.net'],
    ['WHATSAPP_MEDIA_MAX_BYTES', '0'],
    ['WHATSAPP_MEDIA_MAX_BYTES', '5MB'],
  ])('refuses %s=%j, naming it', (variable, value) => {
    const result = parseConfig({ [variable]: value });
    expect(result.ok ? [] : result.error.map((i) => i.variable)).toEqual([variable]);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', WHATSAPP_ACCESS_TOKEN: '  ', DATABASE_URL: '' });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, whatsappMode: 'fake' });
  });

  it('has request limits and no trusted proxy by default, and reads them from the environment', () => {
    expect(loadConfig({})).toMatchObject({
      limits: {
        apiKeyRequestsPerMinute: 600,
        authFailuresPerMinute: 20,
        badSignaturesPerMinute: 20,
        eventStreamsPerKey: 5,
        eventStreams: 200,
      },
      trustedProxies: [],
    });
    const config = loadConfig({
      API_KEY_REQUESTS_PER_MINUTE: '1200',
      AUTH_FAILURES_PER_MINUTE: '10',
      WEBHOOK_BAD_SIGNATURES_PER_MINUTE: '5',
      EVENT_STREAMS_PER_KEY: '2',
      EVENT_STREAMS_MAX: '50',
      TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16 ::1',
    });
    expect(config.limits).toEqual({
      apiKeyRequestsPerMinute: 1200,
      authFailuresPerMinute: 10,
      badSignaturesPerMinute: 5,
      eventStreamsPerKey: 2,
      eventStreams: 50,
    });
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });

  it('refuses limits that are not positive integers and proxies that are not addresses or ranges', () => {
    const result = parseConfig({
      API_KEY_REQUESTS_PER_MINUTE: '0',
      EVENT_STREAMS_PER_KEY: 'many',
      TRUSTED_PROXIES: '10.0.0.1, proxy.internal',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((i) => i.variable).sort()).toEqual([
      'API_KEY_REQUESTS_PER_MINUTE',
      'EVENT_STREAMS_PER_KEY',
      'TRUSTED_PROXIES',
    ]);
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.0/33' }).ok).toBe(false);
  });

  it('accepts port 0 so tests can ask for any free port', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('reports every bad variable at once, by name', () => {
    const result = parseConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      WHATSAPP_GRAPH_URL: 'not a url',
      WHATSAPP_GRAPH_VERSION: '25',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((i) => i.variable).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'WHATSAPP_GRAPH_URL',
      'WHATSAPP_GRAPH_VERSION',
    ]);
  });

  it('refuses Meta mode without the webhook secrets and the line, together with other problems', () => {
    expect(refused({ WHATSAPP_ACCESS_TOKEN: 'EAAG-token', PORT: '70000' })).toEqual([
      'PORT',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
  });

  it('throws a readable ConfigError listing each bad variable', () => {
    const load = () => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT: .*\n.*LOG_LEVEL: /s);
  });

  it('never echoes secret values in its error', () => {
    const short = () =>
      loadConfig({ ...META, WHATSAPP_APP_SECRET: 'short-app-secret', CRM_ADMIN_API_KEY: 'short-admin-key' });
    expect(short).toThrow(ConfigError);
    expect(short).not.toThrow(/short-app-secret|short-admin-key/);
    const load = () => loadConfig({ WHATSAPP_ACCESS_TOKEN: 'EAAG-super-secret', WHATSAPP_PHONE_NUMBER_ID: 'a/b' });
    expect(load).toThrow(ConfigError);
    expect(load).not.toThrow(/EAAG-super-secret/);
  });
});

describe('the WhatsApp mode', () => {
  it('is fake only with no Meta settings at all, and Meta with all of them', () => {
    expect(modeOf({})).toBe('fake');
    expect(modeOf({ WHATSAPP_ACCESS_TOKEN: '', WHATSAPP_APP_SECRET: ' ', WHATSAPP_VERIFY_TOKEN: '' })).toBe('fake');
    expect(modeOf(META)).toBe('meta');
    expect(modeOf({ ...META, WHATSAPP_BUSINESS_ACCOUNT_ID: '998877' })).toBe('meta');
  });

  it('refuses a blank access token beside the other Meta settings (a secret that failed to mount), naming it', () => {
    const result = parseConfig({ ...META, WHATSAPP_ACCESS_TOKEN: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { variable: 'WHATSAPP_ACCESS_TOKEN', message: expect.stringMatching(/required in Meta mode/) },
    ]);
  });

  it('refuses any partial Meta configuration, naming every missing variable', () => {
    expect(refused({ WHATSAPP_APP_SECRET: APP_SECRET })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
    expect(refused({ WHATSAPP_VERIFY_TOKEN: 'verify-me' })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_PHONE_NUMBER_ID',
    ]);
    expect(refused({ WHATSAPP_PHONE_NUMBER_ID: '1234567890' })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
    expect(refused({ WHATSAPP_BUSINESS_ACCOUNT_ID: '998877' })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
    const { WHATSAPP_VERIFY_TOKEN: _, ...withoutVerifyToken } = META;
    expect(refused(withoutVerifyToken)).toEqual(['WHATSAPP_VERIFY_TOKEN']);
  });

  it('is what WHATSAPP_MODE says: meta needs every Meta setting, fake takes no Meta credentials', () => {
    expect(refused({ WHATSAPP_MODE: 'meta' })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
    expect(modeOf({ ...META, WHATSAPP_MODE: 'meta' })).toBe('meta');
    expect(modeOf({ WHATSAPP_MODE: 'fake' })).toBe('fake');
    // The fake line may carry a phone-number id; credentials would mean someone expects Meta.
    expect(modeOf({ WHATSAPP_MODE: 'fake', WHATSAPP_PHONE_NUMBER_ID: '1234567890' })).toBe('fake');
    expect(refused({ ...META, WHATSAPP_MODE: 'fake' })).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
    ]);
    expect(refused({ WHATSAPP_MODE: 'real' })).toEqual(['WHATSAPP_MODE']);
  });

  it('refuses fake mode on a database that is not on this machine unless WHATSAPP_MODE=fake says so', () => {
    for (const url of [
      'postgres://desk@db.internal:5432/lead_desk',
      'postgresql://u:p@10.0.0.5/desk',
      'postgres://u@[2001:db8::1]:5432/d',
      'postgres://u@localhost,db.internal/d',
    ]) {
      expect(refused({ DATABASE_URL: url })).toEqual(['DATABASE_URL']);
      expect(modeOf({ DATABASE_URL: url, WHATSAPP_MODE: 'fake' })).toBe('fake');
      expect(modeOf({ DATABASE_URL: url, ...META })).toBe('meta');
    }
    expect(refused({ DATABASE_URL: 'postgres:///desk', PGHOST: 'db.internal' })).toEqual(['DATABASE_URL']);
  });

  it('takes loopback, localhost and unix sockets for a local database', () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/test',
      'postgres://u@127.3.2.1/d',
      'postgres://u@localhost/d',
      'postgres://u@LOCALHOST:5432/d',
      'postgres://u@[::1]:5432/d',
      'postgres:///d',
      'postgres://u@localhost:5432,127.0.0.1:5433/d',
    ]) {
      expect(modeOf({ DATABASE_URL: url })).toBe('fake');
    }
    expect(modeOf({ DATABASE_URL: 'postgres:///d', PGHOST: '/var/run/postgresql' })).toBe('fake');
    expect(modeOf({ DATABASE_URL: 'postgres://%2Fvar%2Frun%2Fpostgresql/d' })).toBe('fake');
  });
});

describe('HOST', () => {
  it('is loopback by default in fake mode, every interface in Meta mode, and whatever is set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig(META).host).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...META, HOST: '::1' }).host).toBe('::1');
    expect(refused({ HOST: 'http://example.com/' })).toEqual(['HOST']);
  });
});

describe('secrets and the Graph URL', () => {
  it('refuses an app secret or an admin key shorter than 32 characters', () => {
    expect(refused({ ...META, WHATSAPP_APP_SECRET: 'a'.repeat(31), CRM_ADMIN_API_KEY: 'k'.repeat(31) })).toEqual([
      'CRM_ADMIN_API_KEY',
      'WHATSAPP_APP_SECRET',
    ]);
    expect(
      loadConfig({ ...META, WHATSAPP_APP_SECRET: 'a'.repeat(32), CRM_ADMIN_API_KEY: 'k'.repeat(32) }).crmAdminApiKey,
    ).toBe('k'.repeat(32));
  });

  it('refuses a plain-http Graph URL outside loopback', () => {
    for (const url of [
      'http://graph.facebook.com',
      'http://10.0.0.8:8080',
      'http://[fd00::2]:80',
      'http://127.0.0.1.nip.io',
    ]) {
      expect(refused({ ...META, WHATSAPP_GRAPH_URL: url })).toEqual(['WHATSAPP_GRAPH_URL']);
    }
    for (const url of [
      'http://127.0.0.1:9999',
      'http://127.8.0.1',
      'http://localhost:1234/',
      'http://[::1]:4000',
      'https://graph.example.com',
    ]) {
      expect(loadConfig({ ...META, WHATSAPP_GRAPH_URL: url }).whatsapp.graphUrl).toBe(url.replace(/\/$/, ''));
    }
  });
});
