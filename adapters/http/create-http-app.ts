import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { accessLog } from './access-log.ts';
import { clientIpResolver, type ClientIp } from './client-ip.ts';
import { createRouter } from './create-router.ts';
import { CRM_BASE_PATH, OPENAPI_PATH, crmDocument, type CrmApi } from './crm/crm-api.ts';
import { DOCS_CSP, renderDocsPage } from './crm/docs-page.ts';
import { fakeWhatsAppRouter, type FakeWhatsAppDeps } from './fake-whatsapp.router.ts';
import { healthRouter } from './health.router.ts';
import { problem } from './problem.ts';
import type { RequestLimits } from './request-limits.ts';
import { securityHeaders } from './security-headers.ts';
import { simulatorRouter } from './simulator.router.ts';
import { webhookRouter, type WebhookPort } from './webhook.router.ts';

/** The slice of a pino logger the HTTP adapter needs (pino's `Logger` satisfies it). */
export interface HttpLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's; lets the access log skip its work when info is off. */
  isLevelEnabled?(level: string): boolean;
}

export interface HttpAppDeps {
  readonly logger: HttpLogger;
  /** Whether dependencies answer; defaults to always ready. A throw counts as "not ready". */
  readonly readiness?: () => Promise<boolean>;
  /** Present only with the fake WhatsApp: lets QA and tests play leads and their phones over HTTP. */
  readonly fakeWhatsApp?: FakeWhatsAppDeps;
  /** The folder of the QA simulator page, served at `/simulator` (fake mode only). */
  readonly simulatorDir?: string;
  /** Present with a real WhatsApp channel: serves `GET|POST /webhooks/whatsapp`. */
  readonly webhook?: WebhookPort;
  /** The CRM API (`createCrmApi`): served under `/api/v1`, with its reference at `/docs`. */
  readonly crm?: CrmApi;
  /** Budgets the app itself enforces (webhooks with bad signatures); none when absent. */
  readonly limits?: Pick<RequestLimits, 'badSignatures'>;
  /** Who is calling, for limits and the access log; the socket's peer address by default. */
  readonly clientIp?: ClientIp;
}

export const createHttpApp = (deps: HttpAppDeps) => {
  const app = createRouter();
  const readiness = deps.readiness ?? (() => Promise.resolve(true));
  const clientIp = deps.clientIp ?? clientIpResolver();
  app.use('*', accessLog(deps.logger, clientIp));
  app.use('*', securityHeaders());

  app.route('/', healthRouter({ readiness, logger: deps.logger }));
  if (deps.fakeWhatsApp !== undefined) app.route('/', fakeWhatsAppRouter(deps.fakeWhatsApp));
  if (deps.simulatorDir !== undefined) app.route('/', simulatorRouter({ dir: deps.simulatorDir }));
  if (deps.webhook !== undefined) {
    const guard = deps.limits === undefined ? undefined : { badSignatures: deps.limits.badSignatures, clientIp };
    app.route('/', webhookRouter({ webhook: deps.webhook, logger: deps.logger, guard }));
  }
  if (deps.crm !== undefined) {
    const crm = deps.crm;
    app.route('/', crm);
    app.get('/docs', (c) =>
      c.html(renderDocsPage(crmDocument(crm), `${CRM_BASE_PATH}${OPENAPI_PATH}`), 200, {
        'Content-Security-Policy': DOCS_CSP,
      }),
    );
  }

  app.notFound((c) => problem(c, 404, 'not_found', 'Not Found', `No route for ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => handleError(error, c, deps.logger));
  return app;
};

export type HttpApp = ReturnType<typeof createHttpApp>;

const CODES: Readonly<Record<number, readonly [code: string, title: string]>> = {
  400: ['bad_request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not Found'],
  405: ['method_not_allowed', 'Method Not Allowed'],
  413: ['payload_too_large', 'Payload Too Large'],
  415: ['unsupported_media_type', 'Unsupported Media Type'],
  429: ['rate_limited', 'Too Many Requests'],
};

const handleError = (error: Error, c: Context, logger: HttpLogger) => {
  // Framework-level refusals (malformed JSON, auth middleware) keep their status and headers.
  if (error instanceof HTTPException && error.status < 500) {
    const [code, title] = CODES[error.status] ?? [`http_${error.status}`, 'Request Refused'];
    error.res?.headers.forEach((value, name) => {
      if (name.toLowerCase() !== 'content-type' && name.toLowerCase() !== 'content-length') c.header(name, value);
    });
    return problem(c, error.status, code, title, error.message || undefined);
  }
  logger.error(
    { event: 'http_request_failed', err: error, method: c.req.method, path: c.req.path },
    'Unhandled error while serving a request',
  );
  // No message or stack in the answer: they can carry SQL, tokens or personal data.
  return problem(c, 500, 'internal', 'Internal Server Error', 'An unexpected error occurred.');
};
