import { defaultBodyLimit, limitBody } from './body-limits.ts';
import { createRouter, type Router } from './create-router.ts';
import { registerFakePhoneRoutes, type FakePhoneOptions } from './fake-phone.router.ts';
import type { FakePhonePort } from './fake-phone.port.ts';
import {
  fakeInboundRoute,
  MAX_INBOUND_BODY_BYTES,
  MAX_MEDIA_BYTES,
  type FakeInboundPort,
} from './fake-whatsapp.routes.ts';
import { problem } from './problem.ts';

export const FAKE_WHATSAPP_OPENAPI_PATH = '/fake-whatsapp/openapi.json';

export type FakeWhatsAppDeps = FakePhoneOptions & {
  /** Plays a lead writing in. */
  readonly inbound: FakeInboundPort;
  /** The phones' view of every message, for the simulator page. */
  readonly phones: FakePhonePort;
};

/** The fake WhatsApp's HTTP surface (fake mode only, no authentication), documented at `/fake-whatsapp/openapi.json`. */
export const fakeWhatsAppRouter = (deps: FakeWhatsAppDeps): Router => {
  const router = createRouter();
  router.use(
    fakeInboundRoute.path,
    limitBody(MAX_INBOUND_BODY_BYTES, (c) =>
      problem(c, 413, 'payload_too_large', 'Payload Too Large', `Files up to ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`),
    ),
  );
  router.use('/fake-whatsapp/phones/*', defaultBodyLimit());
  router.openapi(fakeInboundRoute, async (c) => c.json(await deps.inbound(c.req.valid('json')), 202));
  registerFakePhoneRoutes(router, deps.phones, deps);
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
