import { ContainerModule } from 'inversify';
import { clientIpResolver } from '../../adapters/http/client-ip.ts';
import type { RequestLimit, RequestLimits } from '../../adapters/http/request-limits.ts';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { RateLimiter } from '../../application/ports/rate-limiter.ts';
import { ApplyRateLimit } from '../../application/use-cases/apply-rate-limit.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import type { Config, Limits } from '../config.ts';
import type { Storage } from '../storage.ts';
import { TOKENS } from '../tokens.ts';

/** The HTTP edge's budgets, one rule each, per minute (the numbers come from `Config.limits`). */
const requestLimits = (apply: ApplyRateLimit, limits: Limits): RequestLimits => {
  const perMinute = (name: string, limit: number): RequestLimit => {
    const rule = { name, limit, windowMs: MINUTE_MS };
    return {
      count: (subject) => apply.execute({ rule, subject, count: true }),
      check: (subject) => apply.execute({ rule, subject, count: false }),
    };
  };
  return {
    apiKey: perMinute('api_key', limits.apiKeyRequestsPerMinute),
    authFailures: perMinute('auth_failures', limits.authFailuresPerMinute),
    badSignatures: perMinute('webhook_bad_signatures', limits.badSignaturesPerMinute),
  };
};

/** Rate limits (counters in the database when there is one) and how clients are told apart. */
export const limitsModule = (config: Config, storage: Storage | null) =>
  new ContainerModule(({ bind }) => {
    if (storage === null) bind(TOKENS.RateLimiter).toConstantValue(new InMemoryRateLimiter());
    else bind(TOKENS.RateLimiter).toConstantValue(storage.rateLimiter);
    bind(TOKENS.ApplyRateLimit).toResolvedValue(
      (limiter: RateLimiter, clock: Clock) => new ApplyRateLimit(limiter, clock),
      [TOKENS.RateLimiter, TOKENS.Clock],
    );
    bind(TOKENS.RequestLimits).toResolvedValue(
      (apply: ApplyRateLimit) => requestLimits(apply, config.limits),
      [TOKENS.ApplyRateLimit],
    );
    bind(TOKENS.ClientIp).toConstantValue(clientIpResolver(config.trustedProxies));
  });
