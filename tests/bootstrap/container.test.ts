import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { GraphClient } from '../../adapters/whatsapp/meta-cloud/graph-client.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';

const config = loadConfig({ LOG_LEVEL: 'silent' });

describe('buildContainer', () => {
  it('wires config, logger, a system clock, time-sortable ids and the HTTP app', async () => {
    const container = buildContainer(config);
    expect(container.get(TOKENS.Config)).toBe(config);
    expect(container.get(TOKENS.Logger).level).toBe('silent');
    expect(Math.abs(container.get(TOKENS.Clock).now() - Date.now())).toBeLessThan(1_000);
    expect(container.get(TOKENS.IdGenerator).next('lead')).toMatch(/^lead_[0-9A-HJKMNP-TV-Z]{26}$/);
    const res = await container.get(TOKENS.HttpApp).request('/health');
    expect(res.status).toBe(200);
  });

  it('shares one instance per binding', () => {
    const container = buildContainer(config);
    expect(container.get(TOKENS.IdGenerator)).toBe(container.get(TOKENS.IdGenerator));
  });

  it('replaces bindings with overrides, including for dependants', async () => {
    const clock = new FixedClock(1_700_000_000_000);
    const container = buildContainer(config, [
      override(TOKENS.Clock, clock),
      override(TOKENS.IdGenerator, new SequentialIdGenerator()),
      override(TOKENS.Readiness, () => Promise.resolve(false)),
    ]);
    expect(container.get(TOKENS.Clock).now()).toBe(1_700_000_000_000);
    expect(container.get(TOKENS.IdGenerator).next('lead')).toBe('lead_1');
    expect((await container.get(TOKENS.HttpApp).request('/ready')).status).toBe(503);
  });

  it('in Meta mode, an overridden Graph client reaches the adapters built on it (here the template sync)', async () => {
    const stub = await startStubGraphApi({ token: 'stub-token', version: 'v25.0', businessAccountId: 'waba-9' });
    try {
      const meta = loadConfig({
        LOG_LEVEL: 'silent',
        WHATSAPP_ACCESS_TOKEN: 'real-token',
        WHATSAPP_APP_SECRET: 'test-app-secret-0123456789abcdef0123',
        WHATSAPP_VERIFY_TOKEN: 'v',
        WHATSAPP_PHONE_NUMBER_ID: '1234567890',
      });
      const client = new GraphClient({
        baseUrl: stub.url,
        version: 'v25.0',
        accessToken: 'stub-token',
        businessAccountId: 'waba-9',
        timeoutMs: 5_000,
      });
      const container = buildContainer(meta, [override(TOKENS.GraphClient, client)]);

      await container.get(TOKENS.TemplateSource).fetchAll();

      expect(stub.requests.map((r) => [r.method, r.path, r.authorization])).toContainEqual([
        'GET',
        '/v25.0/waba-9/message_templates',
        'Bearer stub-token',
      ]);
    } finally {
      await stub.close();
    }
  });
});
