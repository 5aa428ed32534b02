import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { FakePhonePort, PhoneEvent } from './fake-phone.port.ts';
import { phoneEventPayload } from './fake-phone.presenter.ts';

/**
 * `GET /fake-whatsapp/events`: every phone message as it is added or its ticks change, until the client goes
 * away or the phones close with the server. Listeners are dropped either way, so none leaks.
 */
export const streamPhoneEvents = (c: Context, phones: FakePhonePort, heartbeatMs: number): Response => {
  const response = streamSSE(c, async (stream) => {
    let delivery = Promise.resolve();
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const forward = async (event: PhoneEvent): Promise<void> => {
      if (event.type === 'closed') return finish();
      if (stream.aborted) return;
      await stream.writeSSE({ event: event.type, data: JSON.stringify(phoneEventPayload(event)) });
    };
    // Chained so a burst keeps its order although each write is asynchronous.
    const unsubscribe = phones.subscribe((event) => {
      delivery = delivery.then(() => forward(event)).catch(() => undefined);
    });
    const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => undefined), heartbeatMs);
    stream.onAbort(finish);
    await stream.write(': connected\n\n');
    await finished;
    clearInterval(heartbeat);
    unsubscribe();
  });
  // The stream owns its connection: when it ends (the server stops) the socket closes too, rather than idling
  // in keep-alive and holding the server's close() back.
  response.headers.set('Connection', 'close');
  return response;
};
