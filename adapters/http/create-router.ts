import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { validationHook } from './validation-hook.ts';

/**
 * Every router is made here: `defaultHook` is per instance and not inherited through `app.route()`,
 * so a router built with a bare `new OpenAPIHono()` would answer validation errors in another shape.
 */
export const createRouter = () => new OpenAPIHono({ defaultHook: validationHook });

export type Router = ReturnType<typeof createRouter>;

/** A handler typed by its route contract: `c.req.valid(…)` and every `c.json(body, status)` are checked against it. */
export type HttpHandler<R extends RouteConfig> = RouteHandler<R>;
