import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelMedia, InboundFile, MediaSink } from '../../application/ports/channel-media.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { inboundMediaLimit } from '../../domain/media/inbound-media-policy.ts';
import type { InboundMediaKind } from '../../domain/messaging/message.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { err } from '../../domain/shared/result.ts';

/** A ChannelMedia under test, and a way to make WhatsApp hold a file a lead sent. */
export type ChannelMediaSubject = {
  readonly channel: ChannelMedia;
  readonly line: BusinessLine;
  /** WhatsApp holds these bytes for the line, as if a lead had just sent them; returns WhatsApp's media id. */
  hold(bytes: Uint8Array, mimeType: string): string;
  /** WhatsApp fails the next download with a passing outage (Meta: HTTP 503), however many times it is tried. */
  failNextDownload(): void;
  close(): Promise<void>;
};
export type OpenChannelMedia = () => Promise<ChannelMediaSubject>;

/** An Ogg voice note's first bytes: what WhatsApp sends for audio. */
const voiceNote = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 1, 2, 3, 4]);
/** A JPEG's first bytes. */
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** `ChannelMedia` as the fake WhatsApp and Meta's Cloud API must both behave. */
export const channelMediaContract = (name: string, open: OpenChannelMedia) =>
  describe(`${name}: ChannelMedia`, () => {
    let subject: ChannelMediaSubject | null = null;
    let store = new InMemoryMediaStore();
    let kept = 0;
    /** The sink the application gives: the media store's `putStream`. */
    const sink: MediaSink = async (description, body, maxBytes) => {
      const stored = await store.putStream({ ...description, owner: null }, body, maxBytes);
      if (stored.ok) kept += 1;
      return stored;
    };
    beforeEach(async () => {
      subject = await open();
      store = new InMemoryMediaStore();
      kept = 0;
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const s = (): ChannelMediaSubject => {
      if (subject === null) throw new Error('channel media subject used outside a test');
      return subject;
    };
    const download = (waMediaId: string, kind: InboundMediaKind, into: MediaSink = sink) => {
      const file: InboundFile = { waMediaId, kind };
      return s().channel.download(s().line, file, into);
    };

    it('streams a held file into the sink and gives the id the sink stored it under', async () => {
      for (const [bytes, mimeType, kind] of [
        [voiceNote, 'audio/ogg', 'audio'],
        [photo, 'image/jpeg', 'image'],
      ] as const) {
        const result = await download(s().hold(bytes, mimeType), kind);
        if (!result.ok) throw new Error(`${kind} not downloaded: ${result.error.code}`);
        expect(await store.get(result.value)).toMatchObject({ bytes, mimeType });
      }
    });

    it('offers the sink at most the cap of the kind, so a huge file is never held', async () => {
      let offered = 0;
      const result = await download(s().hold(voiceNote, 'audio/ogg'), 'audio', (description, body, maxBytes) => {
        offered = maxBytes;
        return sink(description, body, maxBytes);
      });
      expect(result.ok).toBe(true);
      expect(offered).toBe(inboundMediaLimit('audio', null));
    });

    it('fails for good, keeping nothing, for an id WhatsApp does not know', async () => {
      expect(await download('media.unknown.1', 'audio')).toEqual({
        ok: false,
        error: expect.objectContaining({ type: 'MediaDownloadFailed', retryable: false, code: expect.any(String) }),
      });
      expect(kept).toBe(0);
    });

    it('fails for good, keeping nothing, for a file of a type its kind does not allow', async () => {
      const result = await download(s().hold(voiceNote, 'application/x-msdownload'), 'document');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ type: 'MediaDownloadFailed', retryable: false }),
      });
      expect(kept).toBe(0);
    });

    it('answers a passing outage with a retryable failure, and the next try gets the file', async () => {
      const id = s().hold(voiceNote, 'audio/ogg');
      s().failNextDownload();
      expect(await download(id, 'audio')).toEqual({
        ok: false,
        error: expect.objectContaining({ type: 'MediaDownloadFailed', retryable: true }),
      });
      const again = await download(id, 'audio');
      expect(again.ok && (await store.get(again.value))?.bytes).toEqual(voiceNote);
    });

    it('fails for good when the sink refuses the file as too large', async () => {
      const result = await download(s().hold(photo, 'image/jpeg'), 'image', async () =>
        err({ type: 'MediaTooLarge', size: 999, maxBytes: 5 }),
      );
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ type: 'MediaDownloadFailed', retryable: false }),
      });
    });

    it('lets what the sink throws for its own reasons (storage down) reach the caller', async () => {
      const id = s().hold(photo, 'image/jpeg');
      await expect(
        download(id, 'image', async () => {
          throw new Error('storage down');
        }),
      ).rejects.toThrow('storage down');
    });
  });
