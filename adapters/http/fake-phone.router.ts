import type { Router } from './create-router.ts';
import { streamPhoneEvents } from './fake-phone-events.ts';
import type { FakePhonePort } from './fake-phone.port.ts';
import { iso, phoneMessageJson } from './fake-phone.presenter.ts';
import {
  listPhonesRoute,
  phoneEventsRoute,
  phoneMediaRoute,
  phoneMessagesRoute,
  phoneReceiptsRoute,
} from './fake-phone.routes.ts';
import { fileResponse } from './file-response.ts';
import { problem } from './problem.ts';

export type FakePhoneOptions = {
  /** Milliseconds between `: ping` comments on the event stream (15 s unless a test says otherwise). */
  readonly heartbeatMs?: number;
};

/** The phones' side of the fake WhatsApp: what each phone shows, its files and receipts, and a live stream. */
export const registerFakePhoneRoutes = (app: Router, phones: FakePhonePort, options: FakePhoneOptions = {}): void => {
  app.openapi(listPhonesRoute, (c) =>
    c.json(
      {
        phones: phones
          .phones()
          .map((p) => ({ phone: p.phone, name: p.name, lastAt: iso(p.lastAt), messageCount: p.messageCount })),
      },
      200,
    ),
  );

  app.openapi(phoneMessagesRoute, (c) => {
    const { phone } = c.req.valid('param');
    return c.json({ phone, messages: phones.messagesOf(phone).map((m) => phoneMessageJson(phone, m)) }, 200);
  });

  app.openapi(phoneMediaRoute, async (c) => {
    const { phone, waMessageId } = c.req.valid('param');
    const file = await phones.mediaOf(phone, waMessageId);
    if (file === null)
      return problem(c, 404, 'not_found', 'Not Found', `${phone} has no message ${waMessageId} with a file.`);
    return fileResponse(c, { bytes: file.bytes, mimeType: file.mimeType, filename: file.filename ?? waMessageId });
  });

  app.openapi(phoneReceiptsRoute, async (c) => {
    const { waMessageIds, status } = c.req.valid('json');
    return c.json({ accepted: await phones.playReceipts(c.req.valid('param').phone, waMessageIds, status) }, 202);
  });

  app.openapi(phoneEventsRoute, (c) => streamPhoneEvents(c, phones, options.heartbeatMs ?? 15_000));
};
