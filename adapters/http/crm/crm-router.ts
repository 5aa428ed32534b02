import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Actor } from '../../../application/ports/actor.ts';
import { validationHook } from '../validation-hook.ts';

/**
 * Every CRM route runs after authentication has put the caller in the context, and `callerKey`: a digest
 * of the API key presented (not the stored hash), for budgets kept per key.
 */
export type CrmEnv = { Variables: { actor: Actor; callerKey?: string } };

/** A router for `/api/v1` routes: same validation shape as the rest, with the authenticated actor. */
export const createCrmRouter = () => new OpenAPIHono<CrmEnv>({ defaultHook: validationHook });

export type CrmRouter = ReturnType<typeof createCrmRouter>;

/** A handler typed by its route contract: `c.req.valid(…)` and every `c.json(body, status)` are checked against it. */
export type CrmHandler<R extends RouteConfig> = RouteHandler<R, CrmEnv>;
