import { defaultBodyLimit, MAX_JSON_BODY_BYTES } from '../body-limits.ts';
import { isMediaUpload } from './chat-tools.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { authenticateCaller, type Authenticate, type CallerGuard } from './crm-auth.ts';
import { refuseUnstorableText } from './storable-text.ts';

export const CRM_BASE_PATH = '/api/v1';
export const OPENAPI_PATH = '/openapi.json';
const BEARER_SCHEME = 'bearerAuth';

export type CrmApiDeps = {
  readonly authenticate: Authenticate;
  /** Rate limits on callers (per key, and per address on failed authentications); none when absent. */
  readonly guard?: CallerGuard;
  /** One router per resource, each built with `createCrmRouter()`, paths relative to `/api/v1`. */
  readonly routers: readonly CrmRouter[];
};

/** How the OpenAPI document describes the API as a whole. */
export const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'WhatsApp Lead Desk: CRM API',
    version: '1',
    description:
      'Every route needs `Authorization: Bearer <api key>`. Keys belong to users (advisor, manager, admin); ' +
      'an admin issues them and they are shown once. Errors are `application/problem+json` with a stable `code`. ' +
      `A request body may have up to ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB (an upload to \`POST /media\`, 16 MB): a larger one is refused with 413 \`payload_too_large\` ` +
      '(`media_too_large` for an upload).',
  },
  security: [{ [BEARER_SCHEME]: [] }],
};

/**
 * The whole `/api/v1`: the OpenAPI document (public), then the caller's authentication, then every
 * resource router. Mount with `app.route('/', api)`: its paths already carry the base path.
 */
export const createCrmApi = (deps: CrmApiDeps) => {
  const api = createCrmRouter().basePath(CRM_BASE_PATH);
  api.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key issued by an admin (or the CRM_ADMIN_API_KEY of the deployment).',
  });
  // Registered before the authentication middleware, which therefore never runs for it.
  api.doc31(OPENAPI_PATH, documentConfig);
  api.use('*', authenticateCaller(deps.authenticate, deps.guard));
  // Before anything reads a body (the text check reads JSON ones whole); the upload has its own, larger limit.
  api.use(
    '*',
    defaultBodyLimit((c) => isMediaUpload(c, CRM_BASE_PATH)),
  );
  api.use('*', refuseUnstorableText);
  for (const router of deps.routers) api.route('/', router);
  return api;
};

export type CrmApi = ReturnType<typeof createCrmApi>;

/** The generated document, for the HTML reference. */
export const crmDocument = (api: CrmApi) => api.getOpenAPI31Document(documentConfig);
