import { createRouter, type Router } from './create-router.ts';
import * as handlers from './fake-phone.handlers.ts';
import type { FakePhoneDeps } from './fake-phone.handlers.ts';
import * as routes from './fake-phone.routes.ts';

export type { FakePhoneDeps } from './fake-phone.handlers.ts';

/** The phones' side of the fake WhatsApp: what each phone shows, its files and receipts, and a live stream. */
export const fakePhoneRouter = (deps: FakePhoneDeps): Router => {
  const router = createRouter();
  router.openapi(routes.listPhonesRoute, handlers.listPhones(deps));
  router.openapi(routes.phoneMessagesRoute, handlers.phoneMessages(deps));
  router.openapi(routes.phoneMediaRoute, handlers.phoneMedia(deps));
  router.openapi(routes.phoneReceiptsRoute, handlers.phoneReceipts(deps));
  router.openapi(routes.phoneEventsRoute, handlers.phoneEvents(deps));
  return router;
};
