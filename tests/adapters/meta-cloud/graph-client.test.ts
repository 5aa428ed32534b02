import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessTokenRejected } from '../../../adapters/whatsapp/meta-cloud/access-token-rejected.ts';
import { backoffDelay, DEFAULT_GRAPH_RETRY } from '../../../adapters/whatsapp/meta-cloud/graph-retry.ts';
import { textMessage } from '../../../domain/messaging/builders.ts';
import { aLine } from '../../builders/line-builder.ts';
import { phone } from '../../builders/phone.ts';
import { openMetaCloud, type HarnessOptions, type MetaCloudHarness } from './meta-cloud-harness.ts';

const line = aLine().withPhoneNumberId('pnid-1').build();
const to = { phone: phone('+573001234567'), userId: null };
const serverError = { status: 500, error: { code: 131000, message: 'Something went wrong' } };

describe('GraphClient: retries, timeouts, dropped connections', () => {
  let h: MetaCloudHarness | null = null;
  const open = async (options: HarnessOptions = {}) => (h = await openMetaCloud(options));
  const sendOne = (harness: MetaCloudHarness) => harness.gateway.send({ line, to, content: textMessage('Hola') });
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const harness = await open();
    harness.stub.failNext(2, serverError);
    expect(await sendOne(harness)).toEqual({ ok: true, value: { waMessageId: 'wamid.stub.1' } });
    expect(harness.stub.requests).toHaveLength(3);
    // Full jitter at 0.5: half of 300 ms, then half of 600 ms.
    expect(harness.sleeps).toEqual([150, 300]);
  });

  it('gives up after the attempts allowed and returns the last failure as a value', async () => {
    const harness = await open();
    harness.stub.failNext(3, serverError);
    expect(await sendOne(harness)).toEqual({
      ok: false,
      error: { type: 'SendFailed', retryable: true, code: '131000', title: 'Something went wrong' },
    });
    expect(harness.stub.requests).toHaveLength(DEFAULT_GRAPH_RETRY.maxAttempts);
  });

  it('never retries a permanent failure', async () => {
    const harness = await open();
    harness.stub.failNext(1, {
      status: 400,
      error: { code: 131047, details: 'Message failed to send because more than 24 hours have passed' },
    });
    const result = await sendOne(harness);
    expect(result).toMatchObject({ ok: false, error: { retryable: false, code: '131047' } });
    expect(harness.stub.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it('waits at least as long as Meta asks: throughput hint and Retry-After', async () => {
    const harness = await open();
    harness.stub.failNext(1, { status: 400, error: { code: 130429 } });
    harness.stub.failNext(1, { status: 503, retryAfter: '2' });
    expect((await sendOne(harness)).ok).toBe(true);
    expect(harness.sleeps).toEqual([1_000, 2_000]);
  });

  it('leaves a hint longer than its budget to the dispatcher: pair rate is not retried in the call', async () => {
    const harness = await open();
    harness.stub.failNext(1, { status: 400, error: { code: 131056 } });
    const result = await sendOne(harness);
    expect(result).toMatchObject({ ok: false, error: { retryable: true, code: '131056' } });
    expect(result.ok ? 0 : result.error.retryAfterMs).toBeGreaterThanOrEqual(6_000);
    expect(harness.stub.requests).toHaveLength(1);
  });

  it('times out a request that gets no answer, as a retryable failure', async () => {
    const harness = await open({ timeoutMs: 150, retry: { maxAttempts: 1 } });
    harness.stub.timeoutNext();
    expect(await sendOne(harness)).toMatchObject({
      ok: false,
      error: { type: 'SendFailed', retryable: true, code: 'timeout' },
    });
  });

  it('retries after a timeout and gets through', async () => {
    const harness = await open({ timeoutMs: 150 });
    harness.stub.timeoutNext();
    expect(await sendOne(harness)).toEqual({ ok: true, value: { waMessageId: 'wamid.stub.1' } });
  });

  it('waits for a slow answer within the timeout', async () => {
    const harness = await open({ timeoutMs: 1_000 });
    harness.stub.delayNext(100);
    expect((await sendOne(harness)).ok).toBe(true);
    expect(harness.sleeps).toEqual([]);
  });

  it('treats a dropped connection as retryable, and retries it', async () => {
    const once = await open({ retry: { maxAttempts: 1 } });
    once.stub.dropNextConnection();
    expect(await sendOne(once)).toMatchObject({ ok: false, error: { retryable: true, code: 'network' } });
    await once.close();
    const again = await open();
    again.stub.dropNextConnection();
    expect((await sendOne(again)).ok).toBe(true);
  });

  it('treats an unreachable Graph API as retryable', async () => {
    const harness = await open({ retry: { maxAttempts: 1 } });
    await harness.stub.close();
    expect(await sendOne(harness)).toMatchObject({ ok: false, error: { retryable: true, code: 'network' } });
  });

  it('throws AccessTokenRejected when Meta refuses the token (190), without retrying', async () => {
    const harness = await open({ token: 'expired-token' });
    await expect(sendOne(harness)).rejects.toBeInstanceOf(AccessTokenRejected);
    expect(harness.stub.requests).toHaveLength(1);
  });

  it('throws AccessTokenRejected on any HTTP 401, even without a Graph error body', async () => {
    const harness = await open();
    harness.stub.failNext(1, { status: 401 });
    await expect(sendOne(harness)).rejects.toThrow(AccessTokenRejected);
  });

  it('never follows a redirect: a 3xx is a final failure, and the token goes nowhere else', async () => {
    const harness = await open();
    harness.stub.failNext(1, { status: 307, headers: { location: `${harness.stub.url}/v25.0/pnid-2/messages` } });
    expect(await sendOne(harness)).toMatchObject({ ok: false, error: { retryable: false, code: 'redirect_refused' } });
    expect(harness.stub.requests.map((r) => r.path)).toEqual(['/v25.0/pnid-1/messages']);
  });

  it('markRead is best effort: a refusal, an outage or a refused token never throws', async () => {
    const harness = await open({ retry: { maxAttempts: 1 } });
    harness.stub.failNext(1, { status: 400, error: { code: 100 } });
    await harness.gateway.markRead(line, 'wamid.x' as never);
    harness.stub.failNext(1, { status: 401, error: { code: 190 } });
    await harness.gateway.markRead(line, 'wamid.y' as never);
    harness.stub.dropNextConnection();
    await expect(harness.gateway.markRead(line, 'wamid.z' as never)).resolves.toBeUndefined();
  });

  it('showTyping is best effort too: a refusal, a refused token or an outage never throws', async () => {
    const harness = await open({ retry: { maxAttempts: 1 } });
    harness.stub.failNext(1, { status: 400, error: { code: 100 } });
    await harness.gateway.showTyping(line, 'wamid.x' as never);
    harness.stub.failNext(1, { status: 401, error: { code: 190 } });
    await harness.gateway.showTyping(line, 'wamid.y' as never);
    harness.stub.dropNextConnection();
    await expect(harness.gateway.showTyping(line, 'wamid.z' as never)).resolves.toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('is full jitter under an exponential cap, and never sooner than the hint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.nat(100_000),
        (attempt, random, hint) => {
          const cap = Math.min(DEFAULT_GRAPH_RETRY.maxDelayMs, DEFAULT_GRAPH_RETRY.baseDelayMs * 2 ** (attempt - 1));
          const plain = backoffDelay(DEFAULT_GRAPH_RETRY, attempt, random);
          expect(plain).toBeGreaterThanOrEqual(0);
          expect(plain).toBeLessThan(cap);
          expect(backoffDelay(DEFAULT_GRAPH_RETRY, attempt, random, hint)).toBe(Math.max(hint, plain));
        },
      ),
    );
  });
});
