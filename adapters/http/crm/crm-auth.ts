import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../../domain/organisation/organisation.ts';
import type { AuthenticateApiKey } from '../../../application/use-cases/authenticate-api-key.ts';
import type { ClientIp } from '../client-ip.ts';
import type { RequestLimits } from '../request-limits.ts';
import type { CrmEnv } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';

export type Authenticate = Pick<AuthenticateApiKey, 'execute'>;

/** The budgets authentication enforces, and how it tells clients apart. */
export type CallerGuard = {
  readonly limits: Pick<RequestLimits, 'apiKey' | 'authFailures'>;
  readonly clientIp: ClientIp;
};

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/** Names a key for per-key budgets without being its stored hash (a limiter row cannot be matched to `api_keys`). */
export const callerKeyOf = (key: string): string =>
  createHash('sha256').update('lead-desk:caller-key:').update(key, 'utf8').digest('base64url').slice(0, 22);

/**
 * Puts the caller in the context from `Authorization: Bearer <key>`, or answers 401. With a guard, a client
 * address past its budget of failed attempts gets 429 before its key is even looked up (whatever the key),
 * every failure counts against that budget, and an accepted key spends its own request budget.
 */
export const authenticateCaller =
  (authenticate: Authenticate, guard?: CallerGuard): MiddlewareHandler<CrmEnv> =>
  async (c, next) => {
    const address = guard?.clientIp(c) ?? '';
    if (guard !== undefined) {
      const blocked = await guard.limits.authFailures.check(address);
      if (!blocked.ok) return crmProblem(c, blocked.error);
    }
    const key = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    const result = key === undefined ? null : await authenticate.execute({ key });
    if (key === undefined || result === null || !result.ok) {
      const counted = guard === undefined ? null : await guard.limits.authFailures.count(address);
      return crmProblem(c, counted !== null && !counted.ok ? counted.error : { type: 'Unauthenticated' });
    }
    const callerKey = callerKeyOf(key);
    if (guard !== undefined) {
      const spent = await guard.limits.apiKey.count(callerKey);
      if (!spent.ok) return crmProblem(c, spent.error);
    }
    c.set('actor', result.value);
    c.set('callerKey', callerKey);
    await next();
    return undefined;
  };

/** Route middleware: only these roles pass; others get 403. Use in a contract's `middleware`. */
export const requireRole =
  (...roles: readonly Role[]): MiddlewareHandler<CrmEnv> =>
  async (c, next) => {
    if (!roles.includes(c.get('actor').role)) return crmProblem(c, { type: 'Forbidden' });
    await next();
    return undefined;
  };
