import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../bootstrap/config.ts';

const META = {
  WHATSAPP_ACCESS_TOKEN: 'EAAG-token',
  WHATSAPP_APP_SECRET: 'app-secret',
  WHATSAPP_VERIFY_TOKEN: 'verify-me',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890',
};

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
      CRM_ADMIN_API_KEY: 'admin-key',
      LOG_LEVEL: 'debug',
      WHATSAPP_MESSAGES_PER_SECOND: '1000',
    });
    expect(config).toEqual({
      port: 8080,
      databaseUrl: 'postgres://u@localhost:5432/test',
      dataDir: '/var/lib/desk',
      logLevel: 'debug',
      crmAdminApiKey: 'admin-key',
      whatsappMode: 'meta',
      whatsapp: {
        accessToken: 'EAAG-token',
        appSecret: 'app-secret',
        verifyToken: 'verify-me',
        phoneNumberId: '1234567890',
        businessAccountId: '998877',
        graphUrl: 'http://127.0.0.1:9999',
        graphVersion: 'v21.0',
        messagesPerSecond: 1000,
        mediaHosts: ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'],
        mediaMaxBytes: null,
      },
    });
  });

  it("reads where lead's files may be fetched from and a lower cap for them", () => {
    expect(loadConfig({}).whatsapp).toMatchObject({ mediaHosts: ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'], mediaMaxBytes: null });
    const config = loadConfig({ WHATSAPP_MEDIA_HOSTS: ' Lookaside.FBSBX.com , *.cdn.example.net ', WHATSAPP_MEDIA_MAX_BYTES: '20971520' });
    expect(config.whatsapp).toMatchObject({ mediaHosts: ['lookaside.fbsbx.com', '*.cdn.example.net'], mediaMaxBytes: 20 * 1024 * 1024 });
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

  it('refuses Meta mode without the webhook secrets, together with other problems', () => {
    const result = parseConfig({ WHATSAPP_ACCESS_TOKEN: 'EAAG-token', PORT: '70000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((i) => i.variable).sort()).toEqual(['PORT', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']);
  });

  it('throws a readable ConfigError listing each bad variable', () => {
    const load = () => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT: .*\n.*LOG_LEVEL: /s);
  });

  it('never echoes secret values in its error', () => {
    const load = () => loadConfig({ WHATSAPP_ACCESS_TOKEN: 'EAAG-super-secret', WHATSAPP_PHONE_NUMBER_ID: 'a/b' });
    expect(load).toThrow(ConfigError);
    expect(load).not.toThrow(/EAAG-super-secret/);
  });
});
