import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation-hook.ts';

/**
 * Every router is made here: `defaultHook` is per instance and not inherited through `app.route()`,
 * so a router built with a bare `new OpenAPIHono()` would answer validation errors in another shape.
 */
export const createRouter = () => new OpenAPIHono({ defaultHook: validationHook });

export type Router = ReturnType<typeof createRouter>;
