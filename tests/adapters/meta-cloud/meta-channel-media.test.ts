import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessTokenRejected } from '../../../adapters/whatsapp/meta-cloud/access-token-rejected.ts';
import { MetaChannelMedia } from '../../../adapters/whatsapp/meta-cloud/meta-channel-media.ts';
import { aLine } from '../../builders/line-builder.ts';
import { openMetaCloud, TOKEN, VERSION, type MetaCloudHarness } from './meta-cloud-harness.ts';

const line = aLine().withPhoneNumberId('pnid-1').build();
const voiceNote = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]);

describe('MetaChannelMedia', () => {
  let h: MetaCloudHarness;
  beforeEach(async () => (h = await openMetaCloud({ retry: { maxAttempts: 2 } })));
  afterEach(() => h.close());
  const download = (id: string) => new MetaChannelMedia(h.client).download(line, id);

  it('asks Graph for the URL, then fetches the bytes from it with the bearer token', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    expect(await download(id)).toEqual({ ok: true, value: { bytes: voiceNote, mimeType: 'audio/ogg', filename: null } });
    expect(h.stub.requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['GET', `/${VERSION}/${id}`, `Bearer ${TOKEN}`],
      ['GET', `/lookaside/media/${id}`, `Bearer ${TOKEN}`],
    ]);
  });

  it('fails for good when Meta no longer knows the id (expired after 7 days, or never existed)', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.expireMedia(id);
    expect(await download(id)).toEqual({ ok: false, error: { type: 'MediaDownloadFailed', retryable: false, code: '100', title: expect.stringContaining('Invalid parameter') } });
    expect(await download('media.unknown')).toMatchObject({ ok: false, error: { retryable: false } });
  });

  it('fails for good when the file URL answers 404', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 404 }, '/lookaside/');
    expect(await download(id)).toEqual({ ok: false, error: { type: 'MediaDownloadFailed', retryable: false, code: 'http_404', title: expect.any(String) } });
  });

  it('retries a transient failure of either step and gets the file', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 503 }, `/${VERSION}/`);
    h.stub.failNext(1, { status: 502 }, '/lookaside/');
    expect(await download(id)).toEqual({ ok: true, value: { bytes: voiceNote, mimeType: 'audio/ogg', filename: null } });
    expect(h.stub.requests).toHaveLength(4);
  });

  it('reports outages and timeouts as retryable: the download is tried again later, never dropped', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(2, { status: 500, error: { code: 131000 } });
    expect(await download(id)).toMatchObject({ ok: false, error: { type: 'MediaDownloadFailed', retryable: true, code: '131000' } });
    const slow = await openMetaCloud({ timeoutMs: 100, retry: { maxAttempts: 1 } });
    const slowId = slow.stub.addMedia(voiceNote, 'audio/ogg');
    slow.stub.timeoutNext();
    expect(await new MetaChannelMedia(slow.client).download(line, slowId)).toMatchObject({ ok: false, error: { retryable: true, code: 'timeout' } });
    await slow.close();
  });

  it('refuses an id that is not one, without calling Meta', async () => {
    expect(await download('../../me')).toMatchObject({ ok: false, error: { retryable: false, code: 'invalid_media_id' } });
    expect(h.stub.requests).toHaveLength(0);
  });

  it('throws AccessTokenRejected on a refused token', async () => {
    const id = h.stub.addMedia(voiceNote, 'audio/ogg');
    h.stub.failNext(1, { status: 401, error: { code: 190 } });
    await expect(download(id)).rejects.toBeInstanceOf(AccessTokenRejected);
  });
});
