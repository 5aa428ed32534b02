import type { HttpHandler } from './create-router.ts';
import type { FakePhoneDeps } from './fake-phone.handlers.ts';
import type * as routes from './fake-whatsapp.routes.ts';
import type { FakeInbound } from './fake-whatsapp.schemas.ts';

/** Plays a lead writing in: stored like a webhook; `stored` is false when that waMessageId already was. */
export type FakeInboundPort = (input: FakeInbound) => Promise<{ stored: boolean; waMessageId: string }>;

/** What the fake WhatsApp needs: a way to play a lead writing in, and the phones (for the simulator page). */
export type FakeWhatsAppDeps = FakePhoneDeps & {
  /** Plays a lead writing in. */
  readonly inbound: FakeInboundPort;
};

export const fakeInbound =
  (deps: FakeWhatsAppDeps): HttpHandler<typeof routes.fakeInboundRoute> =>
  async (c) =>
    c.json(await deps.inbound(c.req.valid('json')), 202);
