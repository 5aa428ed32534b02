import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundFile, MediaSink } from '../../../application/ports/channel-media.ts';
import { AccessTokenRejected } from '../../../adapters/whatsapp/meta-cloud/access-token-rejected.ts';
import {
  MetaChannelMedia,
  type MetaChannelMediaOptions,
} from '../../../adapters/whatsapp/meta-cloud/meta-channel-media.ts';
import type { InboundMediaKind } from '../../../domain/messaging/message.ts';
import { aLine } from '../../builders/line-builder.ts';
import { generatedBytes } from '../../support/stub-graph-api.ts';
import { openMetaCloud, TOKEN, VERSION, type MetaCloudHarness } from './meta-cloud-harness.ts';

const line = aLine().withPhoneNumberId('pnid-1').build();
const voiceNote = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]);
const MB = 1024 * 1024;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('MetaChannelMedia', () => {
  let h: MetaCloudHarness;
  /** Files kept by the harness's store: what a download left behind. */
  let kept = 0;
  beforeEach(async () => {
    h = await openMetaCloud({ retry: { maxAttempts: 2 } });
    kept = 0;
  });
  afterEach(() => h.close());

  const sink: MediaSink = async (description, body, maxBytes) => {
    const stored = await h.media.putStream({ ...description, owner: null }, body, maxBytes);
    if (stored.ok) kept += 1;
    return stored;
  };
  const file = (waMediaId: string, kind: InboundMediaKind = 'audio'): InboundFile => ({ waMediaId, kind });
  const download = (id: string, kind?: InboundMediaKind, options?: MetaChannelMediaOptions) =>
    new MetaChannelMedia(h.client, options).download(line, file(id, kind), sink);
  const storedAs = async (result: Awaited<ReturnType<typeof download>>) =>
    result.ok ? h.media.get(result.value) : null;
  const bytesRequests = () => h.stub.requests.filter((r) => r.path.startsWith('/lookaside/'));

  it('asks Graph for the URL, then streams the bytes from it with the bearer token into the store', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    const result = await download(id);
    expect(await storedAs(result)).toEqual({ bytes: voiceNote, mimeType: 'audio/ogg', filename: null, owner: null });
    expect(h.stub.requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['GET', `/${VERSION}/${id}`, `Bearer ${TOKEN}`],
      ['GET', `/lookaside/media/${id}`, `Bearer ${TOKEN}`],
    ]);
  });

  it("keeps Graph's MIME type in its canonical form, parameters included", async () => {
    const id = h.stub.addMedia(voiceNote, 'Audio/OGG;  codecs=opus');
    expect((await storedAs(await download(id)))?.mimeType).toBe('audio/ogg; codecs=opus');
  });

  it('fails for good when Meta no longer knows the id (expired after 7 days, or never existed)', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.expireMedia(id);
    expect(await download(id)).toEqual({
      ok: false,
      error: {
        type: 'MediaDownloadFailed',
        retryable: false,
        code: '100',
        title: expect.stringContaining('Invalid parameter'),
      },
    });
    expect(await download('media.unknown')).toMatchObject({ ok: false, error: { retryable: false } });
  });

  it('fails for good when the file URL answers 404', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 404 }, '/lookaside/');
    expect(await download(id)).toEqual({
      ok: false,
      error: { type: 'MediaDownloadFailed', retryable: false, code: 'http_404', title: expect.any(String) },
    });
  });

  it('retries a transient failure of either step and gets the file', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 503 }, `/${VERSION}/`);
    h.stub.failNext(1, { status: 502 }, '/lookaside/');
    expect((await storedAs(await download(id)))?.bytes).toEqual(voiceNote);
    expect(h.stub.requests).toHaveLength(4);
  });

  it('reports outages and timeouts as retryable: the download is tried again later, never dropped', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(2, { status: 500, error: { code: 131000 } });
    expect(await download(id)).toMatchObject({
      ok: false,
      error: { type: 'MediaDownloadFailed', retryable: true, code: '131000' },
    });
    const slow = await openMetaCloud({ timeoutMs: 100, retry: { maxAttempts: 1 } });
    const slowId = slow.stub.addMedia(voiceNote, 'audio/ogg');
    slow.stub.timeoutNext();
    expect(await new MetaChannelMedia(slow.client).download(line, file(slowId), sink)).toMatchObject({
      ok: false,
      error: { retryable: true, code: 'timeout' },
    });
    await slow.close();
  });

  it('refuses an id that is not one, without calling Meta', async () => {
    expect(await download('../../me')).toMatchObject({
      ok: false,
      error: { retryable: false, code: 'invalid_media_id' },
    });
    expect(h.stub.requests).toHaveLength(0);
  });

  it('throws AccessTokenRejected on a refused token', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 401, error: { code: 190 } });
    await expect(download(id)).rejects.toBeInstanceOf(AccessTokenRejected);
  });

  describe('fenced', () => {
    it('never follows a redirect: a 3xx is a final failure, and its target never sees the token', async () => {
      const id = h.stub.addMedia(voiceNote, 'audio/ogg');
      h.stub.failNext(
        1,
        { status: 302, headers: { location: `${h.stub.url}/lookaside/media/elsewhere` } },
        '/lookaside/',
      );
      expect(await download(id)).toEqual({
        ok: false,
        error: {
          type: 'MediaDownloadFailed',
          retryable: false,
          code: 'redirect_refused',
          title: expect.stringContaining('302'),
        },
      });
      expect(bytesRequests().map((r) => r.path)).toEqual([`/lookaside/media/${id}`]);
      expect(kept).toBe(0);
    });

    it('sends the token only to an allowed media host or the configured Graph host: another host is never fetched', async () => {
      // Same stub, other host name: had the adapter fetched it, the stub would have recorded the token.
      const port = new URL(h.stub.url).port;
      const id = h.stub.addMedia(voiceNote, 'audio/ogg', { urlOrigin: `http://localhost:${port}` });
      expect(await download(id, 'audio', { mediaHosts: ['lookaside.fbsbx.com', '*.fbcdn.net'] })).toEqual({
        ok: false,
        error: {
          type: 'MediaDownloadFailed',
          retryable: false,
          code: 'untrusted_media_url',
          title: expect.any(String),
        },
      });
      const evil = h.stub.addMedia(voiceNote, 'audio/ogg', { urlOrigin: 'https://graph.facebook.com.evil.example' });
      expect(await download(evil)).toMatchObject({
        ok: false,
        error: { retryable: false, code: 'untrusted_media_url' },
      });
      expect(bytesRequests()).toEqual([]);
    });
  });

  describe('capped', () => {
    it('refuses a file whose announced size is over its kind’s cap without downloading it', async () => {
      const id = h.stub.addMedia(voiceNote, 'image/jpeg', { fileSize: 5 * MB + 1 });
      expect(await download(id, 'image')).toEqual({
        ok: false,
        error: {
          type: 'MediaDownloadFailed',
          retryable: false,
          code: 'media_too_large',
          title: 'File too large: over the 5 MB limit for an image',
        },
      });
      expect(bytesRequests()).toEqual([]);
    });

    it('applies a lower cap configured by the operator', async () => {
      const id = h.stub.addMedia(new Uint8Array(2_000), 'application/pdf');
      expect(await download(id, 'document', { maxBytes: 1_000 })).toMatchObject({
        ok: false,
        error: { retryable: false, code: 'media_too_large' },
      });
      expect((await download(id, 'document', { maxBytes: 2_000 })).ok).toBe(true);
    });

    it('cuts off a server that announces a small file and streams more than the cap, keeping nothing', async () => {
      const id = h.stub.addGeneratedMedia({ size: 40 * MB, withoutLength: true }, 'image/png', { fileSize: 1_000 });
      const result = await download(id, 'image');
      expect(result).toMatchObject({ ok: false, error: { retryable: false, code: 'media_too_large' } });
      expect(kept).toBe(0);
      expect(bytesRequests()).toHaveLength(1);
      // Cut at the cap, give or take what the sockets buffer, not read to the end.
      expect(h.stub.bytesServed(id)).toBeLessThan(5 * MB + 8 * MB);
    });

    it('refuses a body whose Content-Length is over the cap before reading it', async () => {
      const id = h.stub.addGeneratedMedia({ size: 30 * MB }, 'audio/mpeg', { fileSize: null });
      expect(await download(id, 'audio')).toMatchObject({
        ok: false,
        error: { retryable: false, code: 'media_too_large' },
      });
      expect(kept).toBe(0);
    });

    it('streams a large file whole, every byte in place', async () => {
      const id = h.stub.addGeneratedMedia({ size: 12 * MB + 5 }, 'video/mp4');
      const stored = await storedAs(await download(id, 'video'));
      expect(stored?.bytes.length).toBe(12 * MB + 5);
      expect(sha(stored?.bytes ?? new Uint8Array())).toBe(sha(generatedBytes(0, 12 * MB + 5)));
    });
  });

  describe('typed', () => {
    it.each([
      ['document', 'text/html'],
      ['image', 'image/svg+xml'],
      ['audio', 'application/pdf'],
    ] as const)('refuses a %s of type %s without downloading it', async (kind, mimeType) => {
      const id = h.stub.addMedia(voiceNote, mimeType);
      expect(await download(id, kind)).toMatchObject({
        ok: false,
        error: { retryable: false, code: 'unsupported_media_type' },
      });
      expect(bytesRequests()).toEqual([]);
    });

    it('refuses a MIME type that is no MIME type (CR/LF) without downloading or echoing it', async () => {
      const id = h.stub.addMedia(voiceNote, 'image/jpeg\r\nSet-Cookie: a=b');
      const result = await download(id, 'image');
      expect(result).toMatchObject({ ok: false, error: { retryable: false, code: 'invalid_media_type' } });
      expect(JSON.stringify(result)).not.toContain('Set-Cookie');
      expect(bytesRequests()).toEqual([]);
    });
  });

  describe('interrupted', () => {
    it('reports a connection broken mid-body as retryable, keeping nothing', async () => {
      const id = h.stub.addGeneratedMedia({ size: 4 * MB, breakAfter: MB }, 'application/pdf');
      expect(await download(id, 'document')).toMatchObject({ ok: false, error: { retryable: true, code: 'network' } });
      expect(kept).toBe(0);
    });

    it('times out a body that stalls, but not a slow one that keeps coming', async () => {
      const slow = await openMetaCloud({ timeoutMs: 150, retry: { maxAttempts: 1 } });
      try {
        const steady = slow.stub.addGeneratedMedia({ size: 6 * 64 * 1024, paceMs: 60 }, 'application/pdf');
        const stalled = slow.stub.addGeneratedMedia({ size: MB, stallAfter: 128 * 1024 }, 'application/pdf');
        const channel = new MetaChannelMedia(slow.client);
        const into: MediaSink = (d, body, max) => slow.media.putStream({ ...d, owner: null }, body, max);
        expect((await channel.download(line, file(steady, 'document'), into)).ok).toBe(true);
        expect(await channel.download(line, file(stalled, 'document'), into)).toMatchObject({
          ok: false,
          error: { retryable: true, code: 'timeout' },
        });
      } finally {
        await slow.close();
      }
    });
  });
});
