import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ClientIp } from './client-ip.ts';

export type AccessLogger = {
  info(obj: object, msg?: string): void;
  /** pino's: when info is off (e.g. `LOG_LEVEL=warn`), the line is not even put together. */
  isLevelEnabled?(level: string): boolean;
};

const MAX_PATH = 200;

/** An unmatched path is attacker-chosen text: segments with digit runs or an `@` (phones, e-mails) are left out. */
const maskedPath = (path: string): string =>
  path
    .slice(0, MAX_PATH)
    .split('/')
    .map((segment) => (/\d{5,}|@|%40/i.test(segment) ? ':redacted' : segment))
    .join('/');

/** The pattern of the route that answered (`/api/v1/leads/:id`), never the values in it. */
const routeOf = (c: Context): string => {
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  return route?.path ?? maskedPath(c.req.path);
};

/**
 * One `http_request_served` line at info per request: method, route pattern, status, duration and client
 * address. Never the query string, headers or bodies (they carry keys, phones and messages).
 */
export const accessLog =
  (logger: AccessLogger, clientIp: ClientIp): MiddlewareHandler =>
  async (c, next) => {
    if (logger.isLevelEnabled?.('info') === false) return next();
    const started = performance.now();
    await next();
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    logger.info(
      {
        event: 'http_request_served',
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        durationMs,
        clientIp: clientIp(c),
      },
      'Request served',
    );
  };
