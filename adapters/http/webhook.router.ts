import { createRouter, type Router } from './create-router.ts';
import * as handlers from './webhook.handlers.ts';
import type { WebhookDeps } from './webhook.handlers.ts';
import * as routes from './webhook.routes.ts';

export type { WebhookDeps, WebhookGuard, WebhookPort } from './webhook.handlers.ts';

/**
 * `GET|POST /webhooks/whatsapp` (Meta's channel only). No body limit in front: the handler reads the body capped,
 * checks the signature over those bytes before anything else, and stores before it answers 200.
 */
export const webhookRouter = (deps: WebhookDeps): Router => {
  const router = createRouter();
  router.openapi(routes.verifyWebhookRoute, handlers.verifyWebhook(deps));
  router.openapi(routes.receiveWebhookRoute, handlers.receiveWebhook(deps));
  return router;
};
