import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVERY_INBOUND,
  PHONE_NUMBER_ID,
  WABA_ID,
  contact,
  entry,
  failedStatus,
  messagesChange,
  nextWamid,
  otherChange,
  sign,
  status,
  templateStatusChange,
  webhook,
} from '../builders/meta-webhook-payloads.ts';
import { startStubGraphApi, type StubGraphApi } from '../support/stub-graph-api.ts';
import { changedRows, isProblem, startCountedDesk, type CountedDesk } from './support/counted-desk.ts';
import { mutationsOf } from './support/json-mutations.ts';
import { APP_SECRET } from './support/meta-leads.ts';
import { scaled } from './support/scale.ts';

const TOKEN = 'fuzz-token';
const RUNS = scaled(60, 400);

/** A valid webhook: messages of every type from a few senders, receipts, template updates, other fields. */
const validWebhook = fc
  .array(
    fc.oneof(
      fc
        .record({
          build: fc.constantFrom(...EVERY_INBOUND),
          from: fc.constantFrom('573001112233', '573004445566', '16505551234'),
        })
        .map(({ build, from }) => messagesChange({ messages: [{ ...build(), from }], contacts: [contact(from)] })),
      fc
        .constantFrom('sent', 'delivered', 'read', 'failed')
        .map((s) =>
          messagesChange({ statuses: [s === 'failed' ? failedStatus(nextWamid()) : status(nextWamid(), s)] }),
        ),
      fc.constant(templateStatusChange('bienvenida', 'PAUSED')),
      fc.constant(otherChange()),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((changes) => webhook(entry(...changes)));

const BAD_SIGNATURES: readonly ((body: Uint8Array) => string | null)[] = [
  () => null,
  () => '',
  () => 'sha256=',
  (body) => sign('not-the-app-secret', body),
  (body) => sign(APP_SECRET, Buffer.concat([body, Buffer.from(' ')])),
  (body) => sign(APP_SECRET, body).replace('sha256=', 'sha1='),
  (body) => sign(APP_SECRET, body).toUpperCase(),
  (body) => `${sign(APP_SECRET, body)}00`,
  () => `sha256=${'z'.repeat(64)}`,
];

describe('fuzzed webhook bodies, in process on PGlite', () => {
  let stub: StubGraphApi;
  let desk: CountedDesk;
  beforeAll(async () => {
    stub = await startStubGraphApi({ token: TOKEN, version: 'v25.0', phoneNumberIds: [PHONE_NUMBER_ID] });
    desk = await startCountedDesk({
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'fuzz-verify',
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_BUSINESS_ACCOUNT_ID: WABA_ID,
      WHATSAPP_GRAPH_URL: stub.url,
      // Every fuzzed request comes from one address on a fixed clock: past the limit, bad signatures would get 429.
      WEBHOOK_BAD_SIGNATURES_PER_MINUTE: '1000000',
    });
  }, 60_000);
  afterAll(async () => {
    await desk?.close();
    await stub?.close();
  });

  /**
   * Posts one body: never a 500. A refusal is problem+json and stores nothing; an acknowledged body is
   * processed without an error (no inbox entry left failing).
   */
  const check = async (body: Uint8Array, signature: string | null): Promise<number> => {
    await desk.settle();
    const before = await desk.rows();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    };
    const response = await desk.app.request('/webhooks/whatsapp', { method: 'POST', headers, body });
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) {
      await desk.settle();
      expect(await desk.failedEntries()).toEqual([]);
    } else {
      expect(isProblem(response), `${response.status} ${response.headers.get('content-type')}`).toBe(true);
      expect(changedRows(before, await desk.rows())).toEqual([]);
    }
    return response.status;
  };
  const signed = (body: Uint8Array) => check(body, sign(APP_SECRET, body));
  const bytes = (json: unknown) => Buffer.from(JSON.stringify(json) ?? 'undefined');

  it('answers random JSON, signed, with 400 or 200 and never stores what it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }),
        async (json) => void (await signed(bytes(json))),
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses bytes that are not UTF-8 JSON', async () => {
    const notJson = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(
        Buffer.from([0xff, 0xfe, 0x7b]),
        Buffer.from('{"object":"whatsapp_business_account","entry":[\xc3\x28]}', 'latin1'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(notJson, async (body) => void (await signed(body))),
      { numRuns: RUNS },
    );
  });

  it('survives valid payloads with wrong types, missing fields, NUL bytes, lone surrogates and huge strings', async () => {
    await fc.assert(
      fc.asyncProperty(mutationsOf(validWebhook), async (json) => void (await signed(bytes(json)))),
      { numRuns: RUNS * 3 },
    );
  });

  it('stores nothing from a valid payload with a bad or missing signature, and refuses a body over 3 MB unread', async () => {
    const cases = fc.tuple(validWebhook, fc.constantFrom(...BAD_SIGNATURES));
    await fc.assert(
      fc.asyncProperty(cases, async ([json, badSignature]) => {
        const body = bytes(json);
        expect(await check(body, badSignature(body))).toBe(401);
      }),
      { numRuns: scaled(30, 150) },
    );
    const huge = Buffer.from(
      JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(3 * 1024 * 1024) }),
    );
    expect(await signed(huge)).toBe(413);
  });
});
