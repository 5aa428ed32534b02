import type { HttpHandler } from './create-router.ts';
import type * as routes from './health.routes.ts';

/** What the probes need: whether dependencies answer, and where to say a check failed. */
export type HealthDeps = {
  /** A throw counts as "not ready". */
  readonly readiness: () => Promise<boolean>;
  readonly logger: { warn(obj: object, msg?: string): void };
};

/** A readiness check still unanswered by then counts as "not ready": a probe must get its 503, not hang. */
const READINESS_TIMEOUT_MS = 2_000;

const answeredWithin = (check: Promise<boolean>, ms: number): Promise<boolean> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
};

export const health: HttpHandler<typeof routes.healthRoute> = (c) => c.json({ status: 'ok' as const }, 200);

export const ready =
  (deps: HealthDeps): HttpHandler<typeof routes.readyRoute> =>
  async (c) => {
    const ready = await answeredWithin(deps.readiness(), READINESS_TIMEOUT_MS).catch((error: unknown) => {
      deps.logger.warn({ event: 'readiness_check_failed', err: error }, 'Readiness check failed');
      return false;
    });
    return ready ? c.json({ status: 'ready' as const }, 200) : c.json({ status: 'not_ready' as const }, 503);
  };
