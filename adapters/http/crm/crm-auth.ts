import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../../domain/organisation/organisation.ts';
import type { AuthenticateApiKey } from '../../../application/use-cases/authenticate-api-key.ts';
import type { CrmEnv } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';

export type Authenticate = Pick<AuthenticateApiKey, 'execute'>;

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/** Puts the caller in the context from `Authorization: Bearer <key>`, or answers 401. */
export const authenticateCaller = (authenticate: Authenticate): MiddlewareHandler<CrmEnv> => async (c, next) => {
  const key = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
  if (key === undefined) return crmProblem(c, { type: 'Unauthenticated' });
  const result = await authenticate.execute({ key });
  if (!result.ok) return crmProblem(c, result.error);
  c.set('actor', result.value);
  await next();
  return undefined;
};

/** Route middleware: only these roles pass; others get 403. Use in a contract's `middleware`. */
export const requireRole = (...roles: readonly Role[]): MiddlewareHandler<CrmEnv> => async (c, next) => {
  if (!roles.includes(c.get('actor').role)) return crmProblem(c, { type: 'Forbidden' });
  await next();
  return undefined;
};
