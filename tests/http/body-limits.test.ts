import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../adapters/http/body-limits.ts';
import { MAX_UPLOAD_BYTES } from '../../domain/media/upload-policy.ts';
import { ADMIN, phoneDesk } from '../support/fake-phone-http.ts';

const MB = 1024 * 1024;
const auth = { authorization: `Bearer ${ADMIN}` };

/** A JSON lead of exactly `size` bytes (the name pads it; over 200 characters it is invalid, but only a 422). */
const leadOfSize = (size: number): string => {
  const shell = JSON.stringify({ name: '', phone: '300 123 4567' });
  return JSON.stringify({ name: 'x'.repeat(size - shell.length), phone: '300 123 4567' });
};

/** A body sent in chunks with no Content-Length, as `Transfer-Encoding: chunked` arrives. */
const chunked = (bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> => {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
};

const uploadForm = (size: number, type = 'application/pdf'): FormData => {
  const form = new FormData();
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  form.append('file', new File([bytes], 'brochure.pdf', { type }));
  return form;
};

const expectTooLarge = async (response: Response, code = 'payload_too_large') => {
  expect(response.status).toBe(413);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status: 413, code });
};

describe('body limits on the CRM API', () => {
  it('a JSON body is read up to 1 MB: one byte more is a 413 problem, before validation', async () => {
    const { request } = await phoneDesk();
    const post = (body: string) =>
      request('/api/v1/leads', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });

    expect(MAX_JSON_BODY_BYTES).toBe(MB);
    const atLimit = await post(leadOfSize(MAX_JSON_BODY_BYTES));
    expect(atLimit.status).toBe(422);
    await expectTooLarge(await post(leadOfSize(MAX_JSON_BODY_BYTES + 1)));
  });

  it('the limit holds without a Content-Length (a chunked body), on PUT and PATCH too', async () => {
    const { request } = await phoneDesk();
    const big = new TextEncoder().encode(leadOfSize(2 * MB));
    for (const [method, path] of [
      ['POST', '/api/v1/leads'],
      ['PUT', '/api/v1/price-buckets'],
      ['PATCH', '/api/v1/visits/v-1/stage'],
    ] as const) {
      const response = await request(path, {
        method,
        headers: { ...auth, 'content-type': 'application/json' },
        body: chunked(big),
        duplex: 'half',
      } as RequestInit);
      await expectTooLarge(response);
    }
  });

  it('a body whose type is not JSON is held to 1 MB as well (nothing reads an unbounded body)', async () => {
    const { request } = await phoneDesk();
    const response = await request('/api/v1/leads', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'x'.repeat(MB + 1),
    });
    await expectTooLarge(response);
  });

  it('an upload has its own limit: a 2 MB file is stored, a form over 16 MB is media_too_large, chunked or not', async () => {
    const { request } = await phoneDesk();
    const upload = (body: FormData, extra: RequestInit = {}) =>
      request('/api/v1/media', { method: 'POST', headers: auth, body, ...extra });

    const stored = await upload(uploadForm(2 * MB));
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({ size: 2 * MB });

    await expectTooLarge(await upload(uploadForm(MAX_UPLOAD_BYTES + 128 * 1024)), 'media_too_large');
    const form = new Response(uploadForm(MAX_UPLOAD_BYTES + 128 * 1024));
    const streamed = await request('/api/v1/media', {
      method: 'POST',
      headers: { ...auth, 'content-type': form.headers.get('content-type') ?? '' },
      body: chunked(new Uint8Array(await form.arrayBuffer()), MB),
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(streamed, 'media_too_large');
  });

  it('the upload route reads no JSON body over 1 MB either', async () => {
    const { request } = await phoneDesk();
    const response = await request('/api/v1/media', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'x'.repeat(2 * MB) }),
    });
    await expectTooLarge(response);
  });
});

describe('body limits on the fake WhatsApp', () => {
  it('receipts are held to 1 MB; the inbound keeps its own limit, room for a 16 MB file', async () => {
    const { request } = await phoneDesk();
    const receipts = await request('/fake-whatsapp/phones/%2B573001112233/receipts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked(new TextEncoder().encode(`["${'x'.repeat(2 * MB)}"]`)),
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(receipts);
    const inbound = await request('/fake-whatsapp/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+573001112233', text: 'x'.repeat(2 * MB) }),
    });
    expect(inbound.status).toBe(422);
  });
});

describe('body limits over a real socket', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  /** Posts `total` bytes with `Transfer-Encoding: chunked`, answering the status and body the client read. */
  const postChunked = (port: number, path: string, total: number, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const write = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      req.write('{"name":"');
      write();
    });

  it('a chunked JSON body over the limit gets its 413 problem, not a reset or a 500', async () => {
    const { app } = await phoneDesk();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;

    const answer = await postChunked(port, '/api/v1/leads', 3 * MB, { ...auth, 'content-type': 'application/json' });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
  });
});
