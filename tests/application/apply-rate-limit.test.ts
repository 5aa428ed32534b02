import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';
import { ApplyRateLimit, type RateLimitRule } from '../../application/use-cases/apply-rate-limit.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const rule: RateLimitRule = { name: 'test', limit: 2, windowMs: MINUTE_MS };

const setup = () => {
  const clock = new FixedClock(T0 + 20_000);
  const limiter = new InMemoryRateLimiter();
  return { clock, limiter, apply: new ApplyRateLimit(limiter, clock) };
};

describe('ApplyRateLimit', () => {
  it('lets the limit through, refuses the next hit with the seconds left in the window, and starts again in the next one', async () => {
    const { apply, clock } = setup();
    const hit = () => apply.execute({ rule, subject: 'a', count: true });
    expect(await hit()).toEqual({ ok: true, value: undefined });
    expect(await hit()).toEqual({ ok: true, value: undefined });
    clock.advance(500);
    expect(await hit()).toEqual({ ok: false, error: { type: 'RateLimited', retryAfterSeconds: 40 } });
    expect((await apply.execute({ rule, subject: 'b', count: true })).ok).toBe(true);
    clock.set(T0 + MINUTE_MS);
    expect((await hit()).ok).toBe(true);
  });

  it('checks without counting: refused once the limit is reached, however many checks', async () => {
    const { apply } = setup();
    const check = () => apply.execute({ rule, subject: 'a', count: false });
    for (let i = 0; i < 5; i++) expect((await check()).ok).toBe(true);
    await apply.execute({ rule, subject: 'a', count: true });
    expect((await check()).ok).toBe(true);
    await apply.execute({ rule, subject: 'a', count: true });
    expect(await check()).toEqual({ ok: false, error: { type: 'RateLimited', retryAfterSeconds: 40 } });
  });

  it('forgets ended windows once a minute, on a hit', async () => {
    const { apply, clock, limiter } = setup();
    for (const subject of ['a', 'b', 'c']) await apply.execute({ rule, subject, count: true });
    expect(limiter.size).toBe(3);
    clock.advance(MINUTE_MS);
    await apply.execute({ rule, subject: 'd', count: true });
    expect(limiter.size).toBe(1);
    clock.advance(MINUTE_MS / 2);
    await apply.execute({ rule, subject: 'e', count: true });
    expect(limiter.size).toBe(2);
  });
});
