import { defaultBodyLimit, limitBody } from './body-limits.ts';
import { createRouter, type Router } from './create-router.ts';
import { fakePhoneRouter } from './fake-phone.router.ts';
import * as handlers from './fake-whatsapp.handlers.ts';
import type { FakeWhatsAppDeps } from './fake-whatsapp.handlers.ts';
import * as routes from './fake-whatsapp.routes.ts';
import { MAX_INBOUND_BODY_BYTES, MAX_MEDIA_BYTES } from './fake-whatsapp.schemas.ts';
import { problem } from './problem.ts';

export type { FakeInboundPort, FakeWhatsAppDeps } from './fake-whatsapp.handlers.ts';

export const FAKE_WHATSAPP_OPENAPI_PATH = '/fake-whatsapp/openapi.json';

/**
 * The fake WhatsApp's HTTP surface (fake mode only, no authentication): the inbound route and the phones'
 * routes, behind their body limits, documented at `/fake-whatsapp/openapi.json`.
 */
export const fakeWhatsAppRouter = (deps: FakeWhatsAppDeps): Router => {
  const router = createRouter();
  router.use(
    routes.fakeInboundRoute.path,
    limitBody(MAX_INBOUND_BODY_BYTES, (c) =>
      problem(c, 413, 'payload_too_large', 'Payload Too Large', `Files up to ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`),
    ),
  );
  router.use('/fake-whatsapp/phones/*', defaultBodyLimit());
  router.openapi(routes.fakeInboundRoute, handlers.fakeInbound(deps));
  router.route('/', fakePhoneRouter(deps));
  router.doc31(FAKE_WHATSAPP_OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'WhatsApp Lead Desk: fake WhatsApp',
      version: '1',
      description: 'Plays leads and their phones without Meta (only without WHATSAPP_ACCESS_TOKEN). No authentication.',
    },
  });
  return router;
};
