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
      },
      limits: { apiKeyRequestsPerMinute: 600, authFailuresPerMinute: 20, badSignaturesPerMinute: 20, eventStreamsPerKey: 5, eventStreams: 200 },
      trustedProxies: [],
    });
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', WHATSAPP_ACCESS_TOKEN: '  ', DATABASE_URL: '' });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, whatsappMode: 'fake' });
  });

  it('has request limits and no trusted proxy by default, and reads them from the environment', () => {
    expect(loadConfig({})).toMatchObject({
      limits: { apiKeyRequestsPerMinute: 600, authFailuresPerMinute: 20, badSignaturesPerMinute: 20, eventStreamsPerKey: 5, eventStreams: 200 },
      trustedProxies: [],
    });
    const config = loadConfig({
      API_KEY_REQUESTS_PER_MINUTE: '1200', AUTH_FAILURES_PER_MINUTE: '10', WEBHOOK_BAD_SIGNATURES_PER_MINUTE: '5',
      EVENT_STREAMS_PER_KEY: '2', EVENT_STREAMS_MAX: '50', TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16 ::1',
    });
    expect(config.limits).toEqual({ apiKeyRequestsPerMinute: 1200, authFailuresPerMinute: 10, badSignaturesPerMinute: 5, eventStreamsPerKey: 2, eventStreams: 50 });
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });

  it('refuses limits that are not positive integers and proxies that are not addresses or ranges', () => {
    const result = parseConfig({ API_KEY_REQUESTS_PER_MINUTE: '0', EVENT_STREAMS_PER_KEY: 'many', TRUSTED_PROXIES: '10.0.0.1, proxy.internal' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((i) => i.variable).sort()).toEqual(['API_KEY_REQUESTS_PER_MINUTE', 'EVENT_STREAMS_PER_KEY', 'TRUSTED_PROXIES']);
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
