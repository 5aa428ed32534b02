import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';
import type { FakePhonePort, PhoneEvent } from '../../adapters/http/fake-phone.port.ts';
import { eventually } from '../support/eventually.ts';
import { phoneDesk } from '../support/fake-phone-http.ts';

const PHONE = '+573001112255';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Reads a server-sent event stream as text, a chunk at a time, until `done` says it has enough. */
const reader = (response: Response) => {
  const stream = response.body?.getReader();
  if (stream === undefined) throw new Error('no body');
  let text = '';
  return {
    async until(done: (text: string) => boolean): Promise<string> {
      while (!done(text)) {
        const chunk = await stream.read();
        if (chunk.done) throw new Error(`the stream ended first:\n${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
      return text;
    },
    async end(): Promise<boolean> {
      for (;;) if ((await stream.read()).done) return true;
    },
    cancel: () => stream.cancel(),
  };
};

type Frame = {
  event: string;
  data: { phone: string; message: { from: string; kind: string; status: string; waMessageId: string } };
};
const frames = (text: string): Frame[] =>
  text.split('\n\n').flatMap((block) => {
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    return event === undefined || data === undefined ? [] : [{ event, data: JSON.parse(data) as Frame['data'] }];
  });

describe('GET /fake-whatsapp/events', () => {
  it('streams each message added to a phone, the bot reply included, then its status changes', async () => {
    const desk = await phoneDesk();
    const events = await desk.request('/fake-whatsapp/events');
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const stream = reader(events);
    await stream.until((t) => t.includes(': connected'));

    await desk.send({ from: PHONE, name: 'Ana', text: 'Hola' });
    const reply = (await desk.messages(PHONE)).findLast((m) => m.from === 'business');
    await desk.receipts(PHONE, [reply?.waMessageId ?? ''], 'read');

    // The bot read the lead's message (its typing indicator marks it read) before answering.
    const text = await stream.until((t) => t.split('phone_message_updated').length > 2);
    await stream.cancel();
    expect(frames(text).map((f) => [f.event, f.data.phone, f.data.message.from, f.data.message.status])).toEqual([
      ['phone_message', PHONE, 'lead', 'delivered'],
      ['phone_message_updated', PHONE, 'lead', 'read'],
      ['phone_message', PHONE, 'business', 'sent'],
      ['phone_message', PHONE, 'business', 'sent'],
      ['phone_message_updated', PHONE, 'business', 'read'],
    ]);
  });
});

/** A phone port whose events the test plays, counting live listeners. */
const scriptedPhones = () => {
  const listeners = new Set<(event: PhoneEvent) => void>();
  const port: FakePhonePort = {
    phones: () => [],
    messagesOf: () => [],
    mediaOf: async () => null,
    playReceipts: async () => 0,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const app = createHttpApp({
    logger: silent,
    fakeWhatsApp: { inbound: async () => ({ stored: true, waMessageId: 'x' }), phones: port, heartbeatMs: 10 },
  });
  return {
    app,
    listeners,
    emit: (event: PhoneEvent) => {
      for (const l of listeners) l(event);
    },
  };
};

describe('GET /fake-whatsapp/events, its lifetime', () => {
  it('sends a ping comment while idle', async () => {
    const { app } = scriptedPhones();
    const stream = reader(await app.request('/fake-whatsapp/events'));
    expect(await stream.until((t) => t.includes(': ping\n\n'))).toContain(': connected');
    await stream.cancel();
  });

  it('stops listening when the client goes away', async () => {
    const { app, listeners } = scriptedPhones();
    const stream = reader(await app.request('/fake-whatsapp/events'));
    await stream.until((t) => t.includes(': connected'));
    expect(listeners.size).toBe(1);

    await stream.cancel();

    await eventually(() => expect(listeners.size).toBe(0));
  });

  it('ends the stream cleanly when the phones close (the server stops)', async () => {
    const { app, listeners, emit } = scriptedPhones();
    const stream = reader(await app.request('/fake-whatsapp/events'));
    await stream.until((t) => t.includes(': connected'));

    emit({ type: 'closed' });

    expect(await stream.end()).toBe(true);
    expect(listeners.size).toBe(0);
  });
});

describe('GET /fake-whatsapp/events, its payload', () => {
  it('sends `v: 1`, the phone and the message as the phone shows it, nothing the record keeps besides', async () => {
    const { app, emit } = scriptedPhones();
    const stream = reader(await app.request('/fake-whatsapp/events'));
    await stream.until((t) => t.includes(': connected'));
    const record = {
      waMessageId: 'wamid.1',
      from: 'business',
      at: Date.UTC(2026, 0, 5, 15),
      kind: 'media',
      text: null,
      header: null,
      footer: null,
      buttons: [],
      list: null,
      template: null,
      media: { kind: 'document', mimeType: 'application/pdf', filename: 'cotizacion.pdf', caption: null, voice: false },
      choice: null,
      status: 'sent',
    } as const;
    // Where the file lives is the fake's business: the payload gives a URL instead.
    emit({ type: 'phone_message', phone: PHONE, message: Object.assign({ ...record }, { storedAt: '/tmp/x.pdf' }) });

    const text = await stream.until((t) => t.includes('event: phone_message\n'));
    await stream.cancel();
    const data = /^data: (.+)$/m.exec(text)?.[1];
    expect(JSON.parse(data ?? 'null')).toStrictEqual({
      v: 1,
      phone: PHONE,
      message: {
        ...record,
        at: '2026-01-05T15:00:00.000Z',
        media: { ...record.media, url: `/fake-whatsapp/phones/%2B573001112255/messages/wamid.1/media` },
      },
    });
  });
});
