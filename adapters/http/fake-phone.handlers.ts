import type { HttpHandler } from './create-router.ts';
import { streamPhoneEvents } from './fake-phone-events.ts';
import type { FakePhonePort } from './fake-phone.port.ts';
import { iso, phoneMessageJson } from './fake-phone.presenter.ts';
import type * as routes from './fake-phone.routes.ts';
import { fileResponse } from './file-response.ts';
import { problem } from './problem.ts';

/** What the phone routes need: the phones' view of every message. */
export type FakePhoneDeps = {
  readonly phones: FakePhonePort;
  /** Milliseconds between `: ping` comments on the event stream (15 s unless a test says otherwise). */
  readonly heartbeatMs?: number;
};

export const listPhones =
  ({ phones }: FakePhoneDeps): HttpHandler<typeof routes.listPhonesRoute> =>
  (c) =>
    c.json(
      {
        phones: phones
          .phones()
          .map((p) => ({ phone: p.phone, name: p.name, lastAt: iso(p.lastAt), messageCount: p.messageCount })),
      },
      200,
    );

export const phoneMessages =
  ({ phones }: FakePhoneDeps): HttpHandler<typeof routes.phoneMessagesRoute> =>
  (c) => {
    const { phone } = c.req.valid('param');
    return c.json({ phone, messages: phones.messagesOf(phone).map((m) => phoneMessageJson(phone, m)) }, 200);
  };

export const phoneMedia =
  ({ phones }: FakePhoneDeps): HttpHandler<typeof routes.phoneMediaRoute> =>
  async (c) => {
    const { phone, waMessageId } = c.req.valid('param');
    const file = await phones.mediaOf(phone, waMessageId);
    if (file === null)
      return problem(c, 404, 'not_found', 'Not Found', `${phone} has no message ${waMessageId} with a file.`);
    return fileResponse(c, { bytes: file.bytes, mimeType: file.mimeType, filename: file.filename ?? waMessageId });
  };

export const phoneReceipts =
  ({ phones }: FakePhoneDeps): HttpHandler<typeof routes.phoneReceiptsRoute> =>
  async (c) => {
    const { waMessageIds, status } = c.req.valid('json');
    return c.json({ accepted: await phones.playReceipts(c.req.valid('param').phone, waMessageIds, status) }, 202);
  };

export const phoneEvents =
  ({ phones, heartbeatMs = 15_000 }: FakePhoneDeps): HttpHandler<typeof routes.phoneEventsRoute> =>
  (c) =>
    streamPhoneEvents(c, phones, heartbeatMs);
