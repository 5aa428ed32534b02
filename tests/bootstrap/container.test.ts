import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';

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
});
